package org.iclscale.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.iclscale.core.Depth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the ISO loss (paper Result 1, paper-notes §3.1) over random (α, L, γ, σ): JUnit 5
 * parameterized tests with seeded random inputs (reproducible; the seed is the case index). One such
 * property (the optimum monotone in α) found the cancellation bug fixed in 9d1d996.
 */
class IsoModelProperties {

    /** α log-uniform in [0.05, 20], L in [1, 64], u, v uniform in [0, 1], σ uniform in [0, 3]. */
    static Stream<Arguments> cases() {
        return IntStream.range(0, 400).mapToObj(i -> {
            SplittableRandom r = new SplittableRandom(1000 + i);
            double alpha = 0.05 * Math.pow(400, r.nextDouble());
            return Arguments.of(alpha, 1 + r.nextInt(64), r.nextDouble(), r.nextDouble(), 3 * r.nextDouble());
        });
    }

    /** α log-uniform in [0.02, 50], factor in [1.001, 3], L in [1, 5000] (and every 50th case near α = 1). */
    static Stream<Arguments> optimumCases() {
        return IntStream.range(0, 2000).mapToObj(i -> {
            SplittableRandom r = new SplittableRandom(5000 + i);
            double alpha = i % 50 == 0 ? 1 + 0.6 * r.nextDouble() : 0.02 * Math.pow(2500, r.nextDouble());
            return Arguments.of(alpha, 1.001 + 2 * r.nextDouble(), 1 + r.nextInt(5000));
        });
    }

    static Stream<Arguments> noisyCases() {
        return IntStream.range(0, 40).mapToObj(i -> {
            SplittableRandom r = new SplittableRandom(9000 + i);
            return Arguments.of(0.1 * Math.pow(80, r.nextDouble()), 1 + r.nextInt(24), 0.05 + 1.95 * r.nextDouble());
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void lossIsAtLeastTheNoiseFloorAndOnePlusSigmaSquaredAtZero(double alpha, int depth, double u, double v, double sigma) {
        IsoModel model = new IsoModel(alpha, Depth.of(depth), sigma);
        double loss = model.loss(u * model.stabilityEdge());
        assertTrue(Double.isFinite(loss) && loss >= sigma * sigma - 1e-14, "loss " + loss + " below sigma^2");
        assertEquals(1 + sigma * sigma, model.loss(0), 1e-13);
        assertEquals(1 + sigma * sigma, new IsoModel(alpha, Depth.INFINITE, sigma).loss(0), 1e-13);
    }

    /** 𝓛 is affine in σ² at fixed γ: 𝓛(σ) = 𝓛(0) + σ²(1 + noise integral). */
    @ParameterizedTest
    @MethodSource("cases")
    void lossIsAffineInSigmaSquared(double alpha, int depth, double u, double v, double sigma) {
        double gamma = u * new IsoModel(alpha, Depth.of(depth), 0).stabilityEdge();
        double l0 = new IsoModel(alpha, Depth.of(depth), 0).loss(gamma);
        double l1 = new IsoModel(alpha, Depth.of(depth), 1).loss(gamma);
        double ls = new IsoModel(alpha, Depth.of(depth), sigma).loss(gamma);
        assertEquals(l0 + sigma * sigma * (l1 - l0), ls, 1e-12 * Math.max(1, ls));
        assertTrue(l1 - l0 >= 1 - 1e-15, "the noise adds at least the floor sigma^2");
    }

    /** σ = 0: the loss is convex in γ on (0, edge) (paper-notes §3.1), and d𝓛/dγ changes sign at γ* = Lα/(1+α). */
    @ParameterizedTest
    @MethodSource("cases")
    void noiselessLossIsConvexWithMinimumAtClosedForm(double alpha, int depth, double u, double v, double sigma) {
        IsoModel model = new IsoModel(alpha, Depth.of(depth), 0);
        double edge = model.stabilityEdge();
        double a = u * edge;
        double b = v * edge;
        assertTrue(model.loss((a + b) / 2) <= (model.loss(a) + model.loss(b)) / 2 + 1e-13, "convexity");
        double star = IsoModel.optimalNoiselessGamma(alpha, depth);
        double d = model.lossDerivative(a);
        if (Math.abs(a - star) > 1e-6 * edge && Math.abs(d) > 1e-14) {
            assertEquals(Math.signum(a - star), Math.signum(d), "sign of dL/dgamma at " + a + " (gamma* " + star + ")");
        }
        assertTrue(model.loss(star) <= model.loss(a) + 1e-14);
    }

    /** The σ = 0 optimum decreases in α and in L and lies in [[1 − α]₊, 1]. */
    @ParameterizedTest
    @MethodSource("optimumCases")
    void noiselessOptimumIsMonotone(double alpha, double factor, int depth) {
        double here = IsoModel.optimalNoiselessLoss(alpha, Depth.of(depth));
        assertTrue(here <= 1 && here >= Math.max(0, 1 - alpha) - 1e-15, "range: " + here); // rounding of 1 − (α/(1+α))Σ
        assertTrue(IsoModel.optimalNoiselessLoss(alpha * factor, Depth.of(depth)) <= here, "monotone in alpha");
        assertTrue(IsoModel.optimalNoiselessLoss(alpha, Depth.of(depth + 1)) <= here, "monotone in L");
        assertTrue(IsoModel.optimalNoiselessLoss(alpha, Depth.INFINITE) <= here + 1e-15, "L = inf is the infimum");
    }

    /** Noisy optimum: ≤ 1 + σ², ≥ σ² + the σ = 0 optimum, excess increasing in σ, loss decreasing in α. */
    @ParameterizedTest
    @MethodSource("noisyCases")
    void noisyOptimumBounds(double alpha, int depth, double sigma) {
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
