package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A run ended by SIGTERM, SIGINT or SIGHUP in the middle of a large write leaves no temporary file. */
final class SignalCleanupTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT", "HUP"})
    void signal_duringWrite_removesTheTemporaryFile(String signal) throws Exception {
        Path out = dir.resolve("credits.csv");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        InterruptedOutput.class.getName(),
                        out.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", reader.readLine());
            assertEquals(1, temporaryFiles().size(), "the write is under way: " + temporaryFiles());
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(p.pid())).start();
            assertEquals(0, kill.waitFor());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "ended by SIG" + signal);
            assertEquals(List.of(), temporaryFiles());
            assertTrue(Files.notExists(out));
        } finally {
            p.destroyForcibly();
        }
    }

    private List<String> temporaryFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".tmp"))
                    .toList();
        }
    }
}
