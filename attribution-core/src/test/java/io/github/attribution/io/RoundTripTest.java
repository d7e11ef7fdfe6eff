package io.github.attribution.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.attribution.AttributionResult;
import io.github.attribution.Attributor;
import io.github.attribution.CreditTable;
import io.github.attribution.Models;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.internal.Numbers;
import io.github.attribution.model.AttributionModel;
import io.github.attribution.sample.SampleGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Writing a dataset to CSV and reading it back changes no credit of any model. */
final class RoundTripTest {
    private static final List<String> MODELS =
            List.of("linear", "w-shaped", "u-shaped", "time-decay", "original-source", "last-non-direct");

    @Test
    void writeThenRead_givesTheSameCredits() {
        qt().withExamples(12)
                .forAll(integers().between(0, 120), longs().all(), booleans().all())
                .checkAssert((size, seed, contacts) -> {
                    Dataset original = SampleGenerator.generate(size, seed, contacts);
                    Dataset read = roundTrip(original, contacts);
                    assertEquals(original.touchCount(), read.touchCount());
                    assertEquals(original.opportunityCount(), read.opportunityCount());
                    assertEquals(credits(original), credits(read), "size " + size + ", seed " + seed);
                });
    }

    @Test
    void aFileOfThousandsOfRows_isSizedFromItsFirstRowsAndReadWhole() {
        // past the first 4096 touchpoint rows the reader sizes the columns from the file's bytes
        Dataset original = SampleGenerator.generate(600, 7, false);
        Dataset read = roundTrip(original, false);
        assertEquals(original.touchCount(), read.touchCount());
        for (int t = 0; t < original.touchCount(); t++) {
            assertEquals(original.touchpoint(t), read.touchpoint(t));
        }
        assertEquals(credits(original), credits(read));
    }

    private static Dataset roundTrip(Dataset data, boolean contacts) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("roundtrip");
            DatasetWriter.write(data, dir);
            DatasetReader reader = DatasetReader.strict(Money.currency("USD"));
            Dataset.Builder b = Dataset.builder();
            reader.readTouchpoints(dir.resolve("touchpoints.csv"), b);
            reader.readOpportunities(dir.resolve("opportunities.csv"), b);
            reader.readPeople(dir.resolve("people.csv"), b);
            if (contacts) {
                reader.readContacts(dir.resolve("opportunity_contacts.csv"), b);
            }
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    /** Every row of every model, as text with ids (not indices, which may differ). */
    private static List<String> credits(Dataset data) {
        List<AttributionModel> models = new ArrayList<>();
        MODELS.forEach(m -> models.add(Models.byName(m)));
        AttributionResult result =
                Attributor.builder().threads(1).cycleGapDays(30).build().attribute(data, models);
        List<String> rows = new ArrayList<>();
        for (CreditTable t : result.tables()) {
            for (int o = 0; o < data.opportunityCount(); o++) {
                for (int r = t.rowStart(o); r < t.rowEnd(o); r++) {
                    int touch = t.touch(r);
                    rows.add(t.model() + "," + data.opportunityId(o) + "," + (touch < 0 ? "-" : data.touchId(touch))
                            + "," + Numbers.weight(t.weight(r)) + "," + t.credit(r));
                }
            }
        }
        return rows;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
