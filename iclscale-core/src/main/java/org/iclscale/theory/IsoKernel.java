package org.iclscale.theory;

/**
 * The ISO integrands of paper Result 1 on primitive node arrays (issue 17 item 1): sums Σ_i w_i f(λ_i) over a
 * block of Gauss–Chebyshev nodes, with f one of the {@link Integrand}s of {@link IsoModel}.
 *
 * <p>Finite depth, c = γ/L, x = 1 − cλ: with S_L(x) = Σ_{j<L} x^j one has x^L − 1 = −cλ·S_L, so with y = c·S_L
 * <pre>
 *   Q  = (x^{2L} − 1)/λ          = −y(2 − λy)           (signal, anchored form)
 *   R² = ((1 − x^L)/λ)²          = y²                    (noise)
 *   Q + (σ²/α) R²                = y(y(λ + σ²/α) − 2)
 * </pre>
 * and S_L is built by binary doubling in d = −cλ (never in the rounded x): S_{2m} = S_m(2 + d·S_m),
 * S_{m+1} = S_m + (1 + d·S_m). That is O(log L) multiplications per node, free of the cancellation of
 * 1 − x^L at small cλ (the reason the former code used expm1/log1p), without a division, a library call or a
 * lambda; the bit loop is outside and the node loop inside, so the JIT vectorises the node loops.
 *
 * <p>Powers x^m (the direct 1/λ-pole route and the derivative): for exact node counts
 * (L ≤ {@link IsoModel#EXACT_NODE_LIMIT}) double-double binary exponentiation of x = 1 + d, relative error
 * ~log₂m ulp (Math.pow of the rounded 1 − cλ, as before, had ~m ulp: 2·10⁻¹³ at L = 1024), the last
 * {@link #PLAIN_TAIL_BITS} steps of long exponents in plain double (~16 ulp more); beyond,
 * exp(m·log1p(d)), whose relative error does not grow with m either (the converged deep route compares node
 * counts to 1e-13, which ~m ulp at m = 2·10⁸ could never meet) and which costs less per node there. Infinite depth: y = −expm1(−γλ)/λ and
 * x^{mL} → e^{−mγλ}.
 */
final class IsoKernel {

    /** The integrands f, each to be integrated against λρ(λ)dλ (weights w_i of the rule). */
    enum Integrand {
        /** Q + (σ²/α)R² = y(y(λ + σ²/α) − 2): the excess loss minus one; with σ = 0 the anchored signal. */
        EXCESS,
        /** R² = y²: the noise term without its prefactor σ²/α. */
        NOISE,
        /** x^{2L}: the signal through the direct route; the caller passes weights w_i/λ_i. */
        POLE,
        /**
         * d/dγ of (1 − cλ)^{2L} + (σ²/α)λR²: −2x^{2L−1} + 2(σ²/α)·y·x^{L−1}, with x^{2L−1} = (x^{L−1})²·x
         * (one power per node for both terms).
         */
        DERIVATIVE
    }

    /** Nodes per block: the scratch arrays stay in L1 cache. */
    static final int BLOCK = 512;

    private static final ThreadLocal<IsoKernel> SCRATCH = ThreadLocal.withInitial(IsoKernel::new);

    private final double[] d = new double[BLOCK];
    private final double[] s = new double[BLOCK];
    private final double[] p = new double[BLOCK];
    private final double[] pl = new double[BLOCK];
    private final double[] xh = new double[BLOCK];
    private final double[] xl = new double[BLOCK];
    /** Node and weight blocks for callers that generate their nodes ({@link #lambdaBlock}, {@link #weightBlock}). */
    private final double[] lambdaBlock = new double[BLOCK];
    private final double[] weightBlock = new double[BLOCK];

    private IsoKernel() {
    }

    /** This thread's scratch space. */
    static IsoKernel get() {
        return SCRATCH.get();
    }

    double[] lambdaBlock() {
        return lambdaBlock;
    }

    double[] weightBlock() {
        return weightBlock;
    }

    /** Σ weight_i·|f(λ_i)| of the last {@link #sum} call (the scale of the converged deep route). */
    private double absTotal;

    /**
     * Σ_{i ∈ [from, to)} weight_i · f(λ_i); Σ weight_i·|f(λ_i)| is then {@link #lastAbsSum()}.
     *
     * @param gamma          γ
     * @param depth          L, or 0 for L = ∞
     * @param noise          σ²/α (used by {@link Integrand#EXCESS} and {@link Integrand#DERIVATIVE})
     * @param accuratePowers powers by exp(m·log1p(d)) instead of double-double binary exponentiation
     */
    double sum(Integrand f, double gamma, int depth, double noise, boolean accuratePowers,
            double[] lambda, double[] weight, int from, int to) {
        double total = 0;
        double totalAbs = 0;
        for (int off = from; off < to; off += BLOCK) {
            int len = Math.min(BLOCK, to - off);
            total += depth == 0 ? blockInfinite(f, gamma, noise, lambda, weight, off, len)
                    : block(f, gamma / depth, depth, noise, accuratePowers, lambda, weight, off, len);
            totalAbs += absTotal;
        }
        absTotal = totalAbs;
        return total;
    }

    /** Σ weight_i·|f(λ_i)| over the nodes of the last {@link #sum} (or as set by {@link #setLastAbsSum}). */
    double lastAbsSum() {
        return absTotal;
    }

    /** For callers that add up several {@link #sum} calls. */
    void setLastAbsSum(double value) {
        absTotal = value;
    }

    /** One block; sets {@link #absTotal} for the block. */
    private double block(Integrand f, double c, int l, double noise, boolean accuratePowers,
            double[] lambda, double[] weight, int off, int len) {
        for (int i = 0; i < len; i++) {
            d[i] = -c * lambda[off + i];
        }
        if (f != Integrand.POLE) {
            if (accuratePowers && saturated(l, len)) {
                // |x|^L < e^{−40} at every node of the block: S_L = (1 − x^L)/(1 − x) = −1/d to 4e-18 (most
                // blocks of a very deep model: only the endpoint layers are not saturated)
                for (int i = 0; i < len; i++) {
                    s[i] = -1 / d[i];
                }
            } else {
                geometricSum(l, len);
            }
        }
        if (f == Integrand.POLE) {
            power(2L * l, len, accuratePowers);
        } else if (f == Integrand.DERIVATIVE) {
            power(l - 1L, len, accuratePowers);
        }
        return combine(f, c, noise, lambda, weight, off, len);
    }

    /** Whether L(|x_i| − 1) &lt; −40 (|x_i|^L &lt; 4e-18) at every node of the block. */
    private boolean saturated(int l, int len) {
        double worst = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < len; i++) {
            worst = Math.max(worst, magnitudeMinusOne(d[i]));
        }
        return (double) l * worst < -40;
    }

    /** s_i = S_L in d_i by binary doubling (bits of L outside, nodes inside). */
    private void geometricSum(int l, int len) {
        for (int i = 0; i < len; i++) {
            s[i] = 1; // S_1, the leading bit of L
        }
        for (int b = 30 - Integer.numberOfLeadingZeros(l); b >= 0; b--) {
            for (int i = 0; i < len; i++) {
                double si = s[i];
                s[i] = si * (2 + d[i] * si); // S_{2m} = S_m (1 + x^m), x^m = 1 + d·S_m
            }
            if (((l >>> b) & 1) != 0) {
                for (int i = 0; i < len; i++) {
                    double si = s[i];
                    s[i] = si + (1 + d[i] * si); // S_{m+1} = S_m + x^m
                }
            }
        }
    }

    /** |1 + d| − 1 without rounding 1 + d (d for x ≥ 0, −2 − d for x &lt; 0; exact where it matters). */
    private static double magnitudeMinusOne(double d) {
        return d >= -1 ? d : -2 - d;
    }

    /** p_i = x_i^m, x_i = 1 + d_i (and xh_i = x_i rounded). */
    private void power(long m, int len, boolean accurate) {
        if (m == 0) {
            for (int i = 0; i < len; i++) {
                p[i] = 1;
                xh[i] = 1 + d[i];
            }
            return;
        }
        if (accurate) {
            for (int i = 0; i < len; i++) {
                double di = d[i];
                double x = 1 + di;
                // m·log|x| ≤ m(|x| − 1) < −746 is an underflow (exp gives 0 below −745.2): no library call;
                // 1 + d is exact for d ∈ [−2, −½] (Sterbenz) and x ≤ 0 there needs the sign: pow; else log1p
                p[i] = m * magnitudeMinusOne(di) < -746 ? 0.0
                        : di <= -0.5 ? Math.pow(x, m) : Math.exp(m * Math.log1p(di));
                xh[i] = x;
            }
            return;
        }
        // double-double binary exponentiation of x = 1 + d (itself split exactly into xh + xl): the product
        // errors are carried (Math.fma), so the relative error is ~log₂m ulp instead of the ~m ulp of squaring
        // a rounded x (which Math.pow of the rounded x shared)
        for (int i = 0; i < len; i++) {
            double di = d[i];
            double h = 1 + di;
            double bb = h - 1;
            double lo = (1 - (h - bb)) + (di - bb);
            xh[i] = h;
            xl[i] = lo;
            p[i] = h;
            pl[i] = lo;
        }
        int top = 62 - Long.numberOfLeadingZeros(m);
        int plain = top >= PLAIN_TAIL_FROM ? PLAIN_TAIL_BITS : 0;
        for (int b = top; b >= plain; b--) {
            for (int i = 0; i < len; i++) {
                double a = p[i];
                double h = a * a;
                double lo = Math.fma(a, a, -h) + 2 * a * pl[i];
                double sum = h + lo;
                p[i] = sum;
                pl[i] = lo - (sum - h);
            }
            if (((m >>> b) & 1) != 0) {
                for (int i = 0; i < len; i++) {
                    double a = p[i];
                    double h = a * xh[i];
                    double lo = Math.fma(a, xh[i], -h) + (a * xl[i] + pl[i] * xh[i]);
                    double sum = h + lo;
                    p[i] = sum;
                    pl[i] = lo - (sum - h);
                }
            }
        }
        // the last PLAIN_TAIL_BITS steps in plain double from the rounded x^{m >> PLAIN_TAIL_BITS}: its rounding
        // (½ ulp) and theirs grow to ~2^PLAIN_TAIL_BITS ulp, which the double-double steps would not save
        for (int b = plain - 1; b >= 0; b--) {
            for (int i = 0; i < len; i++) {
                p[i] *= p[i];
            }
            if (((m >>> b) & 1) != 0) {
                for (int i = 0; i < len; i++) {
                    p[i] = Math.fma(p[i], xh[i], p[i] * xl[i]); // x = xh + xl exactly
                }
            }
        }
    }

    /**
     * Trailing bits of the exponent taken in plain double by {@link #power} (for exponents of at least
     * 2^{@value #PLAIN_TAIL_FROM}): relative error ≤ ~2^4 ulp = 3.6e-15 instead of ~log₂m ulp, for a third less work
     * at m = 2L = 2048 (the pole route of the ISO signal at L = 1024).
     */
    static final int PLAIN_TAIL_BITS = 4;

    /** Bit length above which {@link #power} takes the plain tail: shorter exponents keep every step in double-double. */
    static final int PLAIN_TAIL_FROM = 8;

    private double combine(Integrand f, double c, double noise, double[] lambda, double[] weight, int off,
            int len) {
        double total = 0;
        double totalAbs = 0;
        switch (f) {
            case EXCESS:
                for (int i = 0; i < len; i++) {
                    double y = c * s[i];
                    double v = weight[off + i] * (y * (y * (lambda[off + i] + noise) - 2));
                    total += v;
                    totalAbs += Math.abs(v);
                }
                break;
            case NOISE:
                for (int i = 0; i < len; i++) {
                    double y = c * s[i];
                    total += weight[off + i] * (y * y);
                }
                totalAbs = total;
                break;
            case DERIVATIVE:
                for (int i = 0; i < len; i++) {
                    double pi = p[i];
                    double v = weight[off + i] * (2 * noise * (c * s[i]) * pi - 2 * (pi * pi) * xh[i]);
                    total += v;
                    totalAbs += Math.abs(v);
                }
                break;
            default: // POLE: x^{2L} (the weights carry the 1/λ)
                for (int i = 0; i < len; i++) {
                    total += weight[off + i] * p[i];
                }
                totalAbs = total;
                break;
        }
        if (!(total < Double.POSITIVE_INFINITY) && (f == Integrand.POLE ? overflowed(p, len)
                : overflowed(s, len) || f == Integrand.DERIVATIVE && overflowed(p, len))) {
            // beyond the stability edge S_L or x^{2L} can overflow, and then the doubling step S_m + (1 + d·S_m)
            // or the double-double square (h + fma(a, a, −h)) gives inf − inf = NaN; the integrands
            // y(y(λ + σ²/α) − 2) ≥ −1/(λ + σ²/α), y² and x^{2L}·w/λ are bounded below, so their exact sum is
            // then a positive number beyond the double range (as the former route reported). So is the derivative
            // −2x^{2L−1} + 2(σ²/α)·y·x^{L−1}: bounded for |x| ≤ 1, and positive where x &lt; −1 (x^{2L−1} &lt; 0 and
            // y·x^{L−1} = x^{L−1}(1 − x^L)/λ &gt; 0 for either parity of L), the only nodes that can overflow (a NaN
            // there made the deep route double its node count up to the exact 2³¹ nodes: minutes, issue 18)
            total = Double.POSITIVE_INFINITY;
            totalAbs = Double.POSITIVE_INFINITY;
        }
        absTotal = totalAbs;
        return total;
    }

    /** Whether S_L or x^m ({@code values}) overflowed at a node of the block (infinite or NaN). */
    private static boolean overflowed(double[] values, int len) {
        for (int i = 0; i < len; i++) {
            if (!Double.isFinite(values[i])) {
                return true;
            }
        }
        return false;
    }

    /** L = ∞: y = −expm1(−γλ)/λ, x^{2L}, x^{2L−1} → e^{−2γλ}, x^{L−1} → e^{−γλ}. Sets {@link #absTotal}. */
    private double blockInfinite(Integrand f, double gamma, double noise, double[] lambda, double[] weight,
            int off, int len) {
        double total = 0;
        double totalAbs = 0;
        for (int i = 0; i < len; i++) {
            double lam = lambda[off + i];
            double v;
            switch (f) {
                case EXCESS: {
                    double y = -Math.expm1(-gamma * lam) / lam;
                    v = y * (y * (lam + noise) - 2);
                    break;
                }
                case NOISE: {
                    double y = Math.expm1(-gamma * lam) / lam;
                    v = y * y;
                    break;
                }
                case DERIVATIVE: {
                    double e = Math.exp(-gamma * lam);
                    v = 2 * noise * (-Math.expm1(-gamma * lam) / lam) * e - 2 * (e * e);
                    break;
                }
                default: // POLE
                    v = Math.exp(-2 * gamma * lam);
                    break;
            }
            v *= weight[off + i];
            total += v;
            totalAbs += Math.abs(v);
        }
        absTotal = totalAbs;
        return total;
    }
}
