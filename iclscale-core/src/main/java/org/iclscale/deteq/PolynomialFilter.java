package org.iclscale.deteq;

import org.iclscale.core.Depth;

/**
 * The GD filter f(x) = (1 − cx)^L with c = γ/L (L = ∞: e^{−γx}), its γ-derivative, and the noise filter
 * φ(x) = (1 − f(x))²/x (a polynomial; notes §2.3: the noise term is (σ²/P) E Tr Λ φ(Σ̂)), evaluated at
 * complex points of a contour.
 */
record PolynomialFilter(double gamma, Depth depth) {

    Cx f(Cx w) {
        if (depth.infinite()) {
            return w.times(-gamma).exp();
        }
        int l = depth.steps();
        return Cx.ONE.minus(w.times(gamma / l)).pow(l);
    }

    /** ∂f/∂γ = −w (1 − cw)^{L−1} (L = ∞: −w e^{−γw}). */
    Cx dfdGamma(Cx w) {
        if (depth.infinite()) {
            return w.times(-gamma).exp().times(w).negate();
        }
        int l = depth.steps();
        return Cx.ONE.minus(w.times(gamma / l)).pow(l - 1).times(w).negate();
    }

    /** φ(w) = (1 − f(w))²/w (w ≠ 0 on every contour used). */
    Cx phi(Cx w) {
        Cx one = Cx.ONE.minus(f(w));
        return one.times(one).divide(w);
    }

    /** ∂φ/∂γ = −2(1 − f) f_γ / w. */
    Cx dphiDGamma(Cx w) {
        return Cx.ONE.minus(f(w)).times(dfdGamma(w)).times(-2).divide(w);
    }
}
