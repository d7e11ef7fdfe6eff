package io.github.attribution.internal;

/**
 * {@code 2^x} for {@code x <= 0}, about three times cheaper than {@link Math#exp} and the same on
 * every platform (plain Java arithmetic over a table built with {@link StrictMath}).
 *
 * <p>Splits {@code x = e + j/64 + f} with integer {@code e}, {@code j} in {@code [0, 64)} and {@code f}
 * in {@code [0, 1/64)}: {@code 2^x = 2^e * 2^(j/64) * 2^f}, the middle factor from a table and the
 * last from a degree-6 polynomial whose truncation error is below {@code 1e-17}. The result is within
 * a few units in the last place of the true value; {@code exp2(0) == 1} exactly. Results below
 * {@code 2^-1022} (the normal range) are returned as 0.
 */
public final class Exp2 {
    private static final int STEPS = 64;
    private static final double[] TABLE = new double[STEPS];
    private static final double LN2 = 0.6931471805599453;
    // Taylor coefficients of 2^f = exp(f ln 2): (ln 2)^k / k!
    private static final double C1 = LN2;
    private static final double C2 = C1 * LN2 / 2;
    private static final double C3 = C2 * LN2 / 3;
    private static final double C4 = C3 * LN2 / 4;
    private static final double C5 = C4 * LN2 / 5;
    private static final double C6 = C5 * LN2 / 6;

    static {
        for (int j = 0; j < STEPS; j++) {
            TABLE[j] = StrictMath.pow(2, j / (double) STEPS);
        }
    }

    private Exp2() {}

    /**
     * {@code 2^x}.
     *
     * @param x not positive; NaN and values below -1022 give 0
     */
    public static double exp2(double x) {
        if (!(x >= -1022)) {
            return 0;
        }
        double scaled = x * STEPS; // exact: a power-of-two scale
        int k = (int) Math.floor(scaled);
        double f = (scaled - k) * (1.0 / STEPS); // exact: both steps lose no bits
        int e = k >> 6; // floor(k / 64)
        double poly = 1 + f * (C1 + f * (C2 + f * (C3 + f * (C4 + f * (C5 + f * C6)))));
        double power = Double.longBitsToDouble((long) (e + 1023) << 52);
        return TABLE[k & (STEPS - 1)] * poly * power;
    }
}
