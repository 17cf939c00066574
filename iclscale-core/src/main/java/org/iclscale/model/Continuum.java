package org.iclscale.model;

import org.iclscale.core.InvalidInputException;
import org.iclscale.spectrum.PowerLawContinuum;

/**
 * The power law at D = ∞ (λ_k = k^{−ν}, p_k = k^{−νβ−1}/ζ(νβ+1) over all k ≥ 1): exponents without finite-D
 * saturation, evaluated by an exact head sum and an Euler–Maclaurin tail ({@link PowerLawContinuum}).
 */
public record Continuum(double nu, double beta) implements SpectrumSpec {

    public Continuum {
        if (!(nu > 1) || !Double.isFinite(nu)) {
            throw new InvalidInputException("nu", nu, "a finite number > 1");
        }
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new InvalidInputException("beta", beta, "a finite number > 0");
        }
    }

    @Override
    public double dimension() {
        return Double.POSITIVE_INFINITY;
    }

    /** The continuum sums of this power law. */
    public PowerLawContinuum law() {
        return new PowerLawContinuum(nu, beta);
    }
}
