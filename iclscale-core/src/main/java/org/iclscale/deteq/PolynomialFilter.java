package org.iclscale.deteq;

import org.iclscale.core.Depth;

/**
 * The GD filter f(x) = (1 − cx)^L with c = γ/L (L = ∞: e^{−γx}), its γ-derivative, and the noise filter
 * φ(x) = (1 − f(x))²/x (a polynomial; notes §2.3: the noise term is (σ²/P) E Tr Λ φ(Σ̂)), evaluated at
 * complex points of a contour. The array methods evaluate a whole contour on primitive arrays (no complex object
 * per node: they are the warm path of every further γ on a built contour) with exactly the operations of the
 * {@link Cx} methods, so both give the same bits.
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

    /**
     * max|f(w)| on the circle |w − centre| = radius (real centre): |1 − cw| = |(1 − c·centre) − c·radius·e^{iθ}|
     * is largest at the real crossing on the far side, so max|f| = (|1 − c·centre| + c·radius)^L
     * (L = ∞: e^{−γ(centre − radius)}).
     */
    double maxAbsOnCircle(double centre, double radius) {
        if (depth.infinite()) {
            return Math.exp(-gamma * (centre - radius));
        }
        int l = depth.steps();
        double c = gamma / l;
        return Math.pow(Math.abs(1 - c * centre) + c * radius, l);
    }

    /** f(w_i)·dw_i (or ∂f/∂γ(w_i)·dw_i) for every node i into re/im: {@code f(w).times(dw)} without objects. */
    void weighted(double[] wRe, double[] wIm, double[] dwRe, double[] dwIm, boolean derivative, double[] re,
            double[] im) {
        int n = wRe.length;
        for (int i = 0; i < n; i++) {
            double wr = wRe[i];
            double wi = wIm[i];
            double fr;
            double fi;
            if (depth.infinite()) {
                double ar = wr * -gamma; // w.times(−γ).exp()
                double ai = wi * -gamma;
                double m = Math.exp(ar);
                fr = m * Math.cos(ai);
                fi = m * Math.sin(ai);
            } else {
                int l = depth.steps();
                double c = gamma / l;
                double br = 1 - wr * c; // Cx.ONE.minus(w.times(c))
                double bi = 0 - wi * c;
                // Cx.pow: result·base on set bits, base squared every step
                double rr = 1;
                double ri = 0;
                long e = derivative ? l - 1 : l;
                while (e > 0) {
                    if ((e & 1) == 1) {
                        double tr = rr * br - ri * bi;
                        ri = rr * bi + ri * br;
                        rr = tr;
                    }
                    double sr = br * br - bi * bi;
                    bi = br * bi + bi * br;
                    br = sr;
                    e >>= 1;
                }
                fr = rr;
                fi = ri;
            }
            if (derivative) { // .times(w).negate()
                double tr = fr * wr - fi * wi;
                double ti = fr * wi + fi * wr;
                fr = -tr;
                fi = -ti;
            }
            double dr = dwRe[i];
            double di = dwIm[i];
            re[i] = fr * dr - fi * di;
            im[i] = fr * di + fi * dr;
        }
    }
}
