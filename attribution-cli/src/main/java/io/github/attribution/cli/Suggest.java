package io.github.attribution.cli;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?" for a mistyped command, option, model or dimension: the nearest known name. */
final class Suggest {
    private Suggest() {}

    /**
     * {@code "; did you mean 'x'?"} for the name in {@code known} nearest to {@code typed} by edit
     * distance (ignoring case), when it is close enough to be a typo; else {@code ""}.
     */
    static String didYouMean(String typed, Collection<String> known, String prefix) {
        String best = nearest(typed, known);
        return best == null ? "" : "; did you mean '" + prefix + best + "'?";
    }

    /** The name nearest to {@code typed}, or {@code null} when none is within a third of its length (at least 2). */
    static String nearest(String typed, Collection<String> known) {
        String t = typed.trim().toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(t, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, t.length() / 3);
        return best != null && bestDistance > 0 && bestDistance <= allowed ? best : null;
    }

    /** Levenshtein distance, with a swap of two neighbouring letters counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
