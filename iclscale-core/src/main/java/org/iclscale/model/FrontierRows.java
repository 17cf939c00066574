package org.iclscale.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iclscale.scaling.ComputeOptimal;
import org.iclscale.sweep.IndexRange;

/**
 * A contiguous block of the compute-optimal frontier's budgets ({@link Theory#shapeRows}): per budget the
 * continuous four-term optimum (and exact integer optimum); {@link FrontierResult} is the block of every budget with
 * the fitted slopes, which need every budget. Blocks of a split ({@code shape --compute-range --shard I/N}) concatenated in order are
 * the whole frontier's rows, value for value.
 *
 * @param request the whole frontier
 * @param block the budget indices i ∈ [from, to) of this block (budget C_i of {@link FrontierRequest#compute()})
 * @param compute the block's budgets C_i
 * @param loss the four-term loss at the continuous optimum per budget
 * @param resources the continuous optimum per budget of each resource in the formula (t, N, L, P order)
 * @param computeOptimal the Lagrange exponents
 * @param exact with the exact loss: its integer optimum per budget
 */
public record FrontierRows(FrontierRequest request, IndexRange block, double[] compute, double[] loss,
        Map<Character, double[]> resources, ComputeOptimal computeOptimal, Optional<ExactRows> exact, String method,
        List<String> notes) {

    public FrontierRows {
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

    /** The columns, copied (the arrays of a record stay its own). */
    @Override
    public Map<Character, double[]> resources() {
        return copy(resources);
    }

    /** The fit window [C₁, C₂] of the whole frontier. */
    public List<Double> fitWindow() {
        return List.of(request.from(), request.to());
    }

    /**
     * The integer optimum of the exact joint loss per budget of the block (t from the budget).
     *
     * @param dim D of the exact loss at finite N or P
     * @param loss the exact optimal loss per budget
     * @param resources the exact optimum per budget of each resource in the formula
     * @param atBound per budget, the resources at a bound
     */
    public record ExactRows(int dim, double[] loss, Map<Character, double[]> resources, List<List<String>> atBound,
            String method) {

        public ExactRows {
            loss = loss.clone();
            resources = copy(resources);
            atBound = atBound.stream().map(List::copyOf).toList();
        }

        @Override
        public double[] loss() {
            return loss.clone();
        }

        /** The columns, copied. */
        @Override
        public Map<Character, double[]> resources() {
            return copy(resources);
        }
    }

    static Map<Character, double[]> copy(Map<Character, double[]> columns) {
        Map<Character, double[]> c = new LinkedHashMap<>();
        columns.forEach((k, v) -> c.put(k, v.clone()));
        return Collections.unmodifiableMap(c);
    }
}
