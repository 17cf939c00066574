package org.iclscale.deteq;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Depth;
import org.iclscale.theory.ChebyshevInterpolant;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.LossEvaluation;

/**
 * A finite-depth contour landscape ({@link StructuredLandscapes.Context}) through polynomial interpolants, for the
 * many losses and derivatives of gradient flows and minimiser solves. On one contour level the loss (E3) + (N2) is
 * Σ_ij w_i w'_j f(z_i) f(z'_j) T_ij + Σ_i v_i φ(z_i) with nodes, weights and T fixed, f = (1 − γz/L)^L and
 * φ = (1 − f)²/z: a polynomial of degree 2L in γ (its derivative 2L − 1). Level ℓ is used for the γ where the filter
 * growth on the levels below exceeds {@link TwoPointContour#MAX_GROWTH} and on ℓ does not, an interval
 * [e_{ℓ−1}, e_ℓ] with closed-form ends ({@link TwoPointContour#levelEnd}; e_{−1} = 0), cut at the stability edge.
 * Per level, built on first use, the Chebyshev interpolants of degree 2L ({@link ChebyshevInterpolant}) through
 * 2L + 1 evaluations at that level reproduce the direct route to its rounding (ContourInterpolationTest). At a γ
 * whose direct level is not the level of the interval it lies in (rounding at an end), beyond the edge, or where a
 * level cannot be built, the direct route answers; {@link #evaluate} (diagnostics) is always direct.
 */
final class ContourInterpolation implements GammaLandscape {

    /** Deepest L interpolated (degree 2L; beyond, the 2L + 1 samples cost more than a flow's direct evaluations). */
    static final int MAX_DEPTH = 64;

    /** The interpolants of the excess loss and of its derivative on one level's γ interval. */
    private record Level(ChebyshevInterpolant excess, ChebyshevInterpolant slope) {
    }

    private final StructuredLandscapes.Context direct;
    private final TwoPointContour contour;
    private final Depth depth;
    private final double sigma;
    private final ConcurrentHashMap<Integer, Optional<Level>> levels = new ConcurrentHashMap<>();

    ContourInterpolation(StructuredLandscapes.Context direct) {
        this.direct = direct;
        this.contour = direct.contour();
        this.depth = direct.depth();
        this.sigma = direct.sigma();
    }

    /** Whether a landscape of this depth is interpolated (finite L ≤ {@link #MAX_DEPTH}). */
    static boolean applies(Depth depth) {
        return !depth.infinite() && depth.steps() <= MAX_DEPTH;
    }

    private Level level(double gamma) {
        int level = contour.levelAt(gamma, depth);
        if (level < 0) {
            return null;
        }
        Level lv = levels.computeIfAbsent(level, this::build).orElse(null);
        return lv != null && lv.excess().covers(gamma) ? lv : null;
    }

    private Optional<Level> build(int level) {
        double lo = level == 0 ? 0 : contour.levelEnd(level - 1, depth);
        double hi = Math.min(contour.levelEnd(level, depth), direct.stabilityEdge());
        if (!(hi > lo)) {
            return Optional.empty();
        }
        int degree = 2 * depth.steps();
        double[] x = ChebyshevInterpolant.points(lo, hi, degree);
        double[] excess = new double[degree + 1];
        double[] slope = new double[degree + 1];
        try {
            for (int j = 0; j <= degree; j++) {
                double[] t = contour.terms(level, x[j], depth, sigma);
                excess[j] = t[0] + t[2];
                slope[j] = t[1] + t[3];
            }
        } catch (ComputationException e) {
            return Optional.empty(); // (a level that cannot be built) the direct route answers and reports it
        }
        return Optional.of(new Level(new ChebyshevInterpolant(x, excess), new ChebyshevInterpolant(x, slope)));
    }

    @Override
    public double loss(double gamma) {
        Level lv = level(gamma);
        if (lv == null) {
            return direct.loss(gamma);
        }
        double excess = lv.excess().value(gamma);
        if (!(excess > -1e-9) || !Double.isFinite(excess)) { // as the direct route
            throw new ComputationException("two-point contour (E3)", "excess loss " + excess + " at gamma = " + gamma
                    + " (cancellation on the contour)");
        }
        return sigma * sigma + Math.max(excess, 0.0);
    }

    @Override
    public double lossDerivative(double gamma) {
        Level lv = level(gamma);
        return lv == null ? direct.lossDerivative(gamma) : lv.slope().value(gamma);
    }

    @Override
    public LossEvaluation evaluate(double gamma) {
        return direct.evaluate(gamma);
    }

    @Override
    public double noiseVariance() {
        return direct.noiseVariance();
    }

    @Override
    public double stabilityEdge() {
        return direct.stabilityEdge();
    }

    @Override
    public String method() {
        return direct.method();
    }
}
