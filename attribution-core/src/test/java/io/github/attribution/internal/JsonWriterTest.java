package io.github.attribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import org.junit.jupiter.api.Test;

final class JsonWriterTest {
    private static String string(String value) throws IOException {
        StringBuilder b = new StringBuilder();
        new JsonWriter(b).string(value);
        return b.toString();
    }

    @Test
    void string_escapesQuotesBackslashesAndControls() throws IOException {
        assertEquals("\"plain\"", string("plain"));
        assertEquals("\"a\\\"b\\\\c\"", string("a\"b\\c"));
        assertEquals("\"l1\\nl2\\r\\t\"", string("l1\nl2\r\t"));
        assertEquals("\"\\u0000\\u001f\\u2028\\u2029\"", string("\u0000\u001f\u2028\u2029"));
        assertEquals("\"caf\u00e9 \u20ac \uD83D\uDE00\"", string("caf\u00e9 \u20ac \uD83D\uDE00"));
        assertEquals("null", string(null));
    }

    @Test
    void string_anyText_readsBackAsItself() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(s -> {
            String json;
            try {
                json = string(s);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            assertEquals(s, unquote(json));
        });
    }

    @Test
    void commasAndLineBreaks_whereAsked() throws IOException {
        StringBuilder b = new StringBuilder();
        JsonWriter json = new JsonWriter(b).beginObject().name("rows").beginArray();
        for (int i = 0; i < 2; i++) {
            json.newline()
                    .beginObject()
                    .name("n")
                    .number(i)
                    .name("v")
                    .number("0.50")
                    .name("x")
                    .nullValue()
                    .endObject();
        }
        json.newline()
                .endArray()
                .newline()
                .name("tags")
                .beginArray()
                .string("a")
                .string("b")
                .endArray();
        json.endObject().newline();
        assertEquals(
                "{\"rows\":[\n{\"n\":0,\"v\":0.50,\"x\":null},\n{\"n\":1,\"v\":0.50,\"x\":null}\n],\n\"tags\":[\"a\",\"b\"]}\n",
                b.toString());
    }

    @Test
    void emptyContainers_andTopLevelValues() throws IOException {
        StringBuilder b = new StringBuilder();
        new JsonWriter(b).beginArray().endArray().beginObject().endObject().number((String) null);
        assertEquals("[]{}null", b.toString());
    }

    @Test
    void misnesting_isRejected() throws IOException {
        JsonWriter json = new JsonWriter(new StringBuilder());
        assertThrows(IllegalStateException.class, json::endArray);
        assertThrows(IllegalStateException.class, () -> json.name("top"));
        json.beginArray();
        assertThrows(IllegalStateException.class, json::endObject);
        assertThrows(IllegalStateException.class, () -> json.name("in array"));
        json.beginObject().name("k");
        assertThrows(IllegalStateException.class, json::endObject);
        assertThrows(IllegalStateException.class, () -> json.name("twice"));
    }

    /** Reads back a JSON string literal (only the escapes the writer makes). */
    private static String unquote(String json) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < json.length() - 1; i++) {
            char c = json.charAt(i);
            if (c != '\\') {
                assertEquals(false, c < 0x20 || c == '"' || c == 0x2028 || c == 0x2029, "raw character " + (int) c);
                b.append(c);
                continue;
            }
            char e = json.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    b.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }
}
