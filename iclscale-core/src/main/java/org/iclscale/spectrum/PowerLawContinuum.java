package org.iclscale.spectrum;

import org.iclscale.core.InvalidInputException;

/**
 * The power law at D = ∞: λ_k = k^{−ν}, p_k = k^{−s}/ζ(s), s = νβ + 1, summed over all k ≥ 1, for checking
 * exponents without the finite-D saturation. A mode sum Σ_{k≥1} p_k F(λ_k, p_k) (F bounded, F → 1 as λ → 0,
 * e.g. F = (1 − γλ/L)^{2L}, e^{−2γλ}, 1/(1 + 2aλ²p t)) is evaluated as
 * <ol>
 *   <li>the exact sum over k = 1..K−1 (K = the cutoff),</li>
 *   <li>the Euler–Maclaurin tail Σ_{k≥K} g(k) = ∫_K^∞ g + g(K)/2 − g'(K)/12 + O(g'''(K)/720), g(x) = p(x)F(λ(x), p(x)),
 *       with g' by a 5-point difference (step K/100);</li>
 *   <li>the integral split as ∫_K^∞ p + ∫_K^∞ p(F − 1): the first in closed form K^{1−s}/((s−1)ζ), the second
 *       (integrand ~ x^{−s−ν}) by composite 10-point Gauss–Legendre in v = ln(x/K) on panels of width 1/4 (growing
 *       geometrically beyond v = 256) until e^{−(s−1+ν)v} &lt; 10⁻¹⁸.</li>
 * </ol>
 * The dropped Euler–Maclaurin term is ≲ s³K^{−s−3}/720 relative to the loss scale (below 10⁻¹³ at K = 2000)
 * <em>provided F varies slowly beyond the cutoff</em>: F must be a function of a variable c·x^{−e} with
 * c·K^{−e} ≲ 10⁻² (e.g. 2γλ_K for e^{−2γλ}); {@link #cutoffFor} picks such a K. ζ(s) is computed by the same route with F ≡ 1 (checked against ζ(2) = π²/6 and ζ(3) in tests).
 */
public final class PowerLawContinuum {

    /** F(λ, p): the per-mode factor of a loss sum. */
    @FunctionalInterface
    public interface ModeFactor {
        double apply(double lambda, double p);
    }

    // 10-point Gauss-Legendre on [-1, 1] (numpy.polynomial.legendre.leggauss(10)); weights sum to 2 (tested)
    static final double[] GL_NODES = {
        -0.9739065285171717, -0.8650633666889845, -0.6794095682990244, -0.4333953941292472, -0.14887433898163122,
        0.14887433898163122, 0.4333953941292472, 0.6794095682990244, 0.8650633666889845, 0.9739065285171717};
    static final double[] GL_WEIGHTS = {
        0.06667134430868814, 0.1494513491505804, 0.219086362515982, 0.2692667193099965, 0.2955242247147528,
        0.2955242247147528, 0.2692667193099965, 0.219086362515982, 0.1494513491505804, 0.06667134430868814};

    /** Panel width in v = ln(x/K) of the tail integral, up to {@link #UNIFORM_END}. */
    private static final double PANEL = 0.25;
    /**
     * End of the uniform panels. Beyond it (reached only when the integrand decays like e^{−(s−1)v} with s − 1 &lt;
     * 42/256, i.e. νβ &lt; 0.16) panels grow as v/8: an exponential e^{−rv} there is integrated by 10-point
     * Gauss–Legendre to double precision wherever it is not already negligible (rv/8 ≲ 1), and the number of panels
     * up to e^{−(s−1)v} &lt; 10⁻¹⁸ grows like ln(1/(s − 1)) instead of 1/(s − 1) (β = 1e−9: 1.1·10¹¹ panels before).
     */
    private static final double UNIFORM_END = 256;

    private final double nu;
    private final double beta;
    private final double s;
    /** s − 1 = νβ, kept apart from s: 1 + νβ − 1 loses the relative precision of a small νβ (β = 1e−9: 7e−8). */
    private final double sMinusOne;
    private final int cutoff;
    private final double zeta;

    public PowerLawContinuum(double nu, double beta) {
        this(nu, beta, 2000);
    }

    public PowerLawContinuum(double nu, double beta, int cutoff) {
        if (!(nu > 1) || !Double.isFinite(nu)) {
            throw new InvalidInputException("nu", nu, "a finite number > 1");
        }
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new InvalidInputException("beta", beta, "a finite number > 0");
        }
        this.nu = nu;
        this.beta = beta;
        this.s = nu * beta + 1;
        this.sMinusOne = nu * beta;
        this.cutoff = Math.max(cutoff, 16);
        this.zeta = rawSum((l, p) -> 1.0, 1.0, 1.0, this.cutoff);
    }

    /**
     * The smallest cutoff K ≥ 2000 with rate·K^{−exponent} ≤ 10⁻², so that a factor F(rate·x^{−exponent}) is
     * nearly constant beyond K (e.g. rate = 2γ, exponent = ν for e^{−2γλ}).
     */
    public static int cutoffFor(double rate, double exponent) {
        double k = Math.ceil(Math.pow(Math.max(rate, 0) / 1e-2, 1 / exponent));
        if (!(k < 5e8)) {
            throw new InvalidInputException("dim", "inf", "a finite dimension: the continuum needs more than 5e8 explicit modes here");
        }
        return (int) Math.max(2000, k);
    }

    /** ζ(νβ + 1) = Σ_k k^{−νβ−1}, the normalisation of p. */
    public double zeta() {
        return zeta;
    }

    public double nu() {
        return nu;
    }

    public double beta() {
        return beta;
    }

    /** Σ_{k≥1} p_k F(λ_k, p_k) with p normalised to Σp = 1 (F → 1 as λ → 0; default cutoff). */
    public double sum(ModeFactor f) {
        return rawSum(f, zeta, 1.0, cutoff);
    }

    /**
     * Σ_{k≥1} p_k F(λ_k, p_k) for an F with F(0, 0) = {@code f0} (e.g. 0 for a derivative kernel λ(...)), with
     * an explicit cutoff (see {@link #cutoffFor}).
     */
    public double sum(ModeFactor f, double f0, int cutoffK) {
        return rawSum(f, zeta, f0, Math.max(cutoffK, 16));
    }

    /** Riemann ζ(s) for s > 1 by the same Euler–Maclaurin route. */
    public static double zeta(double s) {
        if (!(s > 1)) {
            throw new IllegalArgumentException("zeta(s) needs s > 1");
        }
        // ν·β + 1 = s with ν = 2, β = (s − 1)/2
        return new PowerLawContinuum(2, (s - 1) / 2).zeta();
    }

    /**
     * A factor that sums the cached head modes in its own loop: a sum's call of {@link ModeFactor#apply} per mode
     * sees many factors (megamorphic, not inlined), a kernel's own loop sees one. {@link #head} must perform, in this
     * order, {@code acc += p * apply(kMinusNu[k], p)} with {@code p = kMinusS[k] / z} for k = to − 1 down to 1 (the
     * same doubles as the generic loop; the arrays are the continuum's cache and are only read).
     */
    public interface HeadKernel extends ModeFactor {
        double head(double acc, double[] kMinusS, double[] kMinusNu, double z, int to);
    }

    /**
     * F = e^{cλ} or λe^{cλ} (e.g. c = −2γ: the RRS loss at L = ∞ and its derivative kernel), as a {@link HeadKernel}:
     * the same operations as {@code (l, p) -> l * Math.exp(c * l)}, hence the same doubles (tested).
     */
    public static ModeFactor exponential(double c, boolean timesLambda) {
        return new Exponential(c, timesLambda);
    }

    private record Exponential(double c, boolean timesLambda) implements HeadKernel {
        @Override
        public double apply(double lambda, double p) {
            return timesLambda ? lambda * Math.exp(c * lambda) : Math.exp(c * lambda);
        }

        @Override
        public double head(double acc, double[] kMinusS, double[] kMinusNu, double z, int to) {
            double head = acc;
            if (timesLambda) {
                for (int k = to - 1; k >= 1; k--) {
                    double p = kMinusS[k] / z;
                    double l = kMinusNu[k];
                    head += p * (l * Math.exp(c * l));
                }
            } else {
                for (int k = to - 1; k >= 1; k--) {
                    double p = kMinusS[k] / z;
                    head += p * Math.exp(c * kMinusNu[k]);
                }
            }
            return head;
        }
    }

    private double rawSum(ModeFactor f, double z, double f0, int cutoff) {
        // head: k = cutoff − 1 down to 1 (this order); cached powers below the cache's end, Math.pow beyond it
        // (the same doubles: the cache holds Math.pow(k, −s), Math.pow(k, −ν))
        Head cached = head(Math.min(cutoff, HEAD_CACHE_LIMIT));
        double[] ks = cached.kMinusS;
        double[] kn = cached.kMinusNu;
        int split = Math.min(cutoff, ks.length);
        double head = 0;
        for (int k = cutoff - 1; k >= split; k--) {
            double p = Math.pow(k, -s) / z;
            head += p * f.apply(Math.pow(k, -nu), p);
        }
        if (f instanceof HeadKernel kernel) {
            head = kernel.head(head, ks, kn, z, split);
        } else {
            for (int k = split - 1; k >= 1; k--) {
                double p = ks[k] / z;
                head += p * f.apply(kn[k], p);
            }
        }
        double kk = cutoff;
        double h = kk / 100;
        double d1 = (-g(f, z, kk + 2 * h) + 8 * g(f, z, kk + h) - 8 * g(f, z, kk - h) + g(f, z, kk - 2 * h)) / (12 * h);
        double tail = f0 * Math.pow(kk, -sMinusOne) / (sMinusOne * z) + g(f, z, kk) / 2 - d1 / 12;
        // ∫_K^∞ p (F − F(0)) dx, x = K e^v (integrand ~ x^{−s−ν} if F − F(0) ~ λ, else ~ x^{−s}); with the
        // K-independent e^{−(s−1)v}, e^{−sv}, e^{−νv} of the nodes cached, x p = K^{1−s}e^{−(s−1)v}/ζ,
        // p = K^{−s}e^{−sv}/ζ and λ = K^{−ν}e^{−νv}: x = K e^v itself, which overflows for v > ~700 (reached when
        // νβ < 0.06), is never formed
        Tail nodes = tail(f0 == 0);
        double kS = Math.pow(kk, -s);
        double kSMinusOne = Math.pow(kk, -sMinusOne);
        double kNu = Math.pow(kk, -nu);
        double integral = 0;
        for (int i = 0; i < nodes.weight.length; i++) {
            double p = kS * nodes.expMinusSv[i] / z;
            integral += nodes.weight[i] * (kSMinusOne * nodes.expMinusSMinusOneV[i] / z)
                    * (f.apply(kNu * nodes.expMinusNuV[i], p) - f0);
        }
        return head + tail + integral;
    }

    /** k^{−s} and k^{−ν} for k = 0..n−1 (index k; entry 0 unused): the head modes, which every sum revisits. */
    private static final class Head {
        final double[] kMinusS;
        final double[] kMinusNu;

        Head(double[] kMinusS, double[] kMinusNu) {
            this.kMinusS = kMinusS;
            this.kMinusNu = kMinusNu;
        }
    }

    /** Head modes are cached up to this cutoff (2 × 8 bytes per mode; larger cutoffs recompute the powers). */
    static final int HEAD_CACHE_LIMIT = 1 << 18;

    private volatile Head head;

    /**
     * The cached head powers covering k &lt; cutoff (grown on demand: the cutoff follows γ or t, and a flow's
     * right-hand side asks for a new one at every step); cutoff ≤ {@link #HEAD_CACHE_LIMIT}.
     */
    private Head head(int cutoff) {
        Head h = head;
        if (h != null && h.kMinusS.length >= cutoff) {
            return h;
        }
        int n = Math.min(HEAD_CACHE_LIMIT, Math.max(cutoff, h == null ? 0 : 2 * h.kMinusS.length));
        double[] ks = new double[n];
        double[] kn = new double[n];
        for (int k = 1; k < n; k++) {
            ks[k] = Math.pow(k, -s);
            kn[k] = Math.pow(k, -nu);
        }
        h = new Head(ks, kn);
        head = h;
        return h;
    }

    /** The composite Gauss–Legendre nodes of the tail integral in v = ln(x/K), with their K-free factors. */
    private static final class Tail {
        final double[] weight;
        final double[] expMinusSMinusOneV;
        final double[] expMinusSv;
        final double[] expMinusNuV;

        Tail(double s, double sMinusOne, double nu, double decay) {
            double vMax = 42 / decay;
            int panels = 0;
            for (double a = 0, width = PANEL; a < vMax; a += width) {
                if (a >= UNIFORM_END) {
                    width = a / 8;
                }
                panels++;
            }
            int n = panels * GL_NODES.length;
            weight = new double[n];
            expMinusSMinusOneV = new double[n];
            expMinusSv = new double[n];
            expMinusNuV = new double[n];
            int j = 0;
            // panels of width 1/4 up to v = 256, then geometric (v/8: bounded work when s − 1 = νβ is tiny),
            // until e^{−decay·v} < 10⁻¹⁸
            for (double a = 0, width = PANEL; a < vMax; a += width) {
                if (a >= UNIFORM_END) {
                    width = a / 8;
                }
                double mid = a + width / 2;
                for (int i = 0; i < GL_NODES.length; i++, j++) {
                    double v = mid + width / 2 * GL_NODES[i];
                    weight[j] = GL_WEIGHTS[i] * width / 2;
                    expMinusSMinusOneV[j] = Math.exp(-sMinusOne * v);
                    expMinusSv[j] = Math.exp(-s * v);
                    expMinusNuV[j] = Math.exp(-nu * v);
                }
            }
        }
    }

    private volatile Tail tailWithZeroLimit;
    private volatile Tail tailWithLimit;

    /** Tail nodes for F(0, 0) = 0 (integrand ~ x^{−s}) or F(0, 0) ≠ 0 (F − F(0) ~ λ: ~ x^{−s−ν}). */
    private Tail tail(boolean zeroLimit) {
        Tail t = zeroLimit ? tailWithZeroLimit : tailWithLimit;
        if (t == null) {
            t = new Tail(s, sMinusOne, nu, zeroLimit ? sMinusOne : sMinusOne + nu);
            if (zeroLimit) {
                tailWithZeroLimit = t;
            } else {
                tailWithLimit = t;
            }
        }
        return t;
    }

    private double g(ModeFactor f, double z, double x) {
        double p = Math.pow(x, -s) / z;
        return p * f.apply(Math.pow(x, -nu), p);
    }
}
