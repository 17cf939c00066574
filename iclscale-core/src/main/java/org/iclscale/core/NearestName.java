package org.iclscale.core;

import java.util.Collection;
import java.util.Locale;

/**
 * The nearest known name to a misspelt one ("did you mean isoOptimalLoss?"): the smallest optimal-string-alignment
 * distance (insertions, deletions, substitutions, adjacent transpositions; case-insensitive, a case-only
 * difference counts as 0.5), accepted when it is at most max(1, length/3) and less than the typed length (so a
 * one-letter name is never "corrected" into another one).
 */
public final class NearestName {

    private NearestName() {
    }

    /** The closest of {@code names} to {@code typed}, or null if none is close enough (or typed is one of them). */
    public static String nearest(String typed, Collection<String> names) {
        if (typed == null || typed.isEmpty() || names == null || names.contains(typed)) {
            return null;
        }
        String best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (String n : names) {
            double d = distance(typed, n);
            if (d < bestDistance || (d == bestDistance && best != null && n.compareTo(best) < 0)) {
                bestDistance = d;
                best = n;
            }
        }
        return bestDistance <= Math.max(1, typed.length() / 3.0) && bestDistance < typed.length() ? best : null;
    }

    /** Optimal string alignment distance, case-insensitive, plus 0.5 if the names differ only in case. */
    static double distance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[][] d = new int[x.length() + 1][y.length() + 1];
        for (int i = 0; i <= x.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= y.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && x.charAt(i - 1) == y.charAt(j - 2) && x.charAt(i - 2) == y.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        int distance = d[x.length()][y.length()];
        return distance == 0 && !a.equals(b) ? 0.5 : distance;
    }
}
