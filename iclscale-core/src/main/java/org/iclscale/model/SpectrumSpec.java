package org.iclscale.model;

/**
 * What the input covariance Λ and the task covariance Ω of a model are (paper §2): isotropic (ISO, Λ = Ω = I),
 * a power law over D modes, the power law at D = ∞, or explicit eigenvalues (e.g. from a file). Immutable values;
 * a finite structured spectrum materialises as an {@link org.iclscale.spectrum.Spectrum} through
 * {@link FiniteSpectrum#spectrum()}.
 */
public sealed interface SpectrumSpec permits Isotropic, FiniteSpectrum, Continuum {

    /** The number of modes D, or +∞ (ISO has no fixed D: its theory is the D → ∞ limit at fixed α). */
    double dimension();
}
