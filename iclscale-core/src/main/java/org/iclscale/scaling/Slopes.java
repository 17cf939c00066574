package org.iclscale.scaling;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Local scaling slopes along a compute frontier: −d ln𝓛/d ln C and, per resource x, d ln x/d ln C (as the slope of
 * ln(1/x)), each by least squares over the budgets ({@link ExactLosses#fittedSlope}); compare with the Lagrange
 * exponents of {@link ComputeOptimal}.
 *
 * @param loss −d ln𝓛/d ln C
 * @param resources d ln x/d ln C for x in t, N, L, P (formula order of the columns given)
 */
public record Slopes(double loss, Map<Character, Double> resources) {

    public Slopes {
        resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
    }

    /** Least-squares slopes of {@code loss} and of each resource column against the budgets {@code compute}. */
    public static Slopes fit(double[] compute, double[] loss, Map<Character, double[]> columns) {
        Map<Character, Double> r = new LinkedHashMap<>();
        for (Map.Entry<Character, double[]> e : columns.entrySet()) {
            double[] inverse = new double[compute.length];
            for (int i = 0; i < compute.length; i++) {
                inverse[i] = 1 / e.getValue()[i];
            }
            r.put(e.getKey(), ExactLosses.fittedSlope(compute, inverse));
        }
        return new Slopes(ExactLosses.fittedSlope(compute, loss), r);
    }
}
