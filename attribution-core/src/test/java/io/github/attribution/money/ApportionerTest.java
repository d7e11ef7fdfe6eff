package io.github.attribution.money;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The examples of docs/models.md, section "From weights to money", and the edges of the rule. */
final class ApportionerTest {

    @Test
    void apportionShares_givesLeftoverToLargestRemainders() {
        // 100 over 1:1:1 -> 33.33.. each; one leftover unit to the earliest tie
        assertArrayEquals(new long[] {34, 33, 33}, Apportioner.ofShares(100, 1, 1, 1));
        // 10 over 3:3:4 -> 3, 3, 4 exactly
        assertArrayEquals(new long[] {3, 3, 4}, Apportioner.ofShares(10, 3, 3, 4));
        // 10 over 1:2:4 -> raw 1.43, 2.86, 5.71 -> floors 1,2,5 (+2): largest fractions .857 and .714
        assertArrayEquals(new long[] {1, 3, 6}, Apportioner.ofShares(10, 1, 2, 4));
    }

    @Test
    void apportionShares_roundsHalfUnitsToEarliestTouch() {
        assertArrayEquals(new long[] {1, 0}, Apportioner.ofShares(1, 1, 1));
        assertArrayEquals(new long[] {0, 2, 1}, Apportioner.ofShares(3, 0, 1, 1));
    }

    @Test
    void apportionShares_zeroShareGetsNothing() {
        assertArrayEquals(new long[] {0, 7, 0}, Apportioner.ofShares(7, 0, 5, 0));
    }

    @Test
    void apportionShares_hugeAmountsUseExactWideArithmetic() {
        long amount = Long.MAX_VALUE / 3;
        long[] shares = {1_000_003, 2_000_011, 3_999_999};
        long[] credits = Apportioner.ofShares(amount, shares);
        long total = 1_000_003 + 2_000_011 + 3_999_999;
        long sum = 0;
        for (int i = 0; i < shares.length; i++) {
            BigInteger floor = BigInteger.valueOf(amount)
                    .multiply(BigInteger.valueOf(shares[i]))
                    .divide(BigInteger.valueOf(total));
            long diff = credits[i] - floor.longValueExact();
            assertEquals(true, diff == 0 || diff == 1, "credit " + i);
            sum += credits[i];
        }
        assertEquals(amount, sum);
    }

    @Test
    void apportionShares_powerOfTwoTotalsShiftInsteadOfDivide() {
        long amount = 123_456_789_012_345L;
        long[] parts = {Apportioner.PARTS / 4, Apportioner.PARTS / 4 * 3};
        assertArrayEquals(new long[] {30_864_197_253_086L, 92_592_591_759_259L}, Apportioner.ofShares(amount, parts));
    }

    @Test
    void apportionWeights_quantisesThenApportionsExactly() {
        // 1/3 each: 2^40 parts do not divide by 3; the leftover part goes to the earliest
        assertArrayEquals(new long[] {334, 333, 333}, Apportioner.ofWeights(1000, 1, 1, 1));
        assertArrayEquals(new long[] {250, 750}, Apportioner.ofWeights(1000, 0.5, 1.5));
    }

    @Test
    void apportionWeights_tinyWeightsStillSumExactly() {
        long[] credits = Apportioner.ofWeights(1_000_000_007L, 1e-300, 1, 1e-20, 3);
        assertEquals(1_000_000_007L, credits[0] + credits[1] + credits[2] + credits[3]);
        assertEquals(0, credits[0]);
    }

    @Test
    void apportion_rejectsNegativeAndNonFiniteInput() {
        assertThrows(IllegalArgumentException.class, () -> Apportioner.ofShares(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> Apportioner.ofShares(1, -1, 2));
        assertThrows(IllegalArgumentException.class, () -> Apportioner.ofShares(1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Apportioner.ofWeights(1, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> Apportioner.ofWeights(1, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Apportioner.ofWeights(1, 0.0, 0.0));
    }

    @Test
    void apportionShares_longJourneysRankRemaindersCorrectly() {
        long[] shares = new long[500];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = (i * 7919L) % 101 + 1;
        }
        long amount = 99_999;
        long[] credits = Apportioner.ofShares(amount, shares);
        long total = 0;
        for (long s : shares) {
            total += s;
        }
        long sum = 0;
        for (int i = 0; i < shares.length; i++) {
            double raw = (double) amount * shares[i] / total;
            assertEquals(raw, credits[i], 1.0, "credit " + i);
            sum += credits[i];
        }
        assertEquals(amount, sum);
    }
}
