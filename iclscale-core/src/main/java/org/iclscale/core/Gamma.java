package org.iclscale.core;

/**
 * The step-size scale γ of the reduced model Γ = γI: either a fixed non-negative number or "opt"
 * (minimise the loss over γ).
 */
public record Gamma(double value, boolean optimal) {

    public static final Gamma OPTIMAL = new Gamma(Double.NaN, true);
    /** γ = ∞ (with depth inf: the infinite-time floors of the structured settings). */
    public static final Gamma INFINITE = new Gamma(Double.POSITIVE_INFINITY, false);

    public Gamma {
        if (!optimal && !(value >= 0 && (Double.isFinite(value) || value == Double.POSITIVE_INFINITY))) {
            throw new InvalidInputException("--gamma", value, "a finite number >= 0, or opt");
        }
    }

    public static Gamma of(double value) {
        return new Gamma(value, false);
    }

    public static Gamma parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("opt")) {
            return OPTIMAL;
        }
        if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity")) {
            return INFINITE;
        }
        return of(Inputs.parseDouble("--gamma", t, "a finite number >= 0, or opt"));
    }

    /** True for γ = ∞. */
    public boolean infinite() {
        return !optimal && value == Double.POSITIVE_INFINITY;
    }

    @Override
    public String toString() {
        return optimal ? "opt" : infinite() ? "inf" : Double.toString(value);
    }
}
