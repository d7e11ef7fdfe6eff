package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress line on a fake terminal: it redraws cleanly, and covers reading the input files. */
final class ProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private long now;

    private Progress progress(boolean terminal, int width) {
        return new Progress(err, terminal, width, 0, () -> now);
    }

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * What a terminal shows after {@code text}: carriage return goes back to the start of the line,
     * line feed starts a new one, any other character is written over what is there.
     */
    static List<String> screen(String text) {
        List<StringBuilder> lines = new ArrayList<>(List.of(new StringBuilder()));
        int column = 0;
        for (char ch : text.toCharArray()) {
            StringBuilder line = lines.get(lines.size() - 1);
            if (ch == '\r') {
                column = 0;
            } else if (ch == '\n') {
                lines.add(new StringBuilder());
                column = 0;
            } else {
                if (column < line.length()) {
                    line.setCharAt(column, ch);
                } else {
                    line.append(ch);
                }
                column++;
            }
        }
        return lines.stream().map(l -> l.toString().stripTrailing()).toList();
    }

    @Test
    void update_shorterLineAfterALongerOne_leavesNothingBehind() {
        Progress p = progress(true, 100);
        now = 3 * SECOND;
        p.update("attribute time-decay:half-life-days=14", 37, 100);
        assertEquals(List.of("attribute time-decay:half-life-days=14: 37%"), screen(written()));
        now += SECOND;
        p.update("attribute linear", 44, 100);
        assertEquals(List.of("attribute linear: 44%"), screen(written()));
        p.done();
        assertEquals(List.of(""), screen(written()));
        assertFalse(written().contains("\u001b"), "no escape codes: " + written());
    }

    @Test
    void update_isQuietForTwoSecondsThenAtMostTwiceASecond() {
        Progress p = progress(true, 100);
        now = SECOND;
        p.update("report w-shaped", 10, 100);
        assertEquals("", written());
        now = 2 * SECOND + 1;
        p.update("report w-shaped", 20, 100);
        assertEquals(List.of("report w-shaped: 20%"), screen(written()));
        now += SECOND / 4;
        p.update("report w-shaped", 30, 100);
        assertEquals(List.of("report w-shaped: 20%"), screen(written()));
        now += SECOND / 2;
        p.update("report w-shaped", 40, 100);
        assertEquals(List.of("report w-shaped: 40%"), screen(written()));
    }

    @Test
    void progress_whenStandardErrorIsNoTerminal_printsNothing() {
        Progress p = progress(false, 100);
        now = 10 * SECOND;
        p.update("attribute linear", 50, 100);
        p.read("touchpoints.csv", 1, 2);
        p.done();
        assertEquals("", written());
    }

    @Test
    void read_showsTheFileAndItsBytes() {
        Progress p = progress(true, 100);
        now = 3 * SECOND;
        p.read("touchpoints.csv", 1_234_000_000L, 2_300_000_000L);
        assertEquals(List.of("reading touchpoints.csv: 1.2 GB / 2.3 GB (53%)"), screen(written()));
        now += SECOND;
        p.read("people.csv", 512, 900_000);
        assertEquals(List.of("reading people.csv: 512 B / 900.0 kB (0%)"), screen(written()));
    }

    @Test
    void line_isCutToTheTerminalsWidthLessOne() {
        Progress p = progress(true, 20);
        now = 3 * SECOND;
        p.update("compare time-decay:half-life-days=14", 5, 10);
        String shown = screen(written()).get(0);
        assertEquals("compare time-decay:", shown);
        assertEquals(19, shown.length());
    }

    @Test
    void bytes_inDecimalUnits() {
        assertEquals("0 B", Progress.bytes(0));
        assertEquals("999 B", Progress.bytes(999));
        assertEquals("1.0 kB", Progress.bytes(1000));
        assertEquals("1.0 MB", Progress.bytes(999_960));
        assertEquals("2.3 GB", Progress.bytes(2_300_000_000L));
    }

    @Test
    void load_showsReadingEachFile_thenClearsTheLineBeforeAnyWarning() throws Exception {
        Path data = dir.resolve("data");
        Cli generated = Cli.run("generate", "--opportunities", "3000", "--seed", "5", "--out", data.toString());
        assertEquals(0, generated.exit, generated.toString());
        Args args = Args.parse(
                List.of(
                        "--touchpoints",
                        data.resolve("touchpoints.csv").toString(),
                        "--opportunities",
                        data.resolve("opportunities.csv").toString(),
                        "--model",
                        "w-shaped"),
                Inputs.spec(false));
        Command.Context context = new Command.Context(new PrintStream(new ByteArrayOutputStream()), err, true, 100);
        // past the quiet start, and a second later at every look: every report is due
        now = 10 * SECOND;
        Progress p = new Progress(err, true, 100, 0, () -> now += SECOND);
        try (Inputs inputs = Inputs.load(args, context, List.of(), p)) {
            assertEquals(3000, inputs.data.opportunityCount());
        }
        String text = written();
        assertTrue(text.contains("\rreading touchpoints.csv: "), text);
        assertTrue(text.contains("\rreading opportunities.csv: "), text);
        assertTrue(text.contains("(100%)"), text);
        // the warning about lead-creation dates (no --people) starts on a clean line
        List<String> screen = screen(text);
        assertEquals(2, screen.size(), text);
        assertTrue(screen.get(0).startsWith("warning: model 'w-shaped' uses the lead-creation milestone"), text);
        assertEquals("", screen.get(1));
    }
}
