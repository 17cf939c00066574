/**
 * Spectral laws and exact quadrature: the Marchenko–Pastur law of the empirical covariance (ISO), and the
 * structured spectra (power laws λ_k = k^{−ν} with source β, spectra read from a file) of FS and RRS, and the
 * power law at D = ∞ ({@link org.iclscale.spectrum.PowerLawContinuum}: exact head sum + Euler–Maclaurin tail)
 * for checking exponents without finite-D saturation.
 */
package org.iclscale.spectrum;
