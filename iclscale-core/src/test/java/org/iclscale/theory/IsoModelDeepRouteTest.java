package org.iclscale.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.iclscale.core.Depth;
import org.junit.jupiter.api.Test;

/**
 * The converged node count for very deep models (L &gt; {@link IsoModel#EXACT_NODE_LIMIT}) against two independent
 * references: the exact L-node quadrature (same model with the exact route forced) at random α, γ, σ, and the
 * Catalan closed form of paper-notes §3.1 at γ* for depths where L nodes would be far too slow.
 */
class IsoModelDeepRouteTest {

    @Test
    void convergedCountAgreesWithTheExactCount() {
        SplittableRandom rng = new SplittableRandom(20261129);
        for (int trial = 0; trial < 40; trial++) {
            double alpha = Math.exp(rng.nextDouble(Math.log(0.2), Math.log(20)));
            int l = 4097 + rng.nextInt(60_000);
            double sigma = trial % 2 == 0 ? 0 : rng.nextDouble(0.05, 1.0);
            IsoModel fast = new IsoModel(alpha, Depth.of(l), sigma);
            IsoModel exact = new IsoModel(alpha, Depth.of(l), sigma, Integer.MAX_VALUE);
            // from γ ≪ L (smooth integrand) to just below the stability edge (sharp endpoint layers)
            double edge = fast.stabilityEdge();
            double gamma = edge * Math.exp(rng.nextDouble(Math.log(1e-6), Math.log(0.98)));
            String at = "alpha " + alpha + " L " + l + " sigma " + sigma + " gamma " + gamma;
            double reference = exact.loss(gamma);
            if (reference > 1e-250) {
                assertEquals(1, fast.loss(gamma) / reference, 1e-11, at);
            } else {
                assertTrue(fast.loss(gamma) < 1e-240, at + ": " + fast.loss(gamma));
            }
            double dRef = exact.lossDerivative(gamma);
            double dScale = Math.abs(dRef) + 1e-12 * Math.abs(exact.lossDerivative(gamma / 2));
            assertEquals(dRef, fast.lossDerivative(gamma), 1e-10 * dScale + 1e-300, at);
        }
    }

    /**
     * α = 1, L = 2·10^9 (one O(L) closed-form evaluation, ~7 s): quadrature, Catalan closed form and the asymptote
     * 𝓛* = ½ Σ_{n≥L} C_n 4^{−n} = (πL)^{−1/2}(1 + O(1/L)) agree. Found by this test: the Catalan ratio
     * 2(2n+1)/(n+2) overflowed int for n &gt; 2^30 (the closed form gave 1.72e-5 instead of 1.26e-5).
     */
    @Test
    void depthNearTheIntLimitAtAlphaOne() {
        int l = 2_000_000_000;
        double closed = IsoModel.optimalNoiselessLoss(1, Depth.of(l));
        double quad = new IsoModel(1, Depth.of(l), 0).loss(IsoModel.optimalNoiselessGamma(1, l));
        assertEquals(1, closed * Math.sqrt(Math.PI * l), 1e-8);
        // 2·10^9 rounded recurrences against ~10^6 rounded nodes: agreement to 1e-7 relative (2e-8 observed)
        assertEquals(1, quad / closed, 1e-7);
    }

    @Test
    void hugeDepthsMatchTheCatalanClosedForm() {
        for (double alpha : new double[] {0.5, 0.9, 1.0, 1.3, 3}) {
            for (int l : new int[] {100_000, 3_000_000}) {
                double closed = IsoModel.optimalNoiselessLoss(alpha, Depth.of(l));
                double quad = new IsoModel(alpha, Depth.of(l), 0).loss(IsoModel.optimalNoiselessGamma(alpha, l));
                if (closed > 1e-250) {
                    assertEquals(1, quad / closed, 1e-9, "alpha " + alpha + " L " + l);
                } else {
                    assertTrue(quad < 1e-240, "alpha " + alpha + " L " + l + ": " + quad);
                }
            }
        }
    }

    /**
     * α = 1, σ &gt; 0 up to the stability edge (issue 17 item 2): the textbook nodes (1 + q) + 2√q cos θ cancelled
     * near λ₋ = 0, so successive counts agreed only to ~3e-11 and the doubling fell back to all L nodes (8 s at
     * L = 10⁸). With the half-angle nodes the converged count agrees with the exact L-node rule.
     */
    @Test
    void alphaOneWithNoiseConvergesWithinTwoDoublings() {
        for (int l : new int[] {100_000_000, Integer.MAX_VALUE}) {
            for (double sigma : new double[] {0.3, 1.0}) {
                IsoModel m = new IsoModel(1, Depth.of(l), sigma);
                for (double frac : new double[] {1e-6, 0.5, 0.9, 0.999999}) {
                    double gamma = frac * m.stabilityEdge();
                    long used = m.convergedExcessNodes(gamma);
                    assertTrue(used > 0 && used < 4L * (m.startNodes(gamma) + 1),
                            "L " + l + " sigma " + sigma + " gamma " + gamma + ": " + used + " nodes, start "
                                    + m.startNodes(gamma));
                }
            }
        }
    }

    @Test
    void alphaOneWithNoiseConvergesToTheExactRule() {
        for (int l : new int[] {50_000, 2_000_000}) {
            for (double sigma : new double[] {0.3, 1.0}) {
                IsoModel fast = new IsoModel(1, Depth.of(l), sigma);
                IsoModel exact = new IsoModel(1, Depth.of(l), sigma, Integer.MAX_VALUE);
                for (double frac : new double[] {1e-4, 0.5, 0.9, 0.999}) {
                    double gamma = frac * fast.stabilityEdge();
                    String at = "L " + l + " sigma " + sigma + " gamma " + gamma;
                    assertEquals(1, fast.loss(gamma) / exact.loss(gamma), 1e-12, at);
                    double d = exact.lossDerivative(gamma);
                    double scale = Math.abs(d) + Math.abs(exact.lossDerivative(gamma / 2));
                    assertEquals(d, fast.lossDerivative(gamma), 1e-11 * scale, at);
                }
            }
        }
    }

    /**
     * L = 10⁸ and 2³¹ − 1 at γ = O(1) (issue 16 item 6: {@code risk --alpha 2 --depth 1e8 --gamma 1.3} took 42 s):
     * the loss against the independent L = ∞ route plus its 1/L correction. From (1 − γλ/L)^L =
     * e^{−γλ}(1 − γ²λ²/(2L) + O(L⁻²)),
     * <pre>  𝓛_L − 𝓛_∞ = (γ²/L)[ −∫λρ·λe^{−2γλ} + (σ²/α)∫λρ(1 − e^{−γλ})e^{−γλ} ] + O((γλ₊)⁴/L²).</pre>
     */
    @Test
    void hugeDepthsAtModerateGammaMatchTheInfiniteDepthExpansion() {
        for (int l : new int[] {100_000_000, Integer.MAX_VALUE}) {
            for (double[] as : new double[][] {{2, 0}, {2, 0.5}, {1, 0.5}, {0.5, 1}}) {
                double alpha = as[0];
                double sigma = as[1];
                IsoModel deep = new IsoModel(alpha, Depth.of(l), sigma);
                IsoModel infinite = new IsoModel(alpha, Depth.INFINITE, sigma);
                for (double gamma : new double[] {0.3, 1.3, 4}) {
                    double k = -deep.law().integrateLambdaWeighted(x -> x * Math.exp(-2 * gamma * x), 400)
                            + sigma * sigma / alpha * deep.law().integrateLambdaWeighted(
                                    x -> -Math.expm1(-gamma * x) * Math.exp(-gamma * x), 400);
                    double expected = infinite.loss(gamma) + gamma * gamma / l * k;
                    String at = "alpha " + alpha + " sigma " + sigma + " L " + l + " gamma " + gamma;
                    assertEquals(expected, deep.loss(gamma), 2e-13 * expected, at);
                    // the correction itself is resolved (it is ~1e-8 of the loss at L = 1e8)
                    assertTrue(Math.abs(deep.loss(gamma) - infinite.loss(gamma)) > 0.5 * Math.abs(gamma * gamma / l * k),
                            at);
                }
            }
        }
    }

    /** Relative step of the one-sided difference that checks d𝓛/dγ at the edge (beyond it the loss overflows). */
    private static final double DIFFERENCE_STEP = 1e-4;
    /** Agreement asked of that second-order difference (truncation O(h²) relative; the derivative is exact to ~4Lε). */
    private static final double DIFFERENCE_TOLERANCE = 1e-3;

    /**
     * Issue 18: {@code optimum --depth 2147483646 --alpha 1} ran for minutes. Just beyond the stability edge d𝓛/dγ
     * overflowed into NaN (so the deep route doubled its nodes up to the exact 2³¹ − 2), and at the edge itself the
     * derivative's two endpoint layers cancel to ~1e-22 against a scale of 1e-14, below the integrand's own rounding
     * (4Lε relative), so two node counts never agreed to 1e-13 and the exact rule (70 s) ran. Now: +∞ beyond the
     * edge (the integrand is positive where it overflows), and at the edge the value of the largest bounded count,
     * checked against the closed form (γ* = L/2 is the minimiser at α = 1, σ = 0: the derivative vanishes there) and,
     * with noise, against a one-sided second-order difference of the loss (an independent route: the loss converges to 1e-13).
     */
    @Test
    void derivativeAtTheEdgeOfTheDeepestModelIsBounded() {
        int l = 2_147_483_646;
        IsoModel quiet = new IsoModel(1, Depth.of(l), 0);
        double edge = quiet.stabilityEdge();
        assertEquals(IsoModel.optimalNoiselessGamma(1, l), edge, 0.0);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertEquals(Double.POSITIVE_INFINITY, quiet.lossDerivative(edge * (1 + 1.0 / 256)));
            double atEdge = quiet.lossDerivative(edge);
            double inside = quiet.lossDerivative(edge / 2);
            assertTrue(inside < 0, "the loss falls below gamma*: " + inside);
            assertTrue(Math.abs(atEdge) <= IsoModel.ROUNDING_PER_STEP * l * Math.abs(inside),
                    "d loss/d gamma at gamma* = " + atEdge + " against " + inside + " at gamma*/2");
            IsoModel noisy = new IsoModel(1, Depth.of(l), 0.5);
            double d = noisy.lossDerivative(edge);
            double h = DIFFERENCE_STEP * edge;
            double difference = (3 * noisy.loss(edge) - 4 * noisy.loss(edge - h) + noisy.loss(edge - 2 * h)) / (2 * h);
            assertEquals(1, d / difference, DIFFERENCE_TOLERANCE, d + " against the difference " + difference);
        });
    }
}
