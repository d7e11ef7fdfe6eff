package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.Attributor;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The README's Java code, taken from {@code README.md} itself, compiled and run as a separate consumer
 * module on the module path ({@code requires io.github.attribution}) against the built library and
 * slf4j-api, its output compared with the README's.
 *
 * <p>Every {@code ```java} block of the README is either a program (it declares a class with a {@code
 * main} method) or a snippet that goes at the end of the preceding program's {@code main}. Each must be
 * followed by a {@code ```text} block: what it prints (for a snippet, what it adds to the output).
 */
final class ReadmeTest {
    private static final Pattern FENCE = Pattern.compile("(?m)^```(\\w*)\\n(.*?)^```\\s*$", Pattern.DOTALL);
    private static final Pattern CLASS = Pattern.compile("public\\s+class\\s+(\\w+)");
    private static final String MODULE = "readme.consumer";
    private static final String PACKAGE = "readme";

    @TempDir
    Path dir;

    record Block(String language, String body) {}

    @Test
    void readmeJavaBlocks_compileAndRunOnTheModulePath() throws Exception {
        List<Block> blocks = blocks(Files.readString(readme(), StandardCharsets.UTF_8));
        String program = null;
        StringBuilder expected = new StringBuilder();
        int runs = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (!block.language().equals("java")) {
                continue;
            }
            assertTrue(
                    i + 1 < blocks.size() && blocks.get(i + 1).language().equals("text"),
                    "the README's java block " + (runs + 1) + " must be followed by a ```text block of its output");
            if (CLASS.matcher(block.body()).find()) {
                program = block.body();
                expected.setLength(0);
            } else {
                assertNotNull(program, "a java snippet before any program in the README");
                program = atEndOfMain(program, block.body());
            }
            expected.append(blocks.get(i + 1).body());
            assertEquals(
                    expected.toString(),
                    compileAndRun(program, "run" + runs),
                    "output of the README's java block " + (runs + 1) + " (after the blocks before it)");
            runs++;
        }
        assertTrue(runs >= 2, "the README should show a program and an own model; found " + runs + " java blocks");
    }

    @Test
    void blocks_splitsFencedBlocksWithTheirLanguage() {
        List<Block> blocks = blocks("text\n```java\nclass A {}\n```\nmore\n```text\nout\n```\n```\nplain\n```\n");
        assertEquals(
                List.of(new Block("java", "class A {}\n"), new Block("text", "out\n"), new Block("", "plain\n")),
                blocks);
    }

    @Test
    void atEndOfMain_insertsBeforeMainsClosingBrace() {
        String program = "public class P {\n    public static void main(String[] a) {\n        int x = 1;\n    }\n"
                + "    static void other() {}\n}\n";
        assertEquals(
                "public class P {\n    public static void main(String[] a) {\n        int x = 1;\n"
                        + "        x++;\n        if (x > 0) { x--; }\n    }\n    static void other() {}\n}\n",
                atEndOfMain(program, "x++;\nif (x > 0) { x--; }\n"));
    }

    static List<Block> blocks(String markdown) {
        List<Block> out = new ArrayList<>();
        Matcher m = FENCE.matcher(markdown.replace("\r\n", "\n"));
        while (m.find()) {
            out.add(new Block(m.group(1), m.group(2)));
        }
        return out;
    }

    /** {@code program} with {@code snippet}'s lines, indented, as the last statements of {@code main}. */
    static String atEndOfMain(String program, String snippet) {
        int main = program.indexOf("public static void main");
        assertTrue(main >= 0, "no main method in the README's program");
        int open = program.indexOf('{', main);
        int depth = 0;
        int close = -1;
        for (int i = open; i < program.length(); i++) {
            char c = program.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                close = i;
                break;
            }
        }
        assertTrue(close > 0, "main's closing brace not found");
        int lineStart = program.lastIndexOf('\n', close) + 1;
        StringBuilder inserted = new StringBuilder();
        for (String line : snippet.split("\n")) {
            inserted.append(line.isEmpty() ? "" : "        ").append(line).append('\n');
        }
        return program.substring(0, lineStart) + inserted + program.substring(lineStart);
    }

    /** Compiles {@code program} in a module of its own and runs its main class; returns standard output. */
    private String compileAndRun(String program, String name) throws Exception {
        Matcher m = CLASS.matcher(program);
        assertTrue(m.find());
        String className = m.group(1);
        Path src = dir.resolve(name).resolve("src");
        Path classes = dir.resolve(name).resolve("classes");
        Files.createDirectories(src.resolve(PACKAGE));
        Files.createDirectories(classes);
        Path moduleInfo = src.resolve("module-info.java");
        Files.writeString(moduleInfo, "module " + MODULE + " {\n    requires io.github.attribution;\n}\n");
        Path source = src.resolve(PACKAGE).resolve(className + ".java");
        // a named module has no unnamed package: the README's class goes into a package of its own
        Files.writeString(source, "package " + PACKAGE + ";\n\n" + program);

        String modulePath = location(Attributor.class) + File.pathSeparator + location(LoggerFactory.class);
        assertTrue(
                ModuleFinder.of(location(Attributor.class))
                        .find("io.github.attribution")
                        .isPresent(),
                "the library at " + location(Attributor.class) + " is not the module io.github.attribution");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests need a JDK");
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int compiled = javac.run(
                null,
                diagnostics,
                diagnostics,
                "--release",
                "17",
                "--module-path",
                modulePath,
                "-d",
                classes.toString(),
                moduleInfo.toString(),
                source.toString());
        assertEquals(
                0,
                compiled,
                "the README's Java code does not compile:\n" + diagnostics.toString(StandardCharsets.UTF_8) + "\n"
                        + program);

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "--module-path",
                        classes + File.pathSeparator + modulePath,
                        "--module",
                        MODULE + "/" + PACKAGE + "." + className)
                .redirectErrorStream(false)
                .start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> copy(process.getErrorStream(), err));
        drain.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the README's program did not finish");
        drain.join();
        String errors = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "the README's program failed:\n" + errors);
        assertFalse(errors.contains("Exception"), errors);
        return out.replace("\r\n", "\n");
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** README.md of the repository: the module's parent directory when Maven runs the tests. */
    private static Path readme() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("attribution-core"))) {
                return p.resolve("README.md");
            }
        }
        throw new IllegalStateException("README.md not found above " + here);
    }
}
