package org.iclscale.core;

/**
 * The step-size scale γ of the reduced model Γ = γI: either a fixed non-negative number or "opt"
 * (minimise the loss over γ).
 */
public record Gamma(double value, boolean optimal) {

    public static final Gamma OPTIMAL = new Gamma(Double.NaN, true);

    public Gamma {
        if (!optimal && !(value >= 0 && Double.isFinite(value))) {
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
        return of(Inputs.parseDouble("--gamma", t, "a finite number >= 0, or opt"));
    }

    @Override
    public String toString() {
        return optimal ? "opt" : Double.toString(value);
    }
}
