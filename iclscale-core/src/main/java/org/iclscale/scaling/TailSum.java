package org.iclscale.scaling;

import java.util.Map;
import org.iclscale.core.Expression;
import org.iclscale.core.InvalidInputException;
import org.iclscale.io.FormulaFiles;

/**
 * One asymptotic loss term as a tail sum Σ_k k^{−(1+s)} F(k^{−p} R^q) with F(0) = 1 and F(u) ~ u^{−m} as u → ∞
 * (m = ∞ for an exponential filter), read from {@code formulas/scaling-exponents.m}; for a term trained by
 * gradient flow, R = θ is the trained parameter and the time exponent follows from the flow rule.
 *
 * <p>The rule (derivation in {@link org.iclscale.scaling package-info}): exponent of R = (q/p)·min(s, p·m);
 * unsaturated (tail-dominated) iff s/p &lt; m. Flow: 𝓛(θ) ~ θ^{−a} ⇒ 𝓛(t) ~ t^{−a/(a+2)}.
 *
 * @param term the term
 * @param s tail source exponent (expression in nu, beta)
 * @param p rate of the filter variable in k
 * @param q power of the resource (or of the trained parameter θ) in the filter variable
 * @param m decay of the filter at large argument ({@code Infinity} for exponential)
 * @param flow whether the resource is training time, reached through gradient flow on θ
 * @param filter F(u) in Mathematica syntax (variable u)
 * @param paper the exponent printed in the paper
 */
public record TailSum(Term term, String s, String p, String q, String m, boolean flow, String filter, String paper) {

    /** Reads the term's definitions ({@code <key>TailSource}, ...) from the formula file. */
    public static TailSum of(FormulaFiles.Text f, Term term) {
        String k = term.key();
        return new TailSum(term, f.rhs(k + "TailSource"), f.rhs(k + "TailRate"), f.rhs(k + "ResourcePower"),
                f.rhs(k + "FilterDecay"), eval(f.rhs(k + "Flow"), Map.of()) != 0,
                f.rhs(k + "Filter"), f.rhs(k + "PaperExponent"));
    }

    /** The parameters (s, p, q, m) at (ν, β). */
    public double[] parameters(double nu, double beta) {
        Map<String, Double> v = Map.of("nu", nu, "beta", beta);
        return new double[] {eval(s, v), eval(p, v), eval(q, v), eval(m, v)};
    }

    /** (q/p)·min(s, p·m): the exponent of the loss in R (in θ for a flow term). */
    public static double tailExponent(double s, double p, double q, double m) {
        return q / p * Math.min(s, p * m);
    }

    /** a/(a + 2): time exponent of a loss 𝓛(θ) ~ θ^{−a} trained by dθ/dt = −½ d𝓛/dθ. */
    public static double flowExponent(double a) {
        return a / (a + 2);
    }

    /** Exponent of the loss in the term's resource at (ν, β). */
    public double exponent(double nu, double beta) {
        double[] x = parameters(nu, beta);
        double a = tailExponent(x[0], x[1], x[2], x[3]);
        return flow ? flowExponent(a) : a;
    }

    /** True when s/p ≥ m: the learned head dominates and the exponent saturates at q·m. */
    public boolean saturated(double nu, double beta) {
        double[] x = parameters(nu, beta);
        return x[0] / x[1] >= x[3];
    }

    /** s/p at (ν, β): the Mellin exponent of the tail. */
    public double tailRatio(double nu, double beta) {
        double[] x = parameters(nu, beta);
        return x[0] / x[1];
    }

    /** The paper's printed exponent at (ν, β). */
    public double paperExponent(double nu, double beta) {
        return eval(paper, Map.of("nu", nu, "beta", beta));
    }

    /** A parameter of the packaged formula file (m may be Infinity); an unreadable one is a bug, not bad input. */
    private static double eval(String expression, Map<String, Double> v) {
        try {
            return Expression.evaluateAllowingInfinity(expression, v, "formulas/" + ExponentTable.FORMULA_FILE + ".m");
        } catch (InvalidInputException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Human-readable regime where the exponent holds (numbers at (ν, β)). */
    public String regime(double nu, double beta) {
        double[] x = parameters(nu, beta);
        String cond = "s/p = (" + s + ")/(" + p + ") = " + fmt(x[0] / x[1]) + (saturated(nu, beta) ? " >= " : " < ")
                + "m = " + (Double.isInfinite(x[3]) ? "inf" : fmt(x[3]));
        return (saturated(nu, beta) ? "saturated (" : "unsaturated (") + cond + ")";
    }

    /** Which part of the tail sum dominates. */
    public String dominant(double nu, double beta) {
        String cross = "k* = " + term.resource() + "^(q/p)";
        return saturated(nu, beta)
                ? "head: residual of the learned modes k < " + cross + " (filter tail u^-m), term ~ R^(-q m)"
                : "tail: unlearned modes k > " + cross + ", term ~ sum_{k>k*} k^-(1+s)";
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.6g", v);
    }
}
