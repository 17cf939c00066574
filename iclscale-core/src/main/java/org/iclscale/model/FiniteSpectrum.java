package org.iclscale.model;

import org.iclscale.spectrum.Spectrum;

/** A structured spectrum of finitely many modes D: a {@link PowerLaw} or an {@link ExplicitSpectrum}. */
public sealed interface FiniteSpectrum extends SpectrumSpec permits PowerLaw, ExplicitSpectrum {

    /** The number of modes D. */
    int dim();

    /** The eigenvalues λ_k and weights p_k = λ_kω_k (built once per value and shared: do not modify). */
    Spectrum spectrum();

    @Override
    default double dimension() {
        return dim();
    }
}
