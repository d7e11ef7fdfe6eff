package io.github.attribution.datadriven;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transient part of an absorbing Markov chain, held sparse (one row per transient state: its
 * transient successors with probabilities, and its probability to reach conversion in one step), and
 * the probability of eventually reaching conversion: the solution {@code x} of {@code (I - Q) x = r}.
 *
 * <p>Design note: chains with at most {@value #DENSE_LIMIT} states are solved directly (Gaussian
 * elimination with partial pivoting, {@code O(n^3)}); larger ones (order 3 and 4, many channels) by
 * Gauss-Seidel sweeps over the sparse rows until no value moves by more than {@value #TOLERANCE}.
 * Gauss-Seidel converges here because {@code I - Q} is a non-singular M-matrix: every observed state
 * lies on an observed path that ends in conversion or null. Sweeps visit the states in a depth-first
 * post-order of the transition graph (computed once), so every state comes after its successors as
 * far as cycles allow, and a chain without cycles (self-loops aside) is solved exactly by one sweep,
 * whatever the states' numbering. Sweeping by state number instead needed about one sweep per step
 * taken against the numbering: one journey of 3,000 distinct channels in shuffled name order took 110 s,
 * and 20,000 far longer. Removing states (a channel's removal effect) pins them to 0; such solves
 * start from the full solution, which bounds the reduced one from above, so few sweeps are needed.
 *
 * <p>Immutable after construction; {@link #solve} is thread-safe.
 */
final class AbsorbingChain {
    static final int DENSE_LIMIT = 200;
    static final double TOLERANCE = 1e-15;
    private static final int MAX_SWEEPS = 10_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(AbsorbingChain.class);

    private final int n;
    private final int[] rowStart;
    private final int[] column;
    private final double[] probability;
    private final double[] conversion;
    private final int denseLimit;
    /** The Gauss-Seidel visiting order, successors first (null when solved directly). */
    private final int[] visitOrder;
    /** Whether the transition graph has no cycle other than self-loops: one sweep is then exact. */
    private final boolean acyclic;

    /**
     * @param rowStart row {@code s} holds entries {@code rowStart[s] .. rowStart[s+1]}
     * @param column the transient successor of each entry
     * @param probability the probability of each entry
     * @param conversion per state, the probability to convert in one step
     * @param denseLimit the largest chain solved directly ({@link #DENSE_LIMIT}; tests vary it)
     */
    AbsorbingChain(int[] rowStart, int[] column, double[] probability, double[] conversion, int denseLimit) {
        this.n = conversion.length;
        this.rowStart = rowStart;
        this.column = column;
        this.probability = probability;
        this.conversion = conversion;
        this.denseLimit = denseLimit;
        if (n <= denseLimit) {
            this.visitOrder = null;
            this.acyclic = false;
        } else {
            this.visitOrder = new int[n];
            this.acyclic = postOrder(visitOrder);
        }
    }

    /**
     * Fills {@code order} with every state once, each after the states it leads to (an iterative
     * depth-first post-order; roots from the last state down, so a chain whose transitions all lead to
     * higher numbers keeps the plain last-to-first order). Returns whether no cycle was found.
     */
    private boolean postOrder(int[] order) {
        int done = 0;
        boolean acyclic = true;
        byte[] mark = new byte[n]; // 0 unseen, 1 on the stack, 2 emitted
        int[] stack = new int[n];
        int[] edge = new int[n];
        for (int root = n - 1; root >= 0; root--) {
            if (mark[root] != 0) {
                continue;
            }
            int depth = 0;
            stack[0] = root;
            edge[0] = rowStart[root];
            mark[root] = 1;
            while (depth >= 0) {
                int s = stack[depth];
                if (edge[depth] < rowStart[s + 1]) {
                    int t = column[edge[depth]++];
                    if (mark[t] == 0) {
                        mark[t] = 1;
                        stack[++depth] = t;
                        edge[depth] = rowStart[t];
                    } else if (mark[t] == 1 && t != s) {
                        acyclic = false;
                    }
                } else {
                    mark[s] = 2;
                    order[done++] = s;
                    depth--;
                }
            }
        }
        return acyclic;
    }

    int size() {
        return n;
    }

    /**
     * The probability of reaching conversion from each state when the states marked in {@code
     * removed} (may be null) send everything to null. {@code start} is a solution to start iterating
     * from (may be null); it is not modified.
     */
    double[] solve(boolean[] removed, double[] start) {
        return n <= denseLimit ? direct(removed) : gaussSeidel(removed, start);
    }

    private double[] direct(boolean[] removed) {
        int[] index = new int[n];
        int m = 0;
        for (int s = 0; s < n; s++) {
            index[s] = removed != null && removed[s] ? -1 : m++;
        }
        double[][] a = new double[m][m + 1];
        for (int s = 0; s < n; s++) {
            int i = index[s];
            if (i < 0) {
                continue;
            }
            double[] row = a[i];
            row[i] += 1;
            row[m] = conversion[s];
            for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
                int j = index[column[e]];
                if (j >= 0) {
                    row[j] -= probability[e];
                }
            }
        }
        for (int k = 0; k < m; k++) {
            int pivot = k;
            for (int i = k + 1; i < m; i++) {
                if (Math.abs(a[i][k]) > Math.abs(a[pivot][k])) {
                    pivot = i;
                }
            }
            double[] t = a[k];
            a[k] = a[pivot];
            a[pivot] = t;
            double[] rowK = a[k];
            double d = rowK[k];
            assert d != 0 : "singular absorbing chain";
            for (int i = k + 1; i < m; i++) {
                double[] row = a[i];
                double f = row[k] / d;
                if (f != 0) {
                    for (int j = k; j <= m; j++) {
                        row[j] -= f * rowK[j];
                    }
                }
            }
        }
        double[] y = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double[] row = a[i];
            double v = row[m];
            for (int j = i + 1; j < m; j++) {
                v -= row[j] * y[j];
            }
            y[i] = v / row[i];
        }
        double[] x = new double[n];
        for (int s = 0; s < n; s++) {
            x[s] = index[s] < 0 ? 0 : y[index[s]];
        }
        return x;
    }

    private double[] gaussSeidel(boolean[] removed, double[] start) {
        double[] x = start == null ? new double[n] : start.clone();
        if (removed != null) {
            for (int s = 0; s < n; s++) {
                if (removed[s]) {
                    x[s] = 0;
                }
            }
        }
        for (int sweep = 1; sweep <= MAX_SWEEPS; sweep++) {
            double moved = 0;
            for (int s : visitOrder) {
                if (removed != null && removed[s]) {
                    continue;
                }
                double v = conversion[s];
                double self = 0;
                for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
                    int j = column[e];
                    if (j == s) {
                        self += probability[e];
                    } else {
                        v += probability[e] * x[j];
                    }
                }
                if (self != 0) {
                    v /= 1 - self;
                }
                moved = Math.max(moved, Math.abs(v - x[s]));
                x[s] = v;
            }
            if (acyclic || moved <= TOLERANCE) {
                LOG.trace("Gauss-Seidel converged after {} sweeps over {} states", sweep, n);
                return x;
            }
        }
        LOG.warn("Gauss-Seidel did not reach {} after {} sweeps over {} states", TOLERANCE, MAX_SWEEPS, n);
        return x;
    }

    @Override
    public String toString() {
        return "AbsorbingChain[" + n + " states, " + rowStart[n] + " transitions, conversion "
                + Arrays.stream(conversion).sum() + "]";
    }
}
