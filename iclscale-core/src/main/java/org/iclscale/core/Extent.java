package org.iclscale.core;

/**
 * The size of a resource that may be unbounded: the residual-stream width N and the context ratio α = P/D of a
 * model. One meaning of ∞ for both: {@link #INFINITE} (no bottleneck, Σ̂ = Σ), never a sentinel such as
 * {@code Integer.MAX_VALUE} or {@code 1e9}. A finite extent is a number &gt; 0 (for a width, an integer ≥ 1:
 * {@link #count()}).
 */
public sealed interface Extent permits Extent.Finite, Extent.Infinite {

    /** ∞. */
    Extent INFINITE = Infinite.INSTANCE;

    /** A finite extent {@code value > 0}. */
    static Extent of(double value) {
        return new Finite(value);
    }

    /** {@code value}, or {@link #INFINITE} for +∞. */
    static Extent ofNullable(double value) {
        return value == Double.POSITIVE_INFINITY ? INFINITE : of(value);
    }

    /** True for ∞. */
    boolean infinite();

    /** True for a finite extent. */
    default boolean finite() {
        return !infinite();
    }

    /** The value: a finite number &gt; 0, or +∞. */
    double value();

    /**
     * The value as a count (a width N): a finite integral extent; an {@link IllegalStateException} for ∞ or a
     * fractional value.
     */
    default int count() {
        double v = value();
        if (!(v == Math.rint(v)) || v > Integer.MAX_VALUE) {
            throw new IllegalStateException("extent " + this + " is not a finite count");
        }
        return (int) v;
    }

    /** A finite extent &gt; 0. */
    record Finite(double value) implements Extent {
        public Finite {
            if (!(value > 0) || !Double.isFinite(value)) {
                throw new IllegalArgumentException("a finite extent is a finite number > 0, not " + value);
            }
        }

        @Override
        public boolean infinite() {
            return false;
        }

        @Override
        public String toString() {
            return Numbers.compact(value);
        }
    }

    /** ∞. */
    enum Infinite implements Extent {
        INSTANCE;

        @Override
        public boolean infinite() {
            return true;
        }

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
