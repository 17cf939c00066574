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
        requireHeap(dim);
        Spectrum s = Spectrum.powerLaw(nu, beta, dim);
        synchronized (BUILT) {
            BUILT.put(this, new SoftReference<>(s));
        }
        return s;
    }

    /**
     * Peak heap per mode of a computation over the materialised spectrum (λ, ω, the weights and the per-mode work
     * arrays of the landscapes), measured: risk --setting rrs at D = 10⁷ peaks at 0.63 GB RSS, D = 10⁸ at 5.3 GB.
     */
    static final long BYTES_PER_MODE = 56;

    /**
     * Refuses up front a D whose estimated peak (D · {@value #BYTES_PER_MODE} bytes) does not fit in the heap this JVM
     * may still take, instead of running out of memory minutes later (issue 18).
     */
    static void requireHeap(int dim) {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long need = BYTES_PER_MODE * dim;
        if (need > free) {
            throw new InvalidInputException("dim", dim, String.format(java.util.Locale.ROOT, "at most %d modes in this "
                    + "JVM (D modes need ~%.1f GB, %.1f GB of heap are available; raise it with JAVA_OPTS=-Xmx..., or use "
                    + "the continuum at D = inf)", Math.max(1, free / BYTES_PER_MODE), need / 1e9, free / 1e9));
        }
    }

    /**
     * Equal values, as the record's own equality (components compared by {@link Double#compare} and ==), written out:
     * the record's generated equals and hashCode are bootstrapped through method handles on first use
     * (java.lang.runtime.ObjectMethods, ~10 ms of a cold run on each thread that first hashes a key, issue 17: the
     * spectrum cache and the solver cache are hashed before simulate's Monte Carlo and theory start).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof PowerLaw p && Double.compare(nu, p.nu) == 0 && Double.compare(beta, p.beta) == 0
                && dim == p.dim;
    }

    @Override
    public int hashCode() {
        return (31 * Double.hashCode(nu) + Double.hashCode(beta)) * 31 + dim;
    }

    /** The same exponents at D = ∞. */
    public Continuum continuum() {
        return new Continuum(nu, beta);
    }
}
