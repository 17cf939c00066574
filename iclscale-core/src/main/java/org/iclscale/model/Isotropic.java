package org.iclscale.model;

/** ISO: Λ = Ω = I in the proportional limit D, P → ∞ at fixed α = P/D (paper Result 1). */
public enum Isotropic implements SpectrumSpec {
    INSTANCE;

    @Override
    public double dimension() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public String toString() {
        return "isotropic";
    }
}
