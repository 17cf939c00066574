package org.iclscale.figures;

import org.iclscale.core.InvalidInputException;
import org.iclscale.theory.ChebyshevInterpolant;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.LossEvaluation;

/**
 * A landscape whose loss is a polynomial of known degree n in γ, evaluated on [0, stability edge] through its
 * interpolants at the n + 1 Chebyshev points there (barycentric form of the second kind, Berrut &amp; Trefethen
 * 2004; Lebesgue constant ~ (2/π) ln n): exact up to rounding for the loss and for its derivative (degree n − 1).
 * Built from n + 1 losses and derivatives of the underlying landscape; beyond the interval it is asked directly.
 *
 * <p>Fig. 5's finite-D projection average (org.iclscale.simulate.ProjectionAverage) is such a landscape:
 * 𝓛(γ) = σ² + mean over the draws of w₀ + Σ_i w_i (1 − γμ_i/L)^{2L}, degree 2L, a mode sum over 400·N pooled modes
 * per evaluation; its gradient flows (Dormand–Prince at 1e-12) ask for ~10³ derivatives each, the interpolant for
 * 2L + 1 (issue 17: `figure all`). The same construction as {@link FiniteSizeLandscape}'s interpolants; the
 * interpolant itself is {@link ChebyshevInterpolant} (shared with the contour landscapes of `shape --exact`).
 */
final class PolynomialLandscape implements GammaLandscape {

    private final GammaLandscape exact;
    private final ChebyshevInterpolant loss;
    private final ChebyshevInterpolant derivative;

    /**
     * @param exact  the landscape, a polynomial of degree {@code degree} in γ with a finite stability edge
     * @param degree n ≥ 1
     */
    PolynomialLandscape(GammaLandscape exact, int degree) {
        if (degree < 1) {
            throw new InvalidInputException("degree", degree, "an integer >= 1");
        }
        double edge = exact.stabilityEdge();
        if (!(edge > 0) || !Double.isFinite(edge)) {
            throw new InvalidInputException("stability edge", edge, "a finite number > 0");
        }
        this.exact = exact;
        double[] nodes = ChebyshevInterpolant.points(0, edge, degree); // descending: nodes[0] = edge, nodes[n] = 0
        double[] nodeLoss = new double[degree + 1];
        double[] nodeDerivative = new double[degree + 1];
        for (int j = 0; j <= degree; j++) {
            nodeLoss[j] = exact.loss(nodes[j]);
            nodeDerivative[j] = exact.lossDerivative(nodes[j]);
        }
        this.loss = new ChebyshevInterpolant(nodes, nodeLoss);
        this.derivative = new ChebyshevInterpolant(nodes, nodeDerivative);
    }

    @Override
    public double loss(double gamma) {
        return loss.covers(gamma) ? loss.value(gamma) : exact.loss(gamma);
    }

    @Override
    public double lossDerivative(double gamma) {
        return derivative.covers(gamma) ? derivative.value(gamma) : exact.lossDerivative(gamma);
    }

    /** The underlying landscape's evaluation (its diagnostics, e.g. a standard error, are its own). */
    @Override
    public LossEvaluation evaluate(double gamma) {
        return exact.evaluate(gamma);
    }

    @Override
    public double noiseVariance() {
        return exact.noiseVariance();
    }

    @Override
    public double stabilityEdge() {
        return exact.stabilityEdge();
    }

    @Override
    public String method() {
        return exact.method();
    }

    /** The landscape this one interpolates. */
    GammaLandscape exact() {
        return exact;
    }
}
