package io.github.attribution.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

final class DatasetTest {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void build_columnsSizedFromAnEstimateHoldExactlyTheTouchesAdded() {
        for (int added : new int[] {0, 1, 990, 1000, 1001, 40}) {
            Dataset.Builder builder = Dataset.builder().expectTouchpoints(1000);
            List<Touchpoint> touches = touches(added);
            touches.forEach(builder::addTouchpoint);
            Dataset data = builder.build();

            assertEquals(added, data.touchCount());
            for (int t = 0; t < added; t++) {
                assertEquals(touches.get(t), data.touchpoint(t), "touch " + t);
            }
            assertIndexChecked(data, added);
            assertIndexChecked(data, -1);
        }
    }

    @Test
    void touchAccessors_refuseAnIndexPastTheCountEvenWhereTheColumnsHaveSlack() {
        Dataset.Builder builder = Dataset.builder().expectTouchpoints(1000);
        touches(990).forEach(builder::addTouchpoint); // 10 spare rows: kept, not trimmed
        Dataset data = builder.build();
        assertEquals(990, data.touchCount());
        for (int t : new int[] {990, 995, 999, 1000}) {
            assertIndexChecked(data, t);
        }
    }

    private static void assertIndexChecked(Dataset data, int touch) {
        List<IntConsumer> accessors = List.of(
                data::touchId,
                data::touchAccount,
                data::touchPerson,
                data::touchTime,
                data::touchChannel,
                data::touchSource,
                data::touchCampaign,
                data::touchOffer,
                data::touchType,
                data::touchpoint,
                t -> data.copyTouchIdCsv(t, new byte[64], 0));
        for (int i = 0; i < accessors.size(); i++) {
            IntConsumer accessor = accessors.get(i);
            assertThrows(
                    IndexOutOfBoundsException.class,
                    () -> accessor.accept(touch),
                    "accessor " + i + " with touch " + touch + " of " + data.touchCount());
        }
    }

    private static List<Touchpoint> touches(int count) {
        List<Touchpoint> touches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            touches.add(new Touchpoint(
                    "TP-" + i,
                    "ACC-" + (i % 7),
                    i % 3 == 0 ? null : "P-" + (i % 11),
                    START.plusSeconds(3600L * i),
                    "Channel " + (i % 4),
                    i % 2 == 0 ? "" : "source-" + (i % 5),
                    "Campaign " + (i % 6),
                    i % 5 == 0 ? "" : "Offer " + (i % 3),
                    i % 4 == 0 ? TouchType.SALES : TouchType.MARKETING));
        }
        return touches;
    }
}
