package org.iclscale.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

/** The D = ∞ power law: ζ values, agreement with large finite sums, and a closed-form tail. */
class PowerLawContinuumTest {

    @Test
    void gaussLegendreRuleIsExactForDegree19() {
        for (int degree = 0; degree <= 19; degree++) {
            double sum = 0;
            for (int i = 0; i < 10; i++) {
                sum += PowerLawContinuum.GL_WEIGHTS[i] * Math.pow(PowerLawContinuum.GL_NODES[i], degree);
            }
            assertEquals(degree % 2 == 0 ? 2.0 / (degree + 1) : 0, sum, 1e-15, "degree " + degree);
        }
    }

    @Test
    void zetaValues() {
        assertEquals(Math.PI * Math.PI / 6, PowerLawContinuum.zeta(2), 1e-14);
        assertEquals(1.2020569031595942, PowerLawContinuum.zeta(3), 1e-14);
        assertEquals(Math.pow(Math.PI, 4) / 90, PowerLawContinuum.zeta(4), 1e-14);
        // s close to 1: ζ(1.1) = 10.584448464950810
        assertEquals(10.584448464950810, PowerLawContinuum.zeta(1.1), 1e-11);
    }

    /** Continuum vs exact sums over 10⁷ modes: they differ by the tail beyond D, ~ D^{−νβ} (here ~4e-9). */
    @Test
    void continuumAgreesWithLargeFiniteSum() {
        double nu = 1.5;
        double beta = 0.8;
        int dim = 10_000_000;
        Spectrum s = Spectrum.powerLaw(nu, beta, dim);
        PowerLawContinuum c = new PowerLawContinuum(nu, beta);
        double[] lambda = s.lambda();
        double[] p = s.weights();
        for (double gamma : new double[] {0.3, 5, 200}) {
            double finite = 0;
            for (int k = dim - 1; k >= 0; k--) {
                finite += p[k] * Math.exp(-2 * gamma * lambda[k]);
            }
            double cont = c.sum((l, w) -> Math.exp(-2 * gamma * l));
            // finite sums are normalised over D modes: rescale by Z_D/ζ and add the missing tail ∫_D^∞ x^{−s}/ζ
            double zd = 0;
            for (int k = dim; k >= 1; k--) {
                zd += Math.pow(k, -nu * beta - 1);
            }
            double missing = Math.pow(dim + 0.5, -nu * beta) / (nu * beta) / c.zeta();
            assertEquals(cont, finite * zd / c.zeta() + missing, 1e-12 * 1 + 1e-9 * missing, "gamma = " + gamma);
        }
    }

    /**
     * Reference from an independent script (numpy sum over k ≤ 10⁷ + mpmath quad of the tail beyond 10⁷ + 1/2,
     * divided by mpmath ζ(2.5625)): ν = β = 1.25, γ = 50, Σ p_k e^{−2γλ_k} = 0.0017392986690074946.
     */
    @Test
    void cutoffResolvesTheTransition() {
        assertEquals(2000, PowerLawContinuum.cutoffFor(1, 1.5));
        int k = PowerLawContinuum.cutoffFor(1e4, 1.25);
        assertEquals(true, 1e4 * Math.pow(k, -1.25) <= 1e-2 && 1e4 * Math.pow(k - 1, -1.25) > 1e-2);
        double nu = 1.25;
        double beta = 1.25;
        double reference = new PowerLawContinuum(nu, beta, 400_000).sum((l, w) -> Math.exp(-1e4 * l));
        double resolved = new PowerLawContinuum(nu, beta, k).sum((l, w) -> Math.exp(-1e4 * l));
        assertEquals(reference, resolved, 1e-12 * reference);
    }

    @Test
    void independentReferenceValue() {
        assertEquals(0.0017392986690074946, new PowerLawContinuum(1.25, 1.25).sum((l, w) -> Math.exp(-100 * l)), 1e-15);
    }

    /**
     * Closed form of the integral tail for F = e^{−2γλ}: ∫_K^∞ p(x)e^{−2γx^{−ν}}dx = (2γ)^{−β} γ_inc(β, 2γK^{−ν})/(νζ)
     * (lower incomplete Γ), so Σ_k = head + EM corrections + this integral must agree with the generic route.
     */
    @Test
    void genericTailMatchesIncompleteGammaTail() {
        double nu = 1.25;
        double beta = 1.25;
        for (int cutoff : new int[] {100, 2000}) {
            PowerLawContinuum c = new PowerLawContinuum(nu, beta, cutoff);
            for (double gamma : new double[] {0.5, 5, 50, 500, 5000}) {
                if (2 * gamma * Math.pow(cutoff, -nu) > 1) {
                    continue; // F varies near K: the regime PowerLawContinuum.cutoffFor avoids
                }
                double s = nu * beta + 1;
                double head = 0;
                for (int k = cutoff - 1; k >= 1; k--) {
                    head += Math.pow(k, -s) * Math.exp(-2 * gamma * Math.pow(k, -nu));
                }
                double a = 2 * gamma * Math.pow(cutoff, -nu);
                double integral = Math.pow(2 * gamma, -beta) * Gamma.regularizedGammaP(beta, a) * Gamma.gamma(beta) / nu;
                double gk = Math.pow(cutoff, -s) * Math.exp(-a);
                double dgk = gk * (-s + 2 * gamma * nu * Math.pow(cutoff, -nu)) / cutoff;
                double expected = (head + integral + gk / 2 - dgk / 12) / c.zeta();
                double got = c.sum((l, w) -> Math.exp(-2 * gamma * l));
                // the dropped Euler-Maclaurin term g'''(K)/720 is ~2e-10 relative at K = 100, ~1e-16 at K = 2000
                assertEquals(expected, got, (cutoff == 100 ? 1e-9 : 1e-13) * expected, "K = " + cutoff + ", gamma = " + gamma);
            }
        }
    }

    /**
     * The cached head powers and tail nodes (issue 17 item 4) against the former route, kept here verbatim: powers
     * recomputed per mode and per Gauss–Legendre node. The head is bit-identical; the tail nodes factor
     * e^{−s ln x} = K^{−s}e^{−sv}, a few ulp per node.
     */
    @Test
    void cachedModeSumsEqualTheFormerRoute() {
        for (double[] nb : new double[][] {{1.5, 0.8}, {1.25, 1.25}, {2.5, 0.3}, {1.1, 0.1}, {1.5, 0.01}}) {
            double nu = nb[0];
            double beta = nb[1];
            PowerLawContinuum c = new PowerLawContinuum(nu, beta);
            double z = formerSum(nu, beta, (l, w) -> 1.0, 1.0, 1.0, 2000);
            assertEquals(z, c.zeta(), 1e-14 * z, "zeta, nu " + nu + " beta " + beta);
            for (double gamma : new double[] {0.01, 3, 300, 3e4}) {
                int k = PowerLawContinuum.cutoffFor(2 * gamma, nu);
                PowerLawContinuum.ModeFactor f = (l, w) -> Math.exp(-2 * gamma * l);
                PowerLawContinuum.ModeFactor df = (l, w) -> l * Math.exp(-2 * gamma * l);
                PowerLawContinuum.ModeFactor flow = (l, w) -> 1 / (1 + 4 * w * l * l * gamma);
                String at = "nu " + nu + " beta " + beta + " gamma " + gamma + " K " + k;
                assertEquals(formerSum(nu, beta, f, z, 1, k), c.sum(f, 1, k), 1e-14, at);
                double d = formerSum(nu, beta, df, z, 0, k);
                assertEquals(d, c.sum(df, 0, k), 1e-13 * Math.abs(d), at);
                assertEquals(formerSum(nu, beta, flow, z, 1, k), c.sum(flow, 1, k), 1e-14, at);
            }
        }
    }

    /** PowerLawContinuum.rawSum as it was before the caches (main at 68e345d: tail in ln x, geometric panels). */
    private static double formerSum(double nu, double beta, PowerLawContinuum.ModeFactor f, double z, double f0,
            int cutoff) {
        double s = nu * beta + 1;
        double head = 0;
        for (int k = cutoff - 1; k >= 1; k--) {
            double p = Math.pow(k, -s) / z;
            head += p * f.apply(Math.pow(k, -nu), p);
        }
        double kk = cutoff;
        double h = kk / 100;
        java.util.function.DoubleUnaryOperator g = x -> {
            double p = Math.pow(x, -s) / z;
            return p * f.apply(Math.pow(x, -nu), p);
        };
        double d1 = (-g.applyAsDouble(kk + 2 * h) + 8 * g.applyAsDouble(kk + h) - 8 * g.applyAsDouble(kk - h)
                + g.applyAsDouble(kk - 2 * h)) / (12 * h);
        double sMinusOne = nu * beta;
        double tail = f0 * Math.pow(kk, -sMinusOne) / (sMinusOne * z) + g.applyAsDouble(kk) / 2 - d1 / 12;
        double decay = f0 == 0 ? sMinusOne : sMinusOne + nu;
        double vMax = 42 / decay;
        double width = 0.25;
        double lnK = Math.log(kk);
        double integral = 0;
        for (double a = 0; a < vMax; a += width) {
            if (a >= 256) {
                width = a / 8;
            }
            double mid = a + width / 2;
            for (int i = 0; i < PowerLawContinuum.GL_NODES.length; i++) {
                double lx = lnK + mid + width / 2 * PowerLawContinuum.GL_NODES[i];
                double p = Math.exp(-s * lx) / z;
                integral += PowerLawContinuum.GL_WEIGHTS[i] * width / 2 * (Math.exp(-sMinusOne * lx) / z)
                        * (f.apply(Math.exp(-nu * lx), p) - f0);
            }
        }
        return head + tail + integral;
    }

    /** Euler's constant γ₀ and the Stieltjes constants γ₁, γ₂ of ζ(1 + ε) = 1/ε + γ₀ − γ₁ε + γ₂ε²/2 + O(ε³). */
    private static final double EULER_GAMMA = 0.5772156649015329;
    private static final double STIELTJES_1 = -0.07281584548367672;
    private static final double STIELTJES_2 = -0.009690363192872318;

    /**
     * Issue 18 (--continuum with β = 1e-9 ran without bound): at tiny νβ the normalisation ζ(1 + νβ) follows its
     * Laurent series to double precision (1 + νβ − 1 lost 7e-8 of it before), in bounded time.
     */
    @Test
    void zetaNearOneFollowsItsLaurentSeries() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (double beta : new double[] {1e-9, 1e-6, 1e-4}) {
                double eps = 1.5 * beta;
                double laurent = 1 / eps + EULER_GAMMA - STIELTJES_1 * eps + STIELTJES_2 * eps * eps / 2;
                assertEquals(laurent, new PowerLawContinuum(1.5, beta).zeta(), 1e-14 * laurent, "beta = " + beta);
            }
        });
    }

    /**
     * A derivative kernel (F(0) = 0) at νβ &lt; 0.06 took the tail integral to x = K e^v beyond the double range and
     * returned NaN (so {@code dynamics --continuum} at β = 0.01 failed). Σ_k p_kλ_k = ζ(s + ν)/ζ(s) and
     * Σ_k p_kλ_k(1 − γλ_k) = (ζ(s + ν) − γζ(s + 2ν))/ζ(s), the ζ by the F ≡ 1 route; at β = 1e-9 against
     * ζ(2.5) = 1.3414872572509171798 and the Laurent series (the shift of ζ(2.5) over νβ is 6e-10 relative).
     */
    @Test
    void derivativeKernelsAtTinyBeta() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            double nu = 1.5;
            for (double beta : new double[] {1e-9, 1e-4, 0.01, 0.03, 0.8}) {
                PowerLawContinuum c = new PowerLawContinuum(nu, beta);
                double s = nu * beta + 1;
                double first = PowerLawContinuum.zeta(s + nu) / c.zeta();
                double second = PowerLawContinuum.zeta(s + 2 * nu) / c.zeta();
                assertEquals(first, c.sum((l, p) -> l, 0, 2000), 1e-13 * first, "beta = " + beta);
                double gamma = 0.7;
                assertEquals(first - gamma * second, c.sum((l, p) -> l * (1 - gamma * l), 0, 2000),
                        1e-13 * (first - gamma * second), "beta = " + beta);
            }
            double tiny = new PowerLawContinuum(nu, 1e-9).sum((l, p) -> l, 0, 2000);
            assertEquals(1.3414872572509171798 / (1 / 1.5e-9 + EULER_GAMMA), tiny, 1e-9 * tiny);
        });
    }
    /**
     * The inlined exponential factor performs the lambda's operations in the same order: the same doubles, for the
     * loss (F(0) = 1) and the derivative kernel (F(0) = 0), with the cutoff inside and beyond the head cache.
     */
    @Test
    void exponentialFactorGivesTheSameDoublesAsItsLambda() {
        PowerLawContinuum law = new PowerLawContinuum(1.5, 0.8);
        for (int cutoff : new int[] {2000, 47_311, PowerLawContinuum.HEAD_CACHE_LIMIT + 12_345}) {
            for (double c : new double[] {-1e-3, -2.0, -2 * 3.7e4}) {
                assertEquals(law.sum((l, p) -> Math.exp(c * l), 1, cutoff),
                        law.sum(PowerLawContinuum.exponential(c, false), 1, cutoff), "e^(c l), c = " + c + ", K = " + cutoff);
                assertEquals(law.sum((l, p) -> l * Math.exp(c * l), 0, cutoff),
                        law.sum(PowerLawContinuum.exponential(c, true), 0, cutoff), "l e^(c l), c = " + c + ", K = " + cutoff);
            }
        }
    }

    /** Relative agreement of one sum at neighbouring cutoffs (the Euler–Maclaurin error is ~1e-16 there). */
    private static final double CUTOFF_AGREEMENT = 1e-14;

    /**
     * Across the end of the head cache (cached powers below it, Math.pow beyond) no mode is dropped or counted
     * twice: cutoffs on either side give the same sum (one mode there weighs p_k ≈ 8e-13, 80× the tolerance).
     */
    @Test
    void sumIsContinuousAcrossTheHeadCacheEnd() {
        PowerLawContinuum law = new PowerLawContinuum(1.5, 0.8);
        int end = PowerLawContinuum.HEAD_CACHE_LIMIT;
        PowerLawContinuum.ModeFactor f = (l, p) -> Math.exp(-0.5 * l);
        double reference = law.sum(f, 1, end - 1000);
        for (int cutoff : new int[] {end - 1, end, end + 1, end + 2, end + 1000}) {
            assertEquals(reference, law.sum(f, 1, cutoff), CUTOFF_AGREEMENT * reference, "K = " + cutoff);
            assertEquals(reference, new PowerLawContinuum(1.5, 0.8).sum(f, 1, cutoff), CUTOFF_AGREEMENT * reference,
                    "fresh cache, K = " + cutoff);
        }
    }
}
