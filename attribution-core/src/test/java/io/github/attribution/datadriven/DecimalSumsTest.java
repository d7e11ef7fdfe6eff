package io.github.attribution.datadriven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link DecimalSums} against adding {@link BigDecimal}s one by one, scale included. */
final class DecimalSumsTest {
    /** A non-negative term: mostly small, some near {@code Long.MAX_VALUE}, some with odd scales. */
    private static BigDecimal term(SplittableRandom r) {
        long units = switch (r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> r.nextLong(1000);
            case 2 -> r.nextLong(Long.MAX_VALUE);
            default -> Long.MAX_VALUE - r.nextInt(10);
        };
        int scale = r.nextInt(6) == 0 ? r.nextInt(-3, 25) : r.nextInt(0, 5);
        BigDecimal term = BigDecimal.valueOf(units, scale);
        return r.nextInt(10) == 0 ? term.multiply(BigDecimal.TEN.pow(20)) : term;
    }

    @Test
    void sums_equalBigDecimalAdditionWithScale() {
        qt().withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            DecimalSums sums = new DecimalSums(2);
            DecimalSums copy = new DecimalSums(1);
            BigDecimal fromZero = BigDecimal.ZERO;
            BigDecimal fromNull = null;
            for (int n = r.nextInt(12); n > 0; n--) {
                BigDecimal t = term(r);
                if (r.nextBoolean() && t.scale() >= 0 && t.scale() <= 18 && t.precision() <= 18) {
                    sums.add(1, t.unscaledValue().longValueExact(), t.scale());
                } else {
                    sums.add(1, t);
                }
                if (t.signum() != 0) {
                    fromZero = fromZero.add(t);
                    fromNull = fromNull == null ? t : fromNull.add(t);
                }
            }
            copy.addAll(0, sums, 1);
            assertEquals(fromZero, sums.sum(1)); // equals compares the scale too
            assertEquals(fromNull, sums.sumOrNull(1));
            assertEquals(fromNull == null, sums.isZero(1));
            assertEquals(fromZero, copy.sum(0));
            assertEquals(BigDecimal.ZERO, sums.sum(0));
            assertNull(sums.sumOrNull(0));
        });
    }

    @Test
    void sum_scaleIsTheLargestOfNonZeroTerms() {
        DecimalSums sums = new DecimalSums(1);
        sums.add(0, 0, 7); // zeros do not count
        sums.add(0, 150, 2);
        sums.add(0, 3, 0);
        assertEquals(new BigDecimal("4.50"), sums.sum(0));
        sums.add(0, Long.MAX_VALUE, 1); // spills
        assertEquals(new BigDecimal("4.50").add(BigDecimal.valueOf(Long.MAX_VALUE, 1)), sums.sum(0));
    }
}
