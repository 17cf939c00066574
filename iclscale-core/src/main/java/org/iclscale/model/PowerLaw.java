package org.iclscale.model;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iclscale.core.InvalidInputException;
import org.iclscale.spectrum.Spectrum;

/**
 * The power-law spectrum of D modes (design.md): λ_k = k^{−ν}, p_k = λ_kω_k = k^{−νβ−1}/Σ_j j^{−νβ−1}, so that the
 * loss at Γ = 0 is 1; ν &gt; 1 is the capacity and β &gt; 0 the source exponent.
 */
public record PowerLaw(double nu, double beta, int dim) implements FiniteSpectrum {

    /** Largest number of modes (memory: a few double arrays of this length). */
    public static final int MAX_DIM = 100_000_000;

    /** Spectra built recently, shared by equal values (building D = 10⁷ modes takes ~0.1 s). */
    private static final Map<PowerLaw, SoftReference<Spectrum>> BUILT = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<PowerLaw, SoftReference<Spectrum>> eldest) {
            return size() > 8;
        }
    };

    public PowerLaw {
        if (!(nu > 1) || !Double.isFinite(nu)) {
            throw new InvalidInputException("nu", nu, "a finite number > 1");
        }
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new InvalidInputException("beta", beta, "a finite number > 0");
        }
        if (dim < 1 || dim > MAX_DIM) {
            throw new InvalidInputException("dim", dim, "an integer in [1, " + MAX_DIM + "]");
        }
    }

    /** {@code PowerLaw.of(1.5, 0.8, 64)}. */
    public static PowerLaw of(double nu, double beta, int dim) {
        return new PowerLaw(nu, beta, dim);
    }

    @Override
    public Spectrum spectrum() {
        synchronized (BUILT) {
            SoftReference<Spectrum> ref = BUILT.get(this);
            Spectrum s = ref == null ? null : ref.get();
            if (s != null) {
                return s;
            }
        }
        Spectrum s = Spectrum.powerLaw(nu, beta, dim);
        synchronized (BUILT) {
            BUILT.put(this, new SoftReference<>(s));
        }
        return s;
    }

    /** The same exponents at D = ∞. */
    public Continuum continuum() {
        return new Continuum(nu, beta);
    }
}
