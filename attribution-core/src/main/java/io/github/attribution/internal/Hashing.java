package io.github.attribution.internal;

import java.nio.charset.StandardCharsets;

/**
 * Fixed hashes and a counter-based random source, so that anything derived from them (cross-validation
 * folds, bootstrap weights) depends only on ids and seeds, never on input order, thread count or the
 * JVM: FNV-1a (64 bits) over an id's UTF-8 bytes, finished by the SplitMix64 mixer.
 */
public final class Hashing {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final double TWO_TO_MINUS_53 = 0x1.0p-53;

    private Hashing() {}

    /** The hash of {@code id}: FNV-1a over its UTF-8 bytes, mixed. */
    public static long hash(String id) {
        long h = FNV_OFFSET;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * FNV_PRIME;
        }
        return mix(h);
    }

    /** The SplitMix64 finaliser: a bijection of 64-bit values that spreads every input bit. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The fold, {@code 0 .. folds-1}, of an id with hash {@code hash}. */
    public static int fold(long hash, int folds) {
        return (int) Long.remainderUnsigned(mix(hash ^ 0x5851f42d4c957f2dL), folds);
    }

    /**
     * A uniform double in {@code [0, 1)} that is a pure function of its three arguments (the k-th draw
     * for {@code key} in stream {@code stream}).
     */
    public static double uniform(long stream, long key, int k) {
        long z = mix(mix(stream) ^ key);
        z = mix(z + 0x9e3779b97f4a7c15L * (k + 1L));
        return (z >>> 11) * TWO_TO_MINUS_53;
    }

    /**
     * A Poisson(1) count that is a pure function of {@code stream} and {@code key}: inversion of
     * one uniform draw against the Poisson(1) distribution function (counts above 12 are merged into
     * 12, a probability below 10^-9).
     */
    public static int poisson1(long stream, long key) {
        double u = uniform(stream, key, 0);
        int k = 0;
        double p = POISSON1_CDF[0];
        while (u >= p && k < POISSON1_CDF.length - 1) {
            p = POISSON1_CDF[++k];
        }
        return k;
    }

    private static final double[] POISSON1_CDF = poissonCdf();

    private static double[] poissonCdf() {
        double[] cdf = new double[13];
        double term = Math.exp(-1);
        double sum = 0;
        for (int k = 0; k < cdf.length; k++) {
            sum += term;
            cdf[k] = sum;
            term /= k + 1;
        }
        cdf[cdf.length - 1] = 1;
        return cdf;
    }
}
