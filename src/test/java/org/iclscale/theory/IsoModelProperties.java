package org.iclscale.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.iclscale.core.Depth;

/** Properties of the ISO loss (paper Result 1, paper-notes §3.1) over random (α, L, γ, σ). */
class IsoModelProperties {

    @Property(tries = 500)
    void lossIsAtLeastTheNoiseFloor(@ForAll @DoubleRange(min = 0.05, max = 20) double alpha,
            @ForAll @IntRange(min = 1, max = 64) int depth, @ForAll @DoubleRange(min = 0, max = 1) double frac,
            @ForAll @DoubleRange(min = 0, max = 3) double sigma) {
        IsoModel model = new IsoModel(alpha, Depth.of(depth), sigma);
        double loss = model.loss(frac * model.stabilityEdge());
        assertTrue(loss >= sigma * sigma - 1e-14, "loss " + loss + " below sigma^2");
        assertTrue(Double.isFinite(loss));
    }

    @Property(tries = 300)
    void lossAtZeroIsOnePlusSigmaSquared(@ForAll @DoubleRange(min = 0.05, max = 20) double alpha,
            @ForAll @IntRange(min = 1, max = 200) int depth, @ForAll @DoubleRange(min = 0, max = 3) double sigma) {
        assertEquals(1 + sigma * sigma, new IsoModel(alpha, Depth.of(depth), sigma).loss(0), 1e-13);
        assertEquals(1 + sigma * sigma, new IsoModel(alpha, Depth.INFINITE, sigma).loss(0), 1e-13);
    }

    /** 𝓛 is affine in σ² at fixed γ: 𝓛(σ) = 𝓛(0) + σ²(1 + noise integral). */
    @Property(tries = 300)
    void lossIsAffineInSigmaSquared(@ForAll @DoubleRange(min = 0.05, max = 20) double alpha,
            @ForAll @IntRange(min = 1, max = 64) int depth, @ForAll @DoubleRange(min = 0.01, max = 1) double frac,
            @ForAll @DoubleRange(min = 0.1, max = 2) double sigma) {
        double gamma = frac * new IsoModel(alpha, Depth.of(depth), 0).stabilityEdge();
        double l0 = new IsoModel(alpha, Depth.of(depth), 0).loss(gamma);
        double l1 = new IsoModel(alpha, Depth.of(depth), 1).loss(gamma);
        double ls = new IsoModel(alpha, Depth.of(depth), sigma).loss(gamma);
        assertEquals(l0 + sigma * sigma * (l1 - l0), ls, 1e-12 * Math.max(1, ls));
        assertTrue(l1 - l0 >= 1, "the noise adds at least the floor sigma^2");
    }

    /** σ = 0: the loss is convex in γ on (0, edge) (paper-notes §3.1) and decreases before γ* = Lα/(1+α). */
    @Property(tries = 300)
    void noiselessLossIsConvexWithMinimumAtClosedForm(@ForAll @DoubleRange(min = 0.05, max = 20) double alpha,
            @ForAll @IntRange(min = 1, max = 64) int depth, @ForAll @DoubleRange(min = 0, max = 1) double u,
            @ForAll @DoubleRange(min = 0, max = 1) double v) {
        IsoModel model = new IsoModel(alpha, Depth.of(depth), 0);
        double edge = model.stabilityEdge();
        double a = u * edge;
        double b = v * edge;
        double mid = model.loss((a + b) / 2);
        assertTrue(mid <= (model.loss(a) + model.loss(b)) / 2 + 1e-13, "convexity");
        double star = IsoModel.optimalNoiselessGamma(alpha, depth);
        double g = u * edge;
        double d = model.lossDerivative(g);
        if (Math.abs(g - star) > 1e-6 * edge) {
            assertEquals(Math.signum(g - star), Math.signum(d), "sign of dL/dgamma at " + g + " (gamma* " + star + ")");
        }
        assertTrue(model.loss(star) <= model.loss(g) + 1e-14);
    }

    /** The σ = 0 optimum decreases in α and in L, lies in [[1 − α]₊, 1]; the search agrees with it. */
    @Property(tries = 300)
    void noiselessOptimumIsMonotone(@ForAll @DoubleRange(min = 0.02, max = 50) double alpha,
            @ForAll @DoubleRange(min = 1.01, max = 3) double factor, @ForAll @IntRange(min = 1, max = 5000) int depth) {
        double here = IsoModel.optimalNoiselessLoss(alpha, Depth.of(depth));
        assertTrue(here <= 1 && here >= Math.max(0, 1 - alpha) - 1e-16);
        assertTrue(IsoModel.optimalNoiselessLoss(alpha * factor, Depth.of(depth)) <= here, "monotone in alpha");
        assertTrue(IsoModel.optimalNoiselessLoss(alpha, Depth.of(depth + 1)) <= here, "monotone in L");
        assertTrue(IsoModel.optimalNoiselessLoss(alpha, Depth.INFINITE) <= here + 1e-16, "L = inf is the infimum");
    }

    /** Noisy optimum: ≤ 1 + σ² (γ = 0 is allowed), ≥ σ² + the σ = 0 optimum, increasing in σ, decreasing in α. */
    @Property(tries = 60)
    void noisyOptimumBounds(@ForAll @DoubleRange(min = 0.1, max = 8) double alpha,
            @ForAll @IntRange(min = 1, max = 24) int depth, @ForAll @DoubleRange(min = 0.05, max = 2) double sigma) {
        double s2 = sigma * sigma;
        double opt = OptimumSearch.minimise(new IsoModel(alpha, Depth.of(depth), sigma)).loss();
        assertTrue(opt <= 1 + s2 + 1e-15);
        assertTrue(opt >= s2 + IsoModel.optimalNoiselessLoss(alpha, Depth.of(depth)) - 1e-13);
        double moreNoise = OptimumSearch.minimise(new IsoModel(alpha, Depth.of(depth), 1.1 * sigma)).loss();
        assertTrue(moreNoise - 1.21 * s2 >= opt - s2 - 1e-13, "excess loss increases with sigma");
        double moreContext = OptimumSearch.minimise(new IsoModel(1.3 * alpha, Depth.of(depth), sigma)).loss();
        assertTrue(moreContext <= opt + 1e-13, "monotone in alpha");
    }
}
