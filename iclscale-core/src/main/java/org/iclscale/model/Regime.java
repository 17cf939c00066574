package org.iclscale.model;

/**
 * The computational route that gives the loss landscape γ ↦ 𝓛(γ) of a {@link ModelSpec}; decided by
 * {@link Landscapes#regime} alone (under the caller's {@link Method}); the table of which spec gets which regime is
 * the javadoc of that method.
 *
 * <p><b>Finite-D offsets of the deterministic equivalents</b> (equivalent − Monte Carlo of the defining GD,
 * relative to the Monte Carlo excess loss; ν = 1.25, β = 0.75, L = 4; README "Finite width N and context P",
 * bench DeteqOffsetMeasurement), at ½γ* / at γ*, D = 100 → 400: {@link #ONE_POINT_DENSITY} (N/D = 0.125)
 * −3.4 → +0.3 % / −25 → −9 %; {@link #STRUCTURED_WISHART} (P/D = 0.5, σ = 0.5) −1.7 → −0.5 % / −17 → −5 %;
 * {@link #TWO_POINT_CONTOUR} (N/D = 0.25, P/D = 0.5) −2.6 → −0.7 % / −38 → −14 %, with σ = 1 −2.2 → −0.4 % /
 * −7 → −10 %, its (N2) noise term alone within ±1.3 %. γ* lies near the edge 2L/s₊, where the few finite-D draws
 * whose top eigenvalue leaves the band dominate the mean; the finite-D optimum is at ≈ 0.9 γ*.
 * {@link Theory} notes where a user's D, N or γ is in the regime of the larger offsets.
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
    /**
     * RRS, finite P, N &lt; D, any σ: the two-point contour (E1)–(E3) of deteq-general.md for the signal plus, for
     * σ &gt; 0, the one-contour label-noise equivalent (N2) of deteq-noise.md.
     */
    TWO_POINT_CONTOUR("two-point contour (E1)-(E3) with noise contour (N2)", false),
    /**
     * An explicit choice ({@link Method#MONTE_CARLO}), never the default: Monte Carlo of the defining in-context GD
     * at the spectrum's D (FS/RRS, finite depth), with its standard error.
     */
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
