package org.iclscale.scaling;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compute-optimal exponents (numeric) from the Lagrange conditions of min Σ_i c_i x_i^{−a_i} s.t. Π x_i^{b_i} = C
 * (notes §5.3): a_i c_i x_i^{−a_i} = μ b_i, so with x_i ~ C^{ε_i}: a_i ε_i = e for every i and Σ b_i ε_i = 1,
 * hence e = 1/Σ_i (b_i/a_i), ε_i = e/a_i. Resources absent from the formula are infinite (ε = 0, no term).
 *
 * @param loss e, the exponent of C in the optimal loss (𝓛* ~ C^{−e})
 * @param resources ε_x for x in t, N, L, P (0 when absent)
 * @param depthPerWidth exponent ρ of L* ~ N*^ρ (= a_N/a_L), NaN unless both N and L are allocated
 */
public record ComputeOptimal(double loss, Map<Character, Double> resources, double depthPerWidth) {

    /** The allocation for the four-term law (RRS time, width, depth, context terms) at (ν, β). */
    public static ComputeOptimal of(ExponentTable table, ComputeFormula formula) {
        return of(table, formula, Term.TIME);
    }

    /**
     * The allocation with {@code timeTerm} as the time term (e.g. {@link Term#FULL_ATTENTION_TIME} for notes §5.3
     * (c), {@link Term#FS_TIME}).
     */
    public static ComputeOptimal of(ExponentTable table, ComputeFormula formula, Term timeTerm) {
        Map<Character, Double> a = new LinkedHashMap<>();
        for (char x : formula.powers().keySet()) {
            a.put(x, table.exponent(x == 't' ? timeTerm : Term.forResource(x)));
        }
        return of(a, formula);
    }

    /** The allocation for given loss exponents a_x of the resources of {@code formula}. */
    public static ComputeOptimal of(Map<Character, Double> a, ComputeFormula formula) {
        double sum = 0;
        for (Map.Entry<Character, Double> e : formula.powers().entrySet()) {
            sum += e.getValue() / a.get(e.getKey());
        }
        double e = 1 / sum;
        Map<Character, Double> eps = new LinkedHashMap<>();
        for (char x : new char[] {'t', 'N', 'L', 'P'}) {
            eps.put(x, formula.contains(x) ? e / a.get(x) : 0.0);
        }
        double rho = formula.contains('N') && formula.contains('L') ? a.get('N') / a.get('L') : Double.NaN;
        return new ComputeOptimal(e, eps, rho);
    }
}
