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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
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
    void commandLine_inAFreshJvm_printsNoSlf4jLines() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "demo",
                "--models",
                "linear,markov");
        builder.environment().remove("COLUMNS");
        Process p = builder.start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> copy(p.getErrorStream(), err));
        drain.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "demo did not finish");
        drain.join();
        String errors = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), errors);
        assertTrue(out.contains("markov"), out);
        assertTrue(errors.startsWith("summary:"), errors);
        assertFalse(errors.contains("SLF4J"), errors);
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
