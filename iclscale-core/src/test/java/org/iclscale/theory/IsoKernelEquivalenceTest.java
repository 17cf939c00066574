package org.iclscale.theory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.iclscale.ReferenceData;
import org.iclscale.ReferenceData.Row;
import org.iclscale.core.Depth;
import org.junit.jupiter.api.Test;

/**
 * The ISO kernel of issue 17 (binary-doubling S_L on cached primitive nodes, {@link IsoKernel}) against the route
 * it replaced ({@link LegacyIsoModel}, expm1/log1p/pow per node behind a lambda) and against a 140-digit
 * evaluation of the exact rule ({@link IsoExactReference}), which decides where the two double routes differ.
 */
class IsoKernelEquivalenceTest {

    /**
     * Every (α, L, γ, σ) of the reference tables: the new loss equals the former one to 1e-13 — beyond the former
     * value's own error where the table holds the exact rational loss (there the new value must be within 1e-13
     * of it: α = 2, L = 20 at γ* was 1.3e-13 off before, 1e-16 now).
     */
    @Test
    void referenceTablesGiveTheFormerValues() {
        int checked = 0;
        for (Row row : ReferenceData.read("/org/iclscale/theory/iso-risk-points.csv")) {
            checked += compareWithFormer(row.number("alpha"), row.integer("depth"), row.number("sigma"),
                    row.number("gamma"), row.integer("exact") == 1 ? row.number("loss") : Double.NaN, row.toString());
        }
        for (Row row : ReferenceData.read("/org/iclscale/theory/iso-optimum-noiseless.csv")) {
            checked += compareWithFormer(row.number("alpha"), row.integer("depth"), 0, row.number("gamma"),
                    row.number("loss"), row.toString());
        }
        for (Row row : ReferenceData.read("/org/iclscale/theory/iso-optimum-noisy.csv")) {
            int l = row.integer("depth");
            checked += compareWithFormer(row.number("alpha"), l, row.number("sigma"),
                    l * row.number("gammaPerLayer"), Double.NaN, row.toString());
        }
        assertTrue(checked > 200, "rows checked: " + checked);
    }

    /** @param exact the exact loss at γ, or NaN if the table has none */
    private static int compareWithFormer(double alpha, int l, double sigma, double gamma, double exact,
            String what) {
        IsoModel m = new IsoModel(alpha, Depth.of(l), sigma);
        LegacyIsoModel old = new LegacyIsoModel(alpha, Depth.of(l), sigma);
        double former = old.loss(gamma);
        double now = m.loss(gamma);
        if (former < 1e-200) { // both underflow-level; the relative comparison is then meaningless
            assertTrue(now < 1e-190, what + ": " + now + " vs former " + former);
            return 1;
        }
        double formerError = Double.isNaN(exact) ? 0 : Math.abs(former - exact);
        assertTrue(Math.abs(now - former) <= 1e-13 * former + formerError,
                what + ": " + now + " vs former " + former);
        if (!Double.isNaN(exact) && exact > 1e-200) {
            assertTrue(Math.abs(now - exact) <= 1e-13 * exact, what + ": " + now + " vs exact " + exact);
        }
        // the derivative vanishes at the tabulated optima: compare on the scale of the derivative at γ/2
        double scale = Math.abs(old.lossDerivative(gamma)) + Math.abs(old.lossDerivative(gamma / 2));
        assertTrue(Math.abs(m.lossDerivative(gamma) - old.lossDerivative(gamma)) <= 1e-12 * scale,
                what + ": derivative " + m.lossDerivative(gamma) + " vs former " + old.lossDerivative(gamma));
        return 1;
    }

    /**
     * Random (α, L ≤ 384, σ, γ up to the stability edge): the new loss is within 5e-14 of the 140-digit value of
     * the exact rule, and within the former route's own error (+1e-13) of the former value. The former anchored
     * route was off by up to 1e-12 relative for losses in [1e-4, 1e-2] (it is now taken only above 1e-2, see
     * {@link IsoModel#ANCHORED_ACCURATE_ABOVE}); the derivative is compared on its scale at γ and γ/2.
     */
    @Test
    void randomPointsAgreeWithTheExactRuleAndTheFormerRoute() {
        SplittableRandom rng = new SplittableRandom(17);
        double worstNew = 0;
        double worstOld = 0;
        for (int trial = 0; trial < 100; trial++) {
            double alpha = trial % 10 == 0 ? 1.0 : Math.exp(rng.nextDouble(Math.log(0.05), Math.log(50)));
            int l = (int) Math.round(Math.exp(rng.nextDouble(0, Math.log(384))));
            double sigma = trial % 2 == 0 ? 0 : rng.nextDouble(0.01, 2);
            IsoModel m = new IsoModel(alpha, Depth.of(l), sigma);
            LegacyIsoModel old = new LegacyIsoModel(alpha, Depth.of(l), sigma);
            double gamma = m.stabilityEdge() * Math.exp(rng.nextDouble(Math.log(1e-4), Math.log(0.999)));
            String at = "alpha " + alpha + " L " + l + " sigma " + sigma + " gamma " + gamma;
            IsoExactReference exact = new IsoExactReference(alpha, l, sigma, gamma);
            if (exact.loss() < 1e-120) {
                continue; // beyond the 140 digits of the reference's anchored sum
            }
            double errNew = Math.abs(m.loss(gamma) - exact.loss());
            double errOld = Math.abs(old.loss(gamma) - exact.loss());
            worstNew = Math.max(worstNew, errNew / exact.loss());
            worstOld = Math.max(worstOld, errOld / exact.loss());
            assertTrue(errNew <= 5e-14 * exact.loss(), at + ": " + m.loss(gamma) + " vs exact " + exact.loss());
            assertTrue(Math.abs(m.loss(gamma) - old.loss(gamma)) <= 1e-13 * exact.loss() + errOld,
                    at + ": " + m.loss(gamma) + " vs former " + old.loss(gamma));
            double scale = Math.abs(exact.derivative())
                    + Math.abs(new IsoExactReference(alpha, l, sigma, gamma / 2).derivative());
            assertTrue(Math.abs(m.lossDerivative(gamma) - exact.derivative()) <= 1e-12 * scale,
                    at + ": derivative " + m.lossDerivative(gamma) + " vs exact " + exact.derivative());
        }
        assertTrue(worstNew < worstOld, "new " + worstNew + " former " + worstOld);
    }

    /**
     * Many random points of every exact-count route (L ≤ {@link IsoModel#EXACT_NODE_LIMIT}, L = ∞, α = ∞) against
     * the former route: relative 1e-13, plus the former route's own rounding: 2e-15 absolute where its value came
     * from the anchored sum 1 + (−1 + 𝓛) (the floor the 140-digit test above measures), else 2L ulp relative
     * (its Math.pow of the rounded base 1 − cλ to the power 2L), and the nodes' rounding (an ulp of λ changes a
     * tiny loss by 2γλ/|1 − cλ| ulp relative; both routes have double nodes, computed differently).
     */
    @Test
    void manyRandomPointsAgreeWithTheFormerRoute() {
        SplittableRandom rng = new SplittableRandom(2026);
        for (int trial = 0; trial < 2000; trial++) {
            double alpha = trial % 50 == 0 ? Double.POSITIVE_INFINITY
                    : trial % 10 == 0 ? 1.0 : Math.exp(rng.nextDouble(Math.log(0.02), Math.log(100)));
            int l = 1 + rng.nextInt(trial % 3 == 0 ? 16 : trial % 3 == 1 ? 300 : IsoModel.EXACT_NODE_LIMIT);
            Depth depth = trial % 13 == 0 ? Depth.INFINITE : Depth.of(l);
            double sigma = trial % 2 == 0 ? 0 : rng.nextDouble(0.01, 2);
            IsoModel m = new IsoModel(alpha, depth, sigma);
            LegacyIsoModel old = new LegacyIsoModel(alpha, depth, sigma);
            double edge = depth.infinite() ? 40 : m.stabilityEdge();
            double gamma = edge * Math.exp(rng.nextDouble(Math.log(1e-5), Math.log(0.999)));
            String at = "alpha " + alpha + " L " + depth + " sigma " + sigma + " gamma " + gamma;
            double former = old.loss(gamma);
            int n = m.nodes(gamma);
            boolean formerAnchored = m.poleNodes() < 0 || m.poleNodes() > n / 4;
            if (Double.isInfinite(alpha)) {
                // Σ̂ = I: the signal is (1 − γ/L)^{2L} itself (the former anchored 1 + (x^{2L} − 1) lost it below
                // 1e-16); its Math.pow of the rounded base is good to 2L ulp
                double closed = depth.infinite() ? Math.exp(-2 * gamma) : Math.pow(1 - gamma / l, 2.0 * l);
                double ulps = depth.infinite() ? 4 : 2.0 * l + 4;
                assertTrue(Math.abs(m.loss(gamma) - sigma * sigma - closed) <= ulps * Math.ulp(1.0) * closed,
                        at + ": " + m.loss(gamma) + " vs closed form " + closed);
                continue;
            }
            if (former < 1e-290) { // subnormal range: no relative comparison
                assertTrue(m.loss(gamma) < 1e-280, at + ": " + m.loss(gamma) + " vs former " + former);
                continue;
            }
            // the node rounding (an ulp of λ) moves (1 − cλ)^{2L} by 2γλ/|1 − cλ| ulp relative, largest at the
            // dominant node λ₋ of a tiny loss
            double dominantBase = depth.infinite() ? 1 : Math.abs(1 - gamma / l * m.law().lowerEdge());
            double nodes = Double.isInfinite(alpha) ? 0 : 2 * gamma * m.law().upperEdge() / dominantBase;
            double tol = 1e-13 * Math.abs(former) + (formerAnchored ? 2e-15
                    : (depth.infinite() ? 0 : 2.0 * l) * Math.ulp(1.0) * Math.abs(former))
                    + nodes * Math.ulp(1.0) * Math.abs(former);
            assertTrue(Math.abs(m.loss(gamma) - former) <= tol, at + ": " + m.loss(gamma) + " vs former " + former);
            double dFormer = old.lossDerivative(gamma);
            double scale = Math.abs(dFormer) + Math.abs(old.lossDerivative(gamma / 2));
            assertTrue(Math.abs(m.lossDerivative(gamma) - dFormer) <= 2e-12 * scale,
                    at + ": derivative " + m.lossDerivative(gamma) + " vs former " + dFormer);
        }
    }

    /** Random very deep models (4096 &lt; L ≤ 60 000) away from α = 1: the converged routes of both agree. */
    @Test
    void deepModelsAgreeWithTheFormerRoute() {
        SplittableRandom rng = new SplittableRandom(99);
        List<Double> alphas = List.of(0.3, 0.8, 1.6, 4.0, 20.0);
        for (int trial = 0; trial < 30; trial++) {
            double alpha = alphas.get(trial % alphas.size());
            int l = IsoModel.EXACT_NODE_LIMIT + 1 + rng.nextInt(56_000);
            double sigma = trial % 2 == 0 ? 0 : rng.nextDouble(0.05, 1.0);
            IsoModel m = new IsoModel(alpha, Depth.of(l), sigma);
            LegacyIsoModel old = new LegacyIsoModel(alpha, Depth.of(l), sigma);
            double gamma = m.stabilityEdge() * Math.exp(rng.nextDouble(Math.log(1e-5), Math.log(0.98)));
            String at = "alpha " + alpha + " L " + l + " sigma " + sigma + " gamma " + gamma;
            double former = old.loss(gamma);
            if (former < 1e-250) {
                assertTrue(m.loss(gamma) < 1e-240, at + ": " + m.loss(gamma));
                continue;
            }
            // both converged to 1e-13 of their integrals (the anchored excess: of ~1)
            assertTrue(Math.abs(m.loss(gamma) - former) <= 3e-13 * former + 3e-15,
                    at + ": " + m.loss(gamma) + " vs former " + former);
        }
    }

    /**
     * Far beyond the stability edge the loss exceeds the double range: the former route returned +∞ (the CLI's
     * "overflows double precision", exit 1); the doubling S_m + (1 + d·S_m) of an overflowed S_L gave NaN
     * (inf − inf) until the kernel recognised it. Both routes, every σ, and the value stays +∞ (never NaN).
     */
    @Test
    void overflowBeyondTheEdgeIsInfiniteLikeTheFormerRoute() {
        double[][] cases = {{1, 1000, 1e10}, {1, 1000, 1e300}, {1, 1, 1e200}, {0.5, 64, 1e6}, {2, 16, 1e100},
            {1, 4097, 1e8}, {3, 1000, 1e5}};
        for (double[] c : cases) {
            for (double sigma : new double[] {0, 0.5}) {
                String at = "alpha " + c[0] + ", L " + (int) c[1] + ", gamma " + c[2] + ", sigma " + sigma;
                double former = new LegacyIsoModel(c[0], Depth.of((int) c[1]), sigma).loss(c[2]);
                double now = new IsoModel(c[0], Depth.of((int) c[1]), sigma).loss(c[2]);
                assertTrue(former == Double.POSITIVE_INFINITY, at + ": former " + former);
                assertTrue(now == Double.POSITIVE_INFINITY, at + ": now " + now);
            }
        }
        // the deep converged route stops at the first two overflowing node counts instead of running the
        // exact L-node rule (minutes at L = 2³¹ − 1; the former route's value there is +∞ as well)
        IsoModel deep = new IsoModel(1, Depth.of(Integer.MAX_VALUE), 0.5);
        assertTrue(deep.loss(1e3 * deep.stabilityEdge()) == Double.POSITIVE_INFINITY);
    }
}
