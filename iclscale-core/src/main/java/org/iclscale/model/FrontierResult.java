package org.iclscale.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iclscale.scaling.ComputeOptimal;
import org.iclscale.scaling.Slopes;

/**
 * The compute-optimal frontier ({@link Theory#shape(FrontierRequest)}): at each budget C_i the continuous optimum
 * of the four-term law (loss and resources), the least-squares slopes over the fit window [C₁, C₂] next to the
 * Lagrange exponents, and with the exact loss the integer exact optimum per budget ({@link ExactFrontier}).
 *
 * @param compute the budgets C_i
 * @param loss the four-term loss at the continuous optimum per budget
 * @param resources the continuous optimum per budget of each resource in the formula (t, N, L, P order)
 * @param fittedSlopes slopes of the four-term frontier over the fit window
 * @param computeOptimal the Lagrange exponents (the slopes' limits as C → ∞)
 */
public record FrontierResult(FrontierRequest request, double[] compute, double[] loss, Map<Character, double[]> resources,
        Slopes fittedSlopes, ComputeOptimal computeOptimal, Optional<ExactFrontier> exact, String method,
        List<String> notes) {

    public FrontierResult {
        compute = compute.clone();
        loss = loss.clone();
        resources = copy(resources);
        notes = List.copyOf(notes);
    }

    @Override
    public double[] compute() {
        return compute.clone();
    }

    @Override
    public double[] loss() {
        return loss.clone();
    }

    /** The fit window [C₁, C₂]. */
    public List<Double> fitWindow() {
        return List.of(request.from(), request.to());
    }

    /**
     * The integer optimum of the exact joint loss per budget (t from the budget) and its slopes.
     *
     * @param dim D of the exact loss at finite N or P
     * @param loss the exact optimal loss per budget
     * @param resources the exact optimum per budget of each resource in the formula
     * @param fittedSlopes slopes over the fit window
     * @param lastSlopes slopes between the last two budgets (integer rounding makes resource slopes step-like)
     * @param atBound per budget, the resources at a bound (1, or N = D: such a slope is not an exponent)
     */
    public record ExactFrontier(int dim, double[] loss, Map<Character, double[]> resources, Slopes fittedSlopes,
            Slopes lastSlopes, List<List<String>> atBound, String method) {

        public ExactFrontier {
            loss = loss.clone();
            resources = copy(resources);
            atBound = atBound.stream().map(List::copyOf).toList();
        }

        @Override
        public double[] loss() {
            return loss.clone();
        }
    }

    private static Map<Character, double[]> copy(Map<Character, double[]> columns) {
        Map<Character, double[]> c = new LinkedHashMap<>();
        columns.forEach((k, v) -> c.put(k, v.clone()));
        return Collections.unmodifiableMap(c);
    }
}
