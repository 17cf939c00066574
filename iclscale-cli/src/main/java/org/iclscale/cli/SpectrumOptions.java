package org.iclscale.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iclscale.core.Extent;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Setting;
import org.iclscale.model.Continuum;
import org.iclscale.model.ExplicitSpectrum;
import org.iclscale.model.FiniteSpectrum;
import org.iclscale.model.ModelSpec;
import org.iclscale.model.PowerLaw;
import org.iclscale.model.SpectrumSpec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * The options of a structured spectrum (settings fs and rrs): a power law {@code --nu --beta --dim}
 * (λ_k = k^{−ν}, p_k = λ_kω_k ∝ k^{−νβ−1}, Σp = 1), the power law at D = ∞ ({@code --continuum --nu --beta}) or a
 * file {@code --spectrum FILE} (columns {@code lambda,omega}), and the residual-stream width {@code --width N|inf}
 * or {@code --width-ratio R} (default inf = no bottleneck). Each value is converted and range-checked once, when
 * the command line is parsed; {@link ModelOptions#toSpec(SpectrumOptions)} assembles the {@link ModelSpec}.
 */
public final class SpectrumOptions {

    @Option(names = "--nu", converter = NuConverter.class,
            description = "Capacity exponent nu > 1 of a power-law spectrum lambda_k = k^-nu (fs, rrs).")
    Double nu;

    @Option(names = "--beta", converter = BetaConverter.class,
            description = "Source exponent beta > 0: p_k = lambda_k omega_k ~ k^(-nu*beta-1), sum p = 1 (fs, rrs).")
    Double beta;

    @Option(names = "--dim", converter = DimConverter.class,
            description = "Number D of spectral modes of the power law, 1..1e8 (fs, rrs).")
    Integer dim;

    @Option(names = "--spectrum", paramLabel = "FILE",
            description = "CSV file with header lambda,omega (one mode per line) instead of --nu/--beta/--dim (fs, rrs).")
    Path spectrumFile;

    @Option(names = "--continuum",
            description = "Power law at D = inf instead of --dim (rrs at alpha = N = inf: exact head sum + Euler-Maclaurin "
                    + "tail), for exponents without finite-D saturation.")
    boolean continuum;

    @Option(names = "--width", paramLabel = "N|inf", converter = WidthConverter.class,
            description = "Residual-stream width N (rank of the projection), an integer >= 1, or inf (default: inf).")
    Extent width;

    @Option(names = "--width-ratio", paramLabel = "R", converter = WidthRatioConverter.class,
            description = "Width as a ratio N/D in (0, 1] (N = round(R*D), at least 1) instead of --width (rrs).")
    Double widthRatio;

    /** The spectrum read from --spectrum, once per parse. */
    private ExplicitSpectrum fileSpectrum;
    private Path fileSpectrumPath;

    /** True if any structured option was given on the command line. */
    public boolean anyGiven() {
        return nu != null || beta != null || dim != null || spectrumFile != null || width != null
                || widthRatio != null || continuum;
    }

    /** ISO takes no structured options: refuses each one that was given (exit 2). */
    public void requireAbsent(Setting setting) {
        Object[][] given = {{"--nu", nu}, {"--beta", beta}, {"--dim", dim}, {"--spectrum", spectrumFile},
            {"--width", width}, {"--width-ratio", widthRatio}, {"--continuum", continuum ? "given" : null}};
        for (Object[] g : given) {
            if (g[1] != null) {
                throw new InvalidInputException((String) g[0], "not accepted with --setting " + setting.cliName()
                        + " (structured-spectrum options belong to --setting fs or rrs)");
            }
        }
    }

    /**
     * The spectrum of a structured setting: the continuum for {@code --continuum --nu --beta}, the file of
     * {@code --spectrum} (read once), or the power law of {@code --nu --beta --dim} (all three required).
     */
    public SpectrumSpec spectrumSpec(Setting setting) {
        if (continuum) {
            if (dim != null || spectrumFile != null) {
                throw new InvalidInputException(dim != null ? "--dim" : "--spectrum",
                        "cannot be combined with --continuum (the power law at D = inf)");
            }
            if (nu == null || beta == null) {
                throw new InvalidInputException(nu == null ? "--nu" : "--beta", "missing: --continuum needs --nu and --beta");
            }
            return new Continuum(nu, beta);
        }
        if (spectrumFile != null) {
            Object[][] clash = {{"--nu", nu}, {"--beta", beta}, {"--dim", dim}};
            for (Object[] c : clash) {
                if (c[1] != null) {
                    throw new InvalidInputException((String) c[0], "cannot be combined with --spectrum "
                            + spectrumFile + " (give either a file or a power law --nu --beta --dim)");
                }
            }
            if (fileSpectrum == null || !spectrumFile.equals(fileSpectrumPath)) {
                fileSpectrum = ExplicitSpectrum.fromCsv(spectrumFile);
                fileSpectrumPath = spectrumFile;
            }
            return fileSpectrum;
        }
        Object[][] needed = {{"--nu", nu, "a finite number > 1"}, {"--beta", beta, "a finite number > 0"},
            {"--dim", dim, "an integer in [1, " + PowerLaw.MAX_DIM + "]"}};
        for (Object[] n : needed) {
            if (n[1] == null) {
                throw new InvalidInputException((String) n[0], "missing (expected " + n[2] + "): --setting "
                        + setting.cliName() + " needs a power law --nu --beta --dim or --spectrum FILE");
            }
        }
        return PowerLaw.of(nu, beta, dim);
    }

    /** Applies --width / --width-ratio to a builder. */
    void applyWidth(ModelSpec.Builder b) {
        if (widthRatio != null) {
            if (width != null) {
                throw new InvalidInputException("--width-ratio", widthRatio, "not together with --width " + width);
            }
            b.widthRatio(widthRatio);
        } else if (width != null) {
            b.width(width);
        }
    }

    /** The parameters echoed in results (only those that apply), from the assembled spec. */
    public Map<String, Object> echo(ModelSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        SpectrumSpec s = spec.spectrum();
        if (s instanceof Continuum c) {
            m.put("nu", c.nu());
            m.put("beta", c.beta());
            m.put("dim", "inf");
        } else if (s instanceof ExplicitSpectrum e) {
            m.put("spectrum", e.source());
        } else if (s instanceof PowerLaw p) {
            m.put("nu", p.nu());
            m.put("beta", p.beta());
            m.put("dim", p.dim());
        }
        if (widthRatio != null) {
            m.put("widthRatio", widthRatio);
        }
        m.put("width", spec.width().infinite() ? "inf" : spec.width().count());
        return m;
    }

    /** The number of modes of the spec's spectrum (finite spectra only). */
    static int modes(ModelSpec spec) {
        return ((FiniteSpectrum) spec.spectrum()).dim();
    }

    /** ν &gt; 1. */
    public static final class NuConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return org.iclscale.core.Inputs.greaterThan("nu", value, 1);
        }
    }

    /** β &gt; 0. */
    public static final class BetaConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return org.iclscale.core.Inputs.positive("beta", value, false);
        }
    }

    /** D in [1, 1e8]. */
    public static final class DimConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return org.iclscale.core.Inputs.integer("dim", value, 1, PowerLaw.MAX_DIM);
        }
    }

    /** N ≥ 1 or inf. */
    public static final class WidthConverter implements ITypeConverter<Extent> {
        @Override
        public Extent convert(String value) {
            java.util.OptionalInt n = org.iclscale.core.Inputs.integerOrInfinity("width", value, 1);
            return n.isPresent() ? Extent.of(n.getAsInt()) : Extent.INFINITE;
        }
    }

    /** R in (0, 1]. */
    public static final class WidthRatioConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double r = org.iclscale.core.Inputs.positive("widthRatio", value, false);
            if (r > 1) {
                throw new InvalidInputException("widthRatio", value.trim(), "a number in (0, 1]");
            }
            return r;
        }
    }
}
