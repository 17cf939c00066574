package org.iclscale.model;

/**
 * The computational route that gives the loss landscape γ ↦ 𝓛(γ) of a {@link ModelSpec}; decided by
 * {@link Landscapes#regime} alone. The table of which spec gets which regime is the javadoc of that method.
 */
public enum Regime {
    /** ISO, any α, L, σ: exact Gauss–Chebyshev quadrature against the Marchenko–Pastur law (paper Result 1). */
    MARCHENKO_PASTUR("Marchenko-Pastur quadrature", true),
    /** FS/RRS at α = N = ∞ over D modes: the exact mode sum Σ_k p_k(1 − γλ_k/L)^{2L} (Result 6). */
    MODE_SUM("mode sum", true),
    /** RRS at α = N = ∞, power law at D = ∞: exact head sum + Euler–Maclaurin tail. */
    CONTINUUM("continuum mode sum", true),
    /** RRS, P = ∞, N &lt; D: the one-point density of Λ^{1/2}QΛ^{1/2} (notes §3.5), a deterministic equivalent. */
    ONE_POINT_DENSITY("one-point density", false),
    /** FS/RRS, finite P, N ≥ D: the two-point structured-Wishart contour with the one-point noise term. */
    STRUCTURED_WISHART("two-point structured-Wishart contour", false),
    /** RRS, finite P, N &lt; D, σ = 0: the two-point contour (E1)–(E3) of deteq-general.md. */
    TWO_POINT_CONTOUR("two-point contour (E1)-(E3)", false),
    /** RRS, finite P, N &lt; D, σ &gt; 0: Monte Carlo of the defining model (no validated equivalent for the noise). */
    MONTE_CARLO("Monte Carlo", false);

    private final String label;
    private final boolean exact;

    Regime(String label, boolean exact) {
        this.label = label;
        this.exact = exact;
    }

    /** A short name of the route, e.g. "one-point density". */
    public String label() {
        return label;
    }

    /**
     * True for the exact limits (closed forms, exact quadrature, exact mode sums); false for deterministic
     * equivalents (exact as D → ∞, with an O(1/D) offset at finite D) and Monte Carlo (with a standard error).
     */
    public boolean exact() {
        return exact;
    }
}
