package io.github.attribution.money;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The apportioner against a reference written from the words of docs/models.md, "From weights to money") with
 * BigInteger and a full sort: floors, then one unit each to the largest remainders, ties to the
 * earlier touch.
 */
final class ApportionerPropertiesTest {

    /** The documented rule, slowly and obviously. */
    static long[] reference(long amount, long[] shares) {
        BigInteger total = BigInteger.ZERO;
        for (long s : shares) {
            total = total.add(BigInteger.valueOf(s));
        }
        int n = shares.length;
        long[] out = new long[n];
        BigInteger[] remainders = new BigInteger[n];
        long assigned = 0;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = BigInteger.valueOf(amount)
                    .multiply(BigInteger.valueOf(shares[i]))
                    .divideAndRemainder(total);
            out[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            assigned += out[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; k < amount - assigned; k++) {
            out[order.get(k)]++;
        }
        return out;
    }

    /** Shares with many ties (as position models make) or spread values, journeys of 1 to 300 touches. */
    static long[] shares(SplittableRandom r) {
        int n = 1 + (r.nextInt(4) == 0 ? r.nextInt(300) : r.nextInt(25));
        long[] shares = new long[n];
        boolean ties = r.nextBoolean();
        for (int i = 0; i < n; i++) {
            shares[i] = ties ? (r.nextInt(4) == 0 ? 300_000L * n : 100_000L) : r.nextLong(0, 1L << 40);
        }
        shares[r.nextInt(n)] += 1; // never all zero
        return shares;
    }

    @Test
    void kthLargest_agreesWithASort() {
        qt().withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int n = 1 + r.nextInt(r.nextBoolean() ? 12 : 300);
            // few distinct values half the time, so that runs of equal keys are common
            long range = r.nextBoolean() ? 1 + r.nextInt(4) : Long.MAX_VALUE;
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = r.nextLong(range);
            }
            long[] sorted = keys.clone();
            java.util.Arrays.sort(sorted);
            int k = r.nextInt(n);
            org.junit.jupiter.api.Assertions.assertEquals(
                    sorted[n - 1 - k], Apportioner.kthLargest(keys.clone(), n, k), () -> "k=" + k);
            org.junit.jupiter.api.Assertions.assertEquals(
                    sorted[n - 1 - k], Apportioner.kthLargestFewDistinct(keys.clone(), n, k), () -> "k=" + k);
        });
    }

    @Test
    void apportionShares_matchesTheSpecsRuleExactly() {
        qt().withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            long[] shares = shares(r);
            long amount = r.nextInt(3) == 0 ? r.nextLong(0, Long.MAX_VALUE / 4) : r.nextLong(0, 100_000_000);
            assertArrayEquals(reference(amount, shares), Apportioner.ofShares(amount, shares));
        });
    }

    @Test
    void apportionWeights_isTheSpecsQuantisationThenTheSameRule() {
        qt().withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int n = 1 + r.nextInt(r.nextBoolean() ? 200 : 25);
            double[] weights = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                weights[i] = r.nextInt(5) == 0 ? 1.0 : Math.pow(2, -r.nextDouble() * 20);
                sum += weights[i];
            }
            // quantise to 2^40 parts: floors of w * (D / sum), leftover parts to the largest
            // fractions, ties to the earlier touch
            long[] parts = new long[n];
            double[] fractions = new double[n];
            long assigned = 0;
            for (int i = 0; i < n; i++) {
                double x = weights[i] * (Apportioner.PARTS / sum);
                parts[i] = (long) Math.floor(x);
                fractions[i] = x - parts[i];
                assigned += parts[i];
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            order.sort(Comparator.comparing((Integer i) -> -fractions[i]).thenComparing(i -> i));
            for (int k = 0; k < Apportioner.PARTS - assigned; k++) {
                parts[order.get(k % n)]++;
            }
            long amount = r.nextLong(0, 10_000_000_000L);
            assertArrayEquals(reference(amount, parts), Apportioner.ofWeights(amount, weights));
        });
    }
}
