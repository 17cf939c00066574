package org.iclscale.model;

import java.nio.file.Path;
import java.util.Objects;
import org.iclscale.spectrum.Spectrum;

/**
 * Explicit eigenvalues λ_k and task variances ω_k, e.g. read from a CSV file with header {@code lambda,omega}.
 * {@code source} says where they came from (a file name, or a description); two explicit spectra are equal when
 * they are the same {@link Spectrum} object.
 */
public record ExplicitSpectrum(Spectrum spectrum, String source) implements FiniteSpectrum {

    public ExplicitSpectrum {
        Objects.requireNonNull(spectrum, "spectrum");
        Objects.requireNonNull(source, "source");
    }

    /** Reads a {@code lambda,omega} CSV file (errors name the file and line; parameter {@code spectrum}). */
    public static ExplicitSpectrum fromCsv(Path file) {
        return new ExplicitSpectrum(Spectrum.fromCsv(file), file.toString());
    }

    /** Explicit arrays (validated: equal length, λ &gt; 0, ω ≥ 0, all finite). */
    public static ExplicitSpectrum of(double[] lambda, double[] omega) {
        return new ExplicitSpectrum(Spectrum.of(lambda, omega, "explicit (" + lambda.length + " modes)"),
                "explicit (" + lambda.length + " modes)");
    }

    /** An already built spectrum (its description as the source). */
    public static ExplicitSpectrum of(Spectrum spectrum) {
        return new ExplicitSpectrum(spectrum, spectrum.description());
    }

    @Override
    public int dim() {
        return spectrum.dim();
    }
}
