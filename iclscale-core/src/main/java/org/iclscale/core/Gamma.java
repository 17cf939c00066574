package org.iclscale.core;

/**
 * The step-size scale γ of the reduced model Γ = γI: a fixed number ({@link Fixed}), the minimiser of the loss
 * ({@link Optimal}, "opt"), or γ = ∞ ({@link Infinite}; with depth ∞ the t, L → ∞ floors of the structured
 * settings).
 */
public sealed interface Gamma permits Gamma.Fixed, Gamma.Optimal, Gamma.Infinite {

    /** γ = opt: minimise over γ. */
    Gamma OPTIMAL = Optimal.INSTANCE;
    /** γ = ∞. */
    Gamma INFINITE = Infinite.INSTANCE;

    /** The valid range, as error messages state it. */
    String VALID = "a finite number >= 0, opt, or inf";

    /** A fixed γ ≥ 0. */
    static Gamma of(double value) {
        return new Fixed(value);
    }

    /** Parses a number ≥ 0, {@code opt} or {@code inf}. */
    static Gamma parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("opt")) {
            return OPTIMAL;
        }
        if (Inputs.isInfinity(t)) {
            return INFINITE;
        }
        double v = Inputs.parseDouble("gamma", t, VALID);
        if (!(v >= 0)) {
            throw new InvalidInputException("gamma", t, VALID);
        }
        return of(v);
    }

    /** True for "opt". */
    default boolean optimal() {
        return this instanceof Optimal;
    }

    /** True for γ = ∞. */
    default boolean infinite() {
        return this instanceof Infinite;
    }

    /** The fixed value (+∞ for {@link Infinite}); an {@link IllegalStateException} for {@link Optimal}. */
    double value();

    /** A fixed, finite γ ≥ 0. */
    record Fixed(double value) implements Gamma {
        public Fixed {
            if (!(value >= 0) || !Double.isFinite(value)) {
                throw new InvalidInputException("gamma", value, VALID);
            }
        }

        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    /** γ = opt. */
    enum Optimal implements Gamma {
        INSTANCE;

        @Override
        public double value() {
            throw new IllegalStateException("gamma = opt has no fixed value: it is the minimiser of the loss");
        }

        @Override
        public String toString() {
            return "opt";
        }
    }

    /** γ = ∞. */
    enum Infinite implements Gamma {
        INSTANCE;

        @Override
        public double value() {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public String toString() {
            return "inf";
        }
    }
}
