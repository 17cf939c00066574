package org.iclscale.core;

/**
 * Depth L = number of in-context gradient-descent steps, each with step size γ/L (paper §2.2): a positive
 * integer ({@link Finite}) or infinite ({@link Infinite}, the gradient-flow limit (1 − γλ/L)^L → e^{−γλ}).
 * Every integer 1 … 2³¹ − 1 is a finite depth; infinity is its own case, never a sentinel integer.
 */
public sealed interface Depth permits Depth.Finite, Depth.Infinite {

    /** L = ∞. */
    Depth INFINITE = Infinite.INSTANCE;

    /** The valid range, as error messages state it. */
    String VALID = "an integer in [1, 2147483647], or inf";

    /** A finite depth L ≥ 1. */
    static Depth of(int steps) {
        return new Finite(steps);
    }

    /**
     * Parses {@code 1, 2, …, 2147483647} (also written {@code 1e8}: an integer in decimal exponent notation) or
     * {@code inf}; anything else is an {@link InvalidInputException} of parameter {@code depth}.
     */
    static Depth parse(String text) {
        String t = text.trim();
        if (Inputs.isInfinity(t)) {
            return INFINITE;
        }
        return of(Inputs.integer("depth", t, 1, Integer.MAX_VALUE, VALID));
    }

    /** True for L = ∞. */
    boolean infinite();

    /** L; only for a finite depth (an {@link IllegalStateException} for L = ∞: test {@link #infinite()} first). */
    int steps();

    /** L as a double: L or +∞. */
    double asDouble();

    /** A finite depth L ≥ 1. */
    record Finite(int steps) implements Depth {
        public Finite {
            if (steps < 1) {
                throw new InvalidInputException("depth", steps, VALID);
            }
        }

        @Override
        public boolean infinite() {
            return false;
        }

        @Override
        public double asDouble() {
            return steps;
        }

        @Override
        public String toString() {
            return Integer.toString(steps);
        }
    }

    /** L = ∞. */
    enum Infinite implements Depth {
        INSTANCE;

        @Override
        public boolean infinite() {
            return true;
        }

        @Override
        public int steps() {
            throw new IllegalStateException("depth is infinite: it has no finite number of steps");
        }

        @Override
        public double asDouble() {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public String toString() {
            return "inf";
        }
    }
}
