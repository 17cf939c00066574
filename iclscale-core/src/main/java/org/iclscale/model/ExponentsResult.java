package org.iclscale.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iclscale.scaling.ComputeFormula;
import org.iclscale.scaling.ComputeOptimal;
import org.iclscale.scaling.ExponentTable;
import org.iclscale.scaling.Term;
import org.iclscale.scaling.Verification;

/**
 * The numeric exponent table at (ν, β) ({@link Theory#exponents}): every term's exponent by the tail-sum rule of
 * {@code formulas/scaling-exponents.m} with its regime and the paper's printed value, the compute-optimal exponents
 * for the compute formula (Lagrange conditions, {@link ComputeOptimal}), and, when asked, the fitted slopes of the
 * exact losses with a verdict per term ({@link Verification.Result}). The symbolic derivation of the same exponents
 * (Symja, module iclscale-symbolic) takes {@link #table()} as its input.
 *
 * @param table the tail sums behind the exponents (for the symbolic side)
 * @param terms one row per term, in {@link Term} order
 * @param computeOptimal ε_x of C for x in t, N, L, P and the loss exponent; its {@code depthPerWidth} is NaN unless
 *     both N and L are in the formula ({@link #depthPerWidth()})
 * @param verification the fitted slopes and verdicts (when asked)
 */
public record ExponentsResult(double nu, double beta, ComputeFormula formula, ExponentTable table, Map<Term, Exponent> terms,
        ComputeOptimal computeOptimal, Optional<Verification.Result> verification, String method, List<String> notes) {

    public ExponentsResult {
        terms = Collections.unmodifiableMap(new EnumMap<>(terms));
        notes = List.copyOf(notes);
    }

    /** ρ of L* ~ N*^ρ when both N and L are allocated. */
    public Optional<Double> depthPerWidth() {
        double rho = computeOptimal.depthPerWidth();
        return Double.isNaN(rho) ? Optional.empty() : Optional.of(rho);
    }

    /**
     * One term of the table.
     *
     * @param exponent the exponent of the loss in the term's resource at (ν, β)
     * @param regime where it holds ("unsaturated (s/p = ... < m = ...)" or saturated)
     * @param dominant which part of the tail sum dominates
     * @param lossTerm the exact loss whose tail sum it is
     * @param paperValue the exponent printed in the paper at (ν, β)
     * @param differsFromPaper |paper − exponent| &gt; 1e−12·max(1, exponent)
     * @param saturated s/p ≥ m (the learned head dominates)
     */
    public record Exponent(Term term, double exponent, String regime, String dominant, String lossTerm,
            double paperValue, boolean differsFromPaper, boolean saturated) {
    }
}
