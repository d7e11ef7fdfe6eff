package io.github.attribution.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

final class TextTableTest {
    private static TextTable table() {
        TextTable t =
                new TextTable(List.of("channel", "alpha", "beta", "gamma"), new boolean[] {false, true, true, true});
        t.add(List.of("Email", "1234567.50", "2.5%", "12"));
        t.add(List.of("Paid Search", "3.00", "97.5%", "1000"));
        return t;
    }

    @Test
    void wrap_breaksBetweenWordsWithinTheWidth() {
        String text = "Models disagree most on Sales Outreach: 94.4 percentage points.";
        assertEquals(text + "\n", TextTable.wrap(text, 100));
        assertEquals(text + "\n", TextTable.wrap(text, text.length()));
        assertEquals("Models disagree most on\nSales Outreach: 94.4\npercentage points.\n", TextTable.wrap(text, 23));
        // a word longer than the width gets a line of its own; spaces inside a line are kept as given
        assertEquals("a\nextraordinarily\nb  c\n", TextTable.wrap("a extraordinarily b  c", 5));
    }

    @Test
    void render_groupsNumbersInRightAlignedColumns() {
        assertEquals(
                String.join(
                        "\n",
                        "channel             alpha   beta  gamma",
                        "---------------------------------------",
                        "Email        1,234,567.50   2.5%     12",
                        "Paid Search          3.00  97.5%  1,000",
                        ""),
                table().render());
    }

    @Test
    void render_cutsAWideTableIntoBlocksThatRepeatTheKeyColumn() {
        assertEquals(
                String.join(
                        "\n",
                        "channel             alpha   beta",
                        "--------------------------------",
                        "Email        1,234,567.50   2.5%",
                        "Paid Search          3.00  97.5%",
                        "",
                        "channel      gamma",
                        "------------------",
                        "Email           12",
                        "Paid Search  1,000",
                        ""),
                table().render(32, 1));
    }

    @Test
    void render_aColumnWiderThanTheWidthGetsABlockOfItsOwn() {
        String text = table().render(5, 1);
        assertEquals(3, text.split("\n\n").length, text);
        assertTrue(text.startsWith("channel             alpha\n"), text);
    }

    @Test
    void render_aTableThatFitsIsOneBlock() {
        assertEquals(table().render(), table().render(39, 1));
    }
}
