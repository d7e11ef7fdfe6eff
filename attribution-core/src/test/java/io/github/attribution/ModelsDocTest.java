package io.github.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.data.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The credit tables of docs/models.md read from the page itself and run: every model row of the E1
 * tables ("Single-touch models", "Position-based family") must give exactly the credits it shows, so
 * the page cannot drift from the code. {@link WorkedExamplesTest} asserts the same numbers written out.
 */
final class ModelsDocTest {
    private static final Pattern TOUCH_CREDIT = Pattern.compile("^(t\\d) (\\d+\\.\\d\\d)");
    private final Dataset e1 = Fixtures.e1();

    @Test
    void positionFamilyTable_matchesTheModels() throws IOException {
        List<String> rows = tableAfter("**E1 credits (USD):**");
        assertTrue(rows.size() >= 8, "rows: " + rows);
        for (String row : rows) {
            List<String> cells = cells(row);
            String model = between(cells.get(0), '`');
            List<String> expected = new ArrayList<>();
            for (int t = 1; t <= 7; t++) {
                String cell = cells.get(t);
                if (!cell.isEmpty()) {
                    expected.add("t" + t + "=" + cell);
                }
            }
            assertEquals(expected, Fixtures.credits(e1, model, "E1"), model);
        }
    }

    @Test
    void singleTouchTable_matchesTheModels() throws IOException {
        List<String> rows = tableAfter("| name | the touch | E1 |");
        assertEquals(6, rows.size(), "rows: " + rows);
        for (String row : rows) {
            List<String> cells = cells(row);
            String model = between(cells.get(0), '`');
            Matcher m = TOUCH_CREDIT.matcher(cells.get(2));
            assertTrue(m.find(), row);
            assertEquals(List.of(m.group(1) + "=" + m.group(2)), Fixtures.credits(e1, model, "E1"), model);
        }
    }

    /** The table rows (not the header or separator) of the first table after the line {@code marker}. */
    private static List<String> tableAfter(String marker) throws IOException {
        List<String> lines = Files.readAllLines(modelsMd(), StandardCharsets.UTF_8);
        int at = lines.indexOf(marker);
        assertTrue(at >= 0, "docs/models.md has no line " + marker);
        int i = at + 1;
        while (i < lines.size() && !lines.get(i).startsWith("|")) {
            i++;
        }
        List<String> rows = new ArrayList<>();
        for (; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String line = lines.get(i);
            if (!line.startsWith("|---") && !line.startsWith("| model") && !line.equals(marker)) {
                rows.add(line);
            }
        }
        return rows;
    }

    /** The cells of a markdown table row, trimmed; {@code \|} is a literal bar. */
    private static List<String> cells(String row) {
        String[] parts = row.replace("\\|", "\u0000").split("\\|", -1);
        List<String> cells = new ArrayList<>();
        for (int i = 1; i < parts.length - 1; i++) {
            cells.add(parts[i].replace('\u0000', '|').trim());
        }
        return cells;
    }

    private static String between(String text, char quote) {
        int from = text.indexOf(quote);
        return text.substring(from + 1, text.indexOf(quote, from + 1));
    }

    private static Path modelsMd() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path doc = p.resolve("docs/models.md");
            if (Files.isRegularFile(doc)) {
                return doc;
            }
        }
        throw new IllegalStateException("docs/models.md not found");
    }
}
