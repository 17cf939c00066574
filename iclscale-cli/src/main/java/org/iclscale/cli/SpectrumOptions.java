package org.iclscale.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Inputs;
import org.iclscale.core.Setting;
import org.iclscale.spectrum.PowerLawContinuum;
import org.iclscale.spectrum.Spectrum;
import picocli.CommandLine.Option;

/**
 * The options of a structured spectrum (settings fs and rrs): a power law {@code --nu --beta --dim}
 * (λ_k = k^{−ν}, p_k = λ_kω_k ∝ k^{−νβ−1}, Σp = 1) or a file {@code --spectrum FILE} (columns
 * {@code lambda,omega}), and the residual-stream width {@code --width N|inf} (default inf = no bottleneck).
 *
 * <p>Values are kept as text and validated in {@link #spectrum(Setting)} / {@link #requireAbsent(Setting)}
 * so that every error is one line naming the option, the value and the valid range (exit 2).
 */
public final class SpectrumOptions {

    /** Largest number of modes accepted for a power law (memory: ~4 double arrays of this length). */
    public static final int MAX_DIM = 100_000_000;

    @Option(names = "--nu", description = "Capacity exponent nu > 1 of a power-law spectrum lambda_k = k^-nu (fs, rrs).")
    String nu;

    @Option(names = "--beta", description = "Source exponent beta > 0: p_k = lambda_k omega_k ~ k^(-nu*beta-1), sum p = 1 (fs, rrs).")
    String beta;

    @Option(names = "--dim", description = "Number D of spectral modes of the power law, 1..1e8 (fs, rrs).")
    String dim;

    @Option(names = "--spectrum", paramLabel = "FILE",
            description = "CSV file with header lambda,omega (one mode per line) instead of --nu/--beta/--dim (fs, rrs).")
    Path spectrumFile;

    @Option(names = "--continuum",
            description = "Power law at D = inf instead of --dim (rrs at alpha = N = inf: exact head sum + Euler-Maclaurin "
                    + "tail), for exponents without finite-D saturation.")
    boolean continuum;

    @Option(names = "--width", paramLabel = "N|inf",
            description = "Residual-stream width N (rank of the projection), an integer >= 1, or inf (default: inf).")
    String width;

    @Option(names = "--width-ratio", paramLabel = "R",
            description = "Width as a ratio N/D in (0, 1] (N = round(R*D), at least 1) instead of --width (rrs).")
    String widthRatio;

    /** True if any structured option was given on the command line. */
    public boolean anyGiven() {
        return nu != null || beta != null || dim != null || spectrumFile != null || width != null
                || widthRatio != null || continuum;
    }

    /**
     * Width N for a spectrum of D modes: --width N, or round(R·D) from --width-ratio R (at least 1), or
     * {@link Integer#MAX_VALUE} (inf). A width N ≥ D is no bottleneck.
     */
    public int width(Spectrum spectrum) {
        return width(spectrum.dim());
    }

    /** {@link #width(Spectrum)} for D modes. */
    public int width(int modes) {
        if (widthRatio != null) {
            if (width != null) {
                throw new InvalidInputException("--width-ratio", widthRatio, "not together with --width " + width);
            }
            double r = Inputs.positive("--width-ratio", widthRatio, false);
            if (r > 1) {
                throw new InvalidInputException("--width-ratio", widthRatio, "a number in (0, 1]");
            }
            return (int) Math.max(1, Math.round(r * modes));
        }
        return width();
    }

    /** ISO takes no structured options: refuses each one that was given (exit 2). */
    public void requireAbsent(Setting setting) {
        String[][] given = {{"--nu", nu}, {"--beta", beta}, {"--dim", dim},
            {"--spectrum", spectrumFile == null ? null : spectrumFile.toString()}, {"--width", width},
            {"--width-ratio", widthRatio}, {"--continuum", continuum ? "given" : null}};
        for (String[] g : given) {
            if (g[1] != null) {
                throw new InvalidInputException(g[0], "not accepted with --setting " + setting.cliName()
                        + " (structured-spectrum options belong to --setting fs or rrs)");
            }
        }
    }

    /** Width N, or {@link Integer#MAX_VALUE} for inf (the default). */
    public int width() {
        return width == null ? Integer.MAX_VALUE : Inputs.integerOrInfinity("--width", width, 1);
    }

    public boolean infiniteWidth() {
        return width() == Integer.MAX_VALUE;
    }

    /** True for a power law given by --nu/--beta/--dim, false for --spectrum FILE. */
    public boolean isPowerLaw() {
        return spectrumFile == null;
    }

    public double nu() {
        return Inputs.greaterThan("--nu", nu, 1);
    }

    public double beta() {
        return Inputs.positive("--beta", beta, false);
    }

    public int dim() {
        return Inputs.integer("--dim", dim, 1, MAX_DIM);
    }

    /**
     * Builds the spectrum for a structured setting: {@link Spectrum#fromCsv} for {@code --spectrum},
     * otherwise {@link Spectrum#powerLaw} (all of --nu, --beta, --dim required).
     */
    public Spectrum spectrum(Setting setting) {
        if (continuum) {
            throw new InvalidInputException("--continuum", "available only for --setting rrs at alpha = N = inf with "
                    + "--rule tied or full-attention (this command needs a finite list of modes: use --dim D)");
        }
        if (spectrumFile != null) {
            String[][] clash = {{"--nu", nu}, {"--beta", beta}, {"--dim", dim}};
            for (String[] c : clash) {
                if (c[1] != null) {
                    throw new InvalidInputException(c[0], "cannot be combined with --spectrum "
                            + spectrumFile + " (give either a file or a power law --nu --beta --dim)");
                }
            }
            return Spectrum.fromCsv(spectrumFile);
        }
        String[][] needed = {{"--nu", nu, "a finite number > 1"}, {"--beta", beta, "a finite number > 0"},
            {"--dim", dim, "an integer in [1, " + MAX_DIM + "]"}};
        for (String[] n : needed) {
            if (n[1] == null) {
                throw new InvalidInputException(n[0], "missing (expected " + n[2] + "): --setting "
                        + setting.cliName() + " needs a power law --nu --beta --dim or --spectrum FILE");
            }
        }
        return Spectrum.powerLaw(nu(), beta(), dim());
    }

    /** True for {@code --continuum} (power law at D = ∞). */
    public boolean continuum() {
        return continuum;
    }

    /** The D = ∞ power law of {@code --continuum --nu --beta} (--dim and --spectrum refused). */
    public PowerLawContinuum continuumLaw() {
        if (dim != null || spectrumFile != null) {
            throw new InvalidInputException(dim != null ? "--dim" : "--spectrum",
                    "cannot be combined with --continuum (the power law at D = inf)");
        }
        if (nu == null || beta == null) {
            throw new InvalidInputException(nu == null ? "--nu" : "--beta", "missing: --continuum needs --nu and --beta");
        }
        return new PowerLawContinuum(nu(), beta());
    }

    /** The parameters echoed in results (only those that apply). */
    public Map<String, Object> echo() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (continuum) {
            m.put("nu", nu());
            m.put("beta", beta());
            m.put("dim", "inf");
        } else if (spectrumFile != null) {
            m.put("spectrum", spectrumFile.toString());
        } else {
            m.put("nu", nu());
            m.put("beta", beta());
            m.put("dim", dim());
        }
        if (widthRatio != null) {
            m.put("widthRatio", Inputs.positive("--width-ratio", widthRatio, false));
            m.put("width", width(isPowerLaw() ? dim() : Spectrum.fromCsv(spectrumFile).dim()));
        } else {
            m.put("width", infiniteWidth() ? "inf" : width());
        }
        return m;
    }
}
