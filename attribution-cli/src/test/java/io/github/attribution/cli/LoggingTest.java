package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line has an SLF4J backend of its own (slf4j-simple, warnings only), so SLF4J never
 * prints its "no providers" lines, without any system property set by {@link Main}.
 */
final class LoggingTest {
    @Test
    void backend_isSlf4jSimpleAtWarningLevel() {
        assertEquals(
                "org.slf4j.simple.SimpleLoggerFactory",
                LoggerFactory.getILoggerFactory().getClass().getName());
        Logger log = LoggerFactory.getLogger(io.github.attribution.Attributor.class);
        assertTrue(log.isWarnEnabled());
        assertFalse(log.isInfoEnabled());
        assertFalse(log.isDebugEnabled());
    }

    @Test
    void commandLine_inAFreshJvm_printsNoSlf4jLines(@TempDir Path dir) throws Exception {
        String demo = run("demo", "--models", "linear,markov");
        assertTrue(demo.startsWith("summary:"), demo);
        assertFalse(demo.contains("SLF4J"), demo);
        // paths logs from worker threads early on: SLF4J must be started before them
        String paths = Cli.file(dir, "paths.csv", "path,conversions,nulls", "A > B,3,1", "B,1,2", "A > C > B,2,0");
        String err = run("paths", "--paths", paths, "--nulls-column", "nulls");
        assertTrue(err.startsWith("summary:"), err);
        assertFalse(err.contains("SLF4J"), err);
    }

    /** Runs the command line in a new JVM; its standard error. */
    private static String run(String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(
                List.of(java.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("COLUMNS");
        Process p = builder.start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> copy(p.getErrorStream(), err));
        drain.start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", args) + " did not finish");
        drain.join();
        String errors = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), errors);
        return errors;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
