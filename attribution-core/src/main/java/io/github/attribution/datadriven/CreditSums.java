package io.github.attribution.datadriven;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Per-channel sums behind {@link PathCredits}, kept exact: whole conversions as {@code long}s, whole
 * values as {@link DecimalSums}, everything else as {@link BigDecimal}s whose terms are rounded to
 * {@value #SCALE} digits after the point before they are added, so the sums do not depend on the order
 * of the terms.
 */
final class CreditSums {
    static final int SCALE = 24;

    private final PathSet paths;
    private final long[] wholeConversions;
    private final BigDecimal[] conversions;
    private final BigDecimal[] value;
    private final DecimalSums wholeValue;

    CreditSums(PathSet paths) {
        this.paths = paths;
        int n = paths.channels().size();
        wholeConversions = new long[n];
        conversions = new BigDecimal[n];
        value = new BigDecimal[n];
        Arrays.fill(conversions, BigDecimal.ZERO);
        Arrays.fill(value, BigDecimal.ZERO);
        wholeValue = new DecimalSums(n);
    }

    /** All of the conversions and value of row {@code row} of the path set to {@code channel}. */
    void addWhole(int channel, int row) {
        wholeConversions[channel] = Math.addExact(wholeConversions[channel], paths.conversions(row));
        wholeValue.add(channel, paths, row);
    }

    /** {@code share} of {@code conversions} and {@code value} to {@code channel}. */
    void addShare(int channel, double share, long conversions, BigDecimal value) {
        if (share == 0) {
            return;
        }
        BigDecimal exact = new BigDecimal(share);
        if (conversions != 0) {
            this.conversions[channel] = this.conversions[channel].add(
                    exact.multiply(BigDecimal.valueOf(conversions)).setScale(SCALE, RoundingMode.HALF_EVEN));
        }
        if (value.signum() != 0) {
            this.value[channel] =
                    this.value[channel].add(exact.multiply(value).setScale(SCALE, RoundingMode.HALF_EVEN));
        }
    }

    /** {@code conversions / divisor} and {@code value / divisor} to {@code channel}. */
    void addRatio(int channel, long conversions, BigDecimal value, long divisor) {
        BigDecimal d = BigDecimal.valueOf(divisor);
        if (conversions != 0) {
            this.conversions[channel] = this.conversions[channel].add(
                    BigDecimal.valueOf(conversions).divide(d, SCALE, RoundingMode.HALF_EVEN));
        }
        if (value.signum() != 0) {
            this.value[channel] = this.value[channel].add(value.divide(d, SCALE, RoundingMode.HALF_EVEN));
        }
    }

    PathCredits build(String model) {
        int n = value.length;
        BigDecimal[] c = new BigDecimal[n];
        BigDecimal[] v = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            c[i] = conversions[i].add(BigDecimal.valueOf(wholeConversions[i]));
            // exact sums: adding the whole values last gives the same number and scale as in any order
            v[i] = wholeValue.isZero(i) ? value[i] : value[i].add(wholeValue.sum(i));
        }
        return new PathCredits(model, paths.channels(), c, v);
    }
}
