package org.iclscale.deteq;

import org.iclscale.theory.ChebyshevInterpolant;
import org.iclscale.theory.LossEvaluation;

/**
 * Many γ of one finite-depth contour landscape at once ({@link StructuredLandscapes.Context#evaluateAll}: a sweep's
 * run of γ, issue 17 goal 2). On one contour level the loss (E3) + (N2), Σ_ij w_i w'_j f(z_i) f(z'_j) T_ij +
 * Σ_i v_i φ(z_i) with f = (1 − γz/L)^L, is a polynomial of degree 2L in γ, and so is the imaginary residue of the
 * complex sum (E3) (see {@link ContourInterpolation}). So the γ of a run that share a level are served by the
 * barycentric Chebyshev interpolants of degree n = 2L ({@link ChebyshevInterpolant}) through n + 1 direct evaluations
 * at that level on a dyadic piece of the level's γ interval ({@link LevelPieces}: the coarsest piece containing γ that
 * accepts it; pieces are built once per landscape and kept, so a sweep pays 2L + 1 direct evaluations per piece, not
 * per block, and a γ's value does not depend on which block or run it is in); a one-γ evaluation costs two 148 × 148
 * complex bilinear forms, an interpolated one 2(n + 1) terms.
 *
 * <p>When. A level is interpolated only where it pays four times over: at least {@link #MIN_RUN} γ on it and at
 * least 4(n + 1). Accuracy. The samples carry the direct route's rounding δ_j; the interpolant reproduces the
 * polynomial to Λ_n·max_j|δ_j| (Lebesgue constant Λ_n ≤ (2/π) ln(n + 1) + 1 for these points). A γ is accepted only where
 * Λ_n·max_j|𝓛_j|/𝓛(γ) ≤ {@link #MAX_AMPLIFICATION}, i.e. where the interpolant's error is at most that many times the
 * direct route's relative rounding on the piece; every other γ (and a level that cannot be sampled, a γ that has no
 * level, an excess that fails the direct route's sign check) takes the direct route, which reports as before.
 * Diagnostics: those of the level's grid (nodes, level, Newton iterations, residual), imaginaryPart the interpolated
 * residue (the same polynomial's imaginary part).
 */
final class BatchedContourLosses {

    /** Fewest γ on one level that are interpolated (fewer: the 2L + 1 samples would not pay). */
    static final int MIN_RUN = 64;
    /** Largest accepted Λ_n·max_j|𝓛_j|/𝓛(γ): the interpolant's error in units of the direct route's rounding. */
    static final double MAX_AMPLIFICATION = 10;

    private BatchedContourLosses() {
    }

    /** {@link StructuredLandscapes.Context#evaluate} at every γ of {@code gammas}, in order. */
    static LossEvaluation[] evaluateAll(StructuredLandscapes.Context direct, double[] gammas) {
        return evaluateAll(direct, gammas, new boolean[gammas.length]);
    }

    /** {@link #evaluateAll(StructuredLandscapes.Context, double[])}, marking in {@code interpolated} which γ were. */
    static LossEvaluation[] evaluateAll(StructuredLandscapes.Context direct, double[] gammas, boolean[] interpolated) {
        TwoPointContour contour = direct.contour();
        LossEvaluation[] out = new LossEvaluation[gammas.length];
        if (!ContourInterpolation.applies(direct.depth())) {
            return directly(direct, gammas, out);
        }
        int degree = 2 * direct.depth().steps();
        int[] level = new int[gammas.length];
        int[] count = new int[TwoPointContour.MAX_LEVEL + 1];
        for (int k = 0; k < gammas.length; k++) {
            level[k] = gammas[k] > 0 && Double.isFinite(gammas[k]) ? contour.levelAt(gammas[k], direct.depth()) : -1;
            if (level[k] >= 0) {
                count[level[k]]++;
            }
        }
        for (int lv = 0; lv <= TwoPointContour.MAX_LEVEL; lv++) {
            if (pays(count[lv], degree)) {
                interpolateLevel(direct, gammas, level, lv, out, interpolated);
            }
        }
        return directly(direct, gammas, out);
    }

    /** The still-empty entries of {@code out} by the direct route. */
    private static LossEvaluation[] directly(StructuredLandscapes.Context direct, double[] gammas, LossEvaluation[] out) {
        for (int k = 0; k < gammas.length; k++) {
            if (out[k] == null) {
                out[k] = direct.evaluate(gammas[k]);
            }
        }
        return out;
    }

    /** The γ on level {@code lv} through that level's pieces ({@link LevelPieces}, where one accepts them). */
    private static void interpolateLevel(StructuredLandscapes.Context direct, double[] gammas, int[] level, int lv,
            LossEvaluation[] out, boolean[] interpolated) {
        LevelPieces pieces = direct.contour().pieces(direct.depth(), direct.sigma());
        Object[] recent = new Object[LevelPieces.FINEST + 1];
        for (int k = 0; k < gammas.length; k++) {
            if (level[k] == lv) {
                LossEvaluation e = pieces.evaluate(lv, gammas[k], recent);
                if (e != null) {
                    out[k] = e;
                    interpolated[k] = true;
                }
            }
        }
    }

    /**
     * Whether {@code count} γ are worth the degree + 1 = 2L + 1 direct samples: at least {@link #MIN_RUN} and
     * 4(degree + 1).
     */
    static boolean pays(int count, int degree) {
        return count >= Math.max(MIN_RUN, 4 * (degree + 1));
    }

    /** The interpolant's error bound Λ_n·max_j|𝓛_j| ({@code largest} = max_j|𝓛_j| of the degree + 1 samples). */
    static double errorBound(int degree, double largest) {
        return lebesgue(degree) * largest;
    }

    /**
     * Whether an interpolated value is used: positive (the direct route's sign check passes) and its
     * {@link #errorBound} at most {@link #MAX_AMPLIFICATION} times the value.
     */
    static boolean accepts(double bound, double value) {
        return value > 0 && bound <= MAX_AMPLIFICATION * value;
    }

    /** An upper bound of the Lebesgue constant of the n + 1 Chebyshev points of the second kind, (2/π) ln(n + 1) + 1. */
    static double lebesgue(int degree) {
        return 2 / Math.PI * Math.log(degree + 1) + 1;
    }
}
