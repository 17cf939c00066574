package org.iclscale.model;

import java.util.Objects;
import org.iclscale.core.Depth;
import org.iclscale.core.Extent;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Setting;

/**
 * One model of the theory, validated once: the data setting (ISO, FS, RRS), its spectrum, the residual-stream
 * width N, the context ratio α = P/D, the depth L (in-context GD steps of size γ/L) and the label-noise standard
 * deviation σ. Width and context share one meaning of ∞ ({@link Extent#INFINITE}: no bottleneck, Σ̂ = Σ).
 *
 * <pre>{@code
 * ModelSpec.iso().alpha(0.5).depth(16).sigma(0.5).build();
 * ModelSpec.rrs(PowerLaw.of(1.5, 0.8, 64)).alpha(4).width(16).depth(4).build();
 * }</pre>
 *
 * <p>The constructor checks each parameter and the pairing of setting and spectrum; which computation a spec
 * gets (and whether any does) is decided by {@link Landscapes#regime}, in one place. Errors name parameters
 * ({@code alpha}, {@code width}), never command-line options.
 */
public record ModelSpec(Setting setting, SpectrumSpec spectrum, Extent width, Extent alpha, Depth depth, double sigma) {

    public ModelSpec {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(spectrum, "spectrum");
        Objects.requireNonNull(width, "width");
        Objects.requireNonNull(alpha, "alpha");
        Objects.requireNonNull(depth, "depth");
        if (setting == Setting.ISO && !(spectrum instanceof Isotropic)) {
            throw new InvalidInputException("spectrum", spectrum + " is not accepted with setting iso (a structured "
                    + "spectrum belongs to setting fs or rrs)");
        }
        if (setting != Setting.ISO && spectrum instanceof Isotropic) {
            throw new InvalidInputException("spectrum", "missing: setting " + setting.cliName() + " needs a structured "
                    + "spectrum (a power law nu, beta, dim, or explicit eigenvalues)");
        }
        if (setting == Setting.ISO && width.finite()) {
            throw new InvalidInputException("width", width, "inf for setting iso (the width bottleneck is part of the "
                    + "structured models)");
        }
        if (width.finite() && !(width.value() == Math.rint(width.value()) && width.value() <= Integer.MAX_VALUE)) {
            throw new InvalidInputException("width", width, "an integer >= 1, or inf");
        }
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new InvalidInputException("sigma", sigma, "a finite number >= 0");
        }
        if (!Double.isFinite(sigma * sigma)) {
            // every loss carries sigma^2: 1e308 overflowed to an "excess loss Infinity" (issue 18 fuzz)
            throw new InvalidInputException("sigma", sigma, "a number >= 0 whose square sigma^2 is finite (at most 1e154)");
        }
    }

    /** A builder for ISO (Λ = Ω = I): α, L, σ. */
    public static Builder iso() {
        return new Builder(Setting.ISO, Isotropic.INSTANCE);
    }

    /** A builder for FS (fixed structured covariance Λ, task covariance Ω). */
    public static Builder fs(SpectrumSpec spectrum) {
        return new Builder(Setting.FS, spectrum);
    }

    /** A builder for RRS (randomly rotated structured covariance, with an optional width bottleneck N). */
    public static Builder rrs(SpectrumSpec spectrum) {
        return new Builder(Setting.RRS, spectrum);
    }

    /** A builder for any setting. */
    public static Builder builder(Setting setting, SpectrumSpec spectrum) {
        return new Builder(setting, spectrum);
    }

    /** A builder starting from this spec. */
    public Builder toBuilder() {
        Builder b = new Builder(setting, spectrum);
        b.width = width;
        b.alpha = alpha;
        b.depth = depth;
        b.sigma = sigma;
        return b;
    }

    /** This spec at depth {@code l}. */
    public ModelSpec withDepth(Depth l) {
        return new ModelSpec(setting, spectrum, width, alpha, l, sigma);
    }

    /** This spec at context ratio {@code a}. */
    public ModelSpec withAlpha(Extent a) {
        return new ModelSpec(setting, spectrum, width, a, depth, sigma);
    }

    /** This spec at width {@code n}. */
    public ModelSpec withWidth(Extent n) {
        return new ModelSpec(setting, spectrum, n, alpha, depth, sigma);
    }

    /** This spec at noise level {@code s}. */
    public ModelSpec withSigma(double s) {
        return new ModelSpec(setting, spectrum, width, alpha, depth, s);
    }

    /** σ², the part of the loss no γ removes. */
    public double noiseVariance() {
        return sigma * sigma;
    }

    /** The finite spectrum; an {@link IllegalStateException} for ISO or the continuum. */
    public FiniteSpectrum finiteSpectrum() {
        if (spectrum instanceof FiniteSpectrum f) {
            return f;
        }
        throw new IllegalStateException("the spectrum " + spectrum + " has no finite list of modes");
    }

    /**
     * The context length P = αD (+∞ at α = ∞); only for a finite spectrum. A product within one ulp of an integer
     * is that integer, so that a spec built from an integer context, α = P/D ({@link Builder#contextLength}), gives
     * back exactly P (the rounded quotient times D can miss P by one ulp, e.g. (1/49)·49).
     */
    public double contextLength() {
        double p = alpha.value() * finiteSpectrum().dim();
        double integer = Math.rint(p);
        return Math.abs(p - integer) <= Math.ulp(integer) ? integer : p;
    }

    /** True when the width is a bottleneck: a finite N below the number of modes D. */
    public boolean widthBelowDimension() {
        return width.finite() && width.value() < spectrum.dimension();
    }

    /** Builds a {@link ModelSpec}; every parameter defaults to the command line's default (α = ∞, L = 1, σ = 0). */
    public static final class Builder {
        private final Setting setting;
        private final SpectrumSpec spectrum;
        private Extent width = Extent.INFINITE;
        private Extent alpha = Extent.INFINITE;
        private Depth depth = Depth.of(1);
        private double sigma;
        private Double widthRatio;

        private Builder(Setting setting, SpectrumSpec spectrum) {
            this.setting = Objects.requireNonNull(setting, "setting");
            this.spectrum = Objects.requireNonNull(spectrum, "spectrum");
        }

        /** α = P/D &gt; 0 (+∞ allowed). */
        public Builder alpha(double a) {
            if (!(a > 0)) {
                throw new InvalidInputException("alpha", a, "a number > 0, or inf");
            }
            return alpha(Extent.ofNullable(a));
        }

        public Builder alpha(Extent a) {
            this.alpha = Objects.requireNonNull(a, "alpha");
            return this;
        }

        /**
         * The context as a length P &gt; 0 (+∞ allowed): α = P/D for a finite spectrum of D modes;
         * {@link ModelSpec#contextLength()} then returns exactly P for an integer P.
         */
        public Builder contextLength(Extent p) {
            Objects.requireNonNull(p, "contextLength");
            if (p.infinite()) {
                return alpha(Extent.INFINITE);
            }
            if (!(spectrum instanceof FiniteSpectrum f)) {
                throw new InvalidInputException("contextLength", p, "alpha = P/D instead: the spectrum " + spectrum
                        + " has no finite dimension D");
            }
            return alpha(Extent.of(p.value() / f.dim()));
        }

        /** Width N ≥ 1. */
        public Builder width(int n) {
            if (n < 1) {
                throw new InvalidInputException("width", n, "an integer >= 1, or inf");
            }
            return width(Extent.of(n));
        }

        public Builder width(Extent n) {
            this.width = Objects.requireNonNull(n, "width");
            this.widthRatio = null;
            return this;
        }

        /** Width as a ratio R = N/D in (0, 1]: N = max(1, round(R·D)) for a finite spectrum of D modes. */
        public Builder widthRatio(double r) {
            if (!(r > 0 && r <= 1)) {
                throw new InvalidInputException("widthRatio", r, "a number in (0, 1]");
            }
            this.widthRatio = r;
            return this;
        }

        public Builder depth(int l) {
            return depth(Depth.of(l));
        }

        public Builder depth(Depth l) {
            this.depth = Objects.requireNonNull(l, "depth");
            return this;
        }

        /** L = ∞ (the gradient-flow limit of the in-context steps). */
        public Builder infiniteDepth() {
            return depth(Depth.INFINITE);
        }

        public Builder sigma(double s) {
            this.sigma = s;
            return this;
        }

        public ModelSpec build() {
            Extent n = width;
            if (widthRatio != null) {
                if (setting != Setting.RRS) {
                    // N = R·D would be refused as a "width" the user never gave (issue 18)
                    throw new InvalidInputException("widthRatio", widthRatio, "only with setting rrs (the rank-N read-in"
                            + " of paper §4); omit it for setting " + setting.cliName());
                }
                if (!(spectrum instanceof FiniteSpectrum f)) {
                    throw new InvalidInputException("widthRatio", widthRatio, "a width N instead: the spectrum "
                            + spectrum + " has no finite dimension D");
                }
                n = Extent.of(Math.max(1, Math.round(widthRatio * f.dim())));
            }
            return new ModelSpec(setting, spectrum, n, alpha, depth, sigma);
        }
    }
}
