package org.iclscale.theory;

import java.util.function.DoubleUnaryOperator;
import org.iclscale.core.ComputationException;

/**
 * An autonomous scalar flow dw/dt = f(w) with f &gt; 0 on its path, solved by quadrature instead of time steps: the
 * time to reach w is t(w) = ∫_{w₀}^{w} dv/f(v), and w(t) its inverse. In a coordinate u with w = w(u) the integrand
 * is h(u) = w'(u)/f(w(u)); t(u) is accumulated by composite 10-point Gauss–Legendre on panels of width {@link #PANEL}
 * in u from u = 0, and in the panel that contains a requested time, u(t) is found by Newton's method on
 * ln t(u) − ln t (d ln t/du = h/t), each iterate's time being the previous iterate's plus the quadrature over the
 * step between them (10 nodes from the panel start, 5 once the step is below a twentieth of a panel). Two charts:
 * <ul>
 *   <li>{@link #positions}: w = w₀e^u, for a flow that grows without bound (h = w/f; the full-attention flow
 *       γ = w⁵ grows like t^{1/(2+5β)});</li>
 *   <li>{@link #towardsFixedPoint}: u = ln(1 + w/s) − ln(1 − w/w*) from w(0) = 0 towards the first zero of f at or
 *       just below w*, with a scale s at which f starts to fall: dw/du = (w + s)(w* − w)/(w* + s) is ~constant for
 *       w ≪ s (f ≈ f(0)), ∝ w for s ≪ w ≪ w* (the power-law phase of a gradient flow on a spectrum, t ~ w^{2+β})
 *       and ∝ w* − w near w* (the exponential approach to the minimiser of a convex landscape, t ~ −ln(w* − w)/|f'|,
 *       linear in u), so h is smooth and slowly varying in every phase.</li>
 * </ul>
 *
 * <p>Why it is accurate: h is analytic in a strip around the real u axis (for the full-attention flow γ = w⁵ of
 * a mode sum Σp_kλ_k e^{−2γλ_k}, |Im u| &lt; π/10 keeps Re γ &gt; 0), so n-point Gauss–Legendre on a panel of width H
 * converges like ρ^{−2n} with ρ the Bernstein ellipse parameter of the strip (H = 0.2: ρ ≈ 6.4, ρ^{−20} ≈ 10⁻¹⁶);
 * halving the panel changes the losses of {@code exponents --verify} by ≤ 10⁻¹⁵ (tested against Dormand–Prince at
 * tight tolerances and against flows with closed-form t(w)). Cost: 50 right-hand sides per unit of u (10 per
 * panel) plus ~25 per requested time (the full-attention flow of {@code exponents --verify}: 191, where
 * Dormand–Prince took ~2,000).
 */
public final class FlowQuadrature {

    /** Panel width in u = ln(w/w₀). */
    static final double PANEL = 0.2;
    /** The end of the chart: u up to 700 (w up to w₀e^{700}; beyond, f is not positive long enough to reach the time). */
    private static final double MAX_U = 700;
    private static final int MAX_PANELS = 1_000_000;
    /**
     * Largest change of ln h across a panel's nodes: where h varies faster (e.g. h ~ e^{2γ} while one mode dominates
     * a steep spectrum, ν = 3, β = 4) the panel is divided by 4 until it does, and widened again by 2 up to
     * {@link #PANEL} once ln h changes by less than a quarter of that. Measured at ν = 3, β = 4: the full-attention
     * slope is 6e-15 from Dormand–Prince at 1e-15 (limit 3: 2e-13; fixed panels of 0.2: 5e-8).
     */
    private static final double MAX_GROWTH = 1.5;
    private static final double MIN_WIDTH = 1e-9;
    private static final int MAX_NEWTON = 60;

    // 10-point Gauss–Legendre on [−1, 1] (numpy.polynomial.legendre.leggauss(10))
    private static final double[] NODES_10 = {
        -0.9739065285171717, -0.8650633666889845, -0.6794095682990244, -0.4333953941292472, -0.14887433898163122,
        0.14887433898163122, 0.4333953941292472, 0.6794095682990244, 0.8650633666889845, 0.9739065285171717};
    private static final double[] WEIGHTS_10 = {
        0.06667134430868814, 0.1494513491505804, 0.219086362515982, 0.2692667193099965, 0.2955242247147528,
        0.2955242247147528, 0.2692667193099965, 0.219086362515982, 0.1494513491505804, 0.06667134430868814};
    // 5-point Gauss–Legendre on [−1, 1] (numpy.polynomial.legendre.leggauss(5))
    private static final double[] NODES_5 = {
        -0.906179845938664, -0.5384693101056831, 0.0, 0.5384693101056831, 0.906179845938664};
    private static final double[] WEIGHTS_5 = {
        0.23692688505618908, 0.47862867049936647, 0.5688888888888889, 0.47862867049936647, 0.23692688505618908};

    private FlowQuadrature() {
    }

    /** A coordinate u ↦ w(u) with w(0) = w₀ and its derivative w'(u) &gt; 0. */
    private interface Chart {
        double at(double u);

        double derivative(double u);
    }

    /**
     * w(t) at each of {@code times} (non-decreasing, ≥ 0) for dw/dt = f(w), w(0) = w0 &gt; 0, in u = ln(w/w0).
     *
     * @param flow name of the flow for error messages
     * @param f    the right-hand side, positive and finite on the path
     */
    public static double[] positions(String flow, DoubleUnaryOperator f, double w0, double[] times) {
        if (!(w0 > 0) || !Double.isFinite(w0)) {
            throw new IllegalArgumentException("w0 must be finite and > 0 (the quadrature runs in ln w)");
        }
        Chart chart = new Chart() {
            @Override
            public double at(double u) {
                return w0 * Math.exp(u);
            }

            @Override
            public double derivative(double u) {
                return w0 * Math.exp(u);
            }
        };
        return solve(flow, f, chart, times, false);
    }

    /**
     * w(t) at each of {@code times} (non-decreasing, ≥ 0) for dw/dt = f(w) from w(0) = 0 with f(0) &gt; 0, towards the
     * fixed point: {@code wStar} must satisfy f(w*) ≤ 0 with f &gt; 0 on [0, w*(1 − δ)] for a small δ (the caller's
     * bracket of the first zero), and {@code scale} s &gt; 0 is where f starts to fall (within a factor of a few; it
     * sets the chart u = ln(1 + w/s) − ln(1 − w/w*), see the class comment). Where f is no longer positive at a node
     * (the zero, within δ) the flow has reached its fixed point to that accuracy: that time and every later one get
     * w at the panel start, with w* − w ≤ (w* + s)δe^{PANEL}.
     */
    public static double[] towardsFixedPoint(String flow, DoubleUnaryOperator f, double wStar, double scale,
            double[] times) {
        if (!(wStar > 0) || !Double.isFinite(wStar) || !(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("wStar and scale must be finite and > 0");
        }
        // E = e^u: w = s w*(E − 1)/(w* + sE), w* − w = w*(w* + s)/(w* + sE), w + s = sE(w* + s)/(w* + sE)
        Chart chart = new Chart() {
            @Override
            public double at(double u) {
                if (u == Double.POSITIVE_INFINITY) {
                    return wStar;
                }
                return scale * wStar * Math.expm1(u) / (wStar + scale * Math.exp(u));
            }

            @Override
            public double derivative(double u) {
                double e = Math.exp(u);
                double d = wStar + scale * e;
                // (w + s)(w* − w)/(w* + s)
                return scale * e * (wStar + scale) * wStar / (d * d);
            }
        };
        return solve(flow, f, chart, times, true);
    }

    /** Signals a node where f is not positive (only in the fixed-point chart). */
    private static final class FixedPointReached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FixedPointReached() {
            super(null, null, false, false);
        }
    }

    private static double[] solve(String flow, DoubleUnaryOperator f, Chart chart, double[] times, boolean fixedPoint) {
        DoubleUnaryOperator h = u -> {
            double w = chart.at(u);
            double rate = f.applyAsDouble(w);
            if (!(rate > 0) || !Double.isFinite(rate)) {
                if (fixedPoint && !(rate > 0)) {
                    throw new FixedPointReached();
                }
                throw new ComputationException("Gauss-Legendre quadrature of t(w) = int dw/f(w) (" + flow + ")",
                        "dw/dt = " + rate + " at w = " + w + ": the flow must move w upwards at a finite rate");
            }
            return chart.derivative(u) / rate;
        };
        double[] w = new double[times.length];
        double a = 0;
        double ta = 0;
        // t(b) as the Neumaier-compensated running sum of the panels (sum + error): hundreds of panels stay at ~1 ulp
        double sum;
        double b;
        double width;
        try {
            double[] first = panel(h, a, PANEL);
            sum = first[0];
            b = a + first[1];
            width = first[2];
        } catch (FixedPointReached e) {
            throw new ComputationException("Gauss-Legendre quadrature of t(w) = int dw/f(w) (" + flow + ")",
                    "dw/dt <= 0 within the first panel: w* = " + chart.at(Double.POSITIVE_INFINITY)
                            + " does not bracket the first zero of the rate tightly");
        }
        double error = 0;
        double tb = sum;
        int panels = 1;
        for (int i = 0; i < times.length; i++) {
            double target = times[i];
            if (!(target >= 0) || !Double.isFinite(target) || (i > 0 && target < times[i - 1])) {
                throw new IllegalArgumentException("times must be finite, >= 0 and non-decreasing: " + target);
            }
            if (target == 0) {
                w[i] = chart.at(0);
                continue;
            }
            try {
                while (tb < target) {
                    if (++panels > MAX_PANELS || b > MAX_U) {
                        throw new ComputationException("Gauss-Legendre quadrature of t(w) = int dw/f(w) (" + flow + ")",
                                "t = " + target + " not reached by w = " + chart.at(b) + " (t(w) = " + tb + ")");
                    }
                    double[] next = panel(h, b, width);
                    double panel = next[0];
                    a = b;
                    ta = tb;
                    b = a + next[1];
                    width = next[2];
                    double total = sum + panel;
                    error += Math.abs(sum) >= Math.abs(panel) ? (sum - total) + panel : (panel - total) + sum;
                    sum = total;
                    tb = sum + error;
                }
                w[i] = chart.at(invert(flow, h, a, ta, b, tb, target));
            } catch (FixedPointReached e) {
                // the rate vanished in the panel after b (or within [a, b] while inverting): held at the panel start
                double held = chart.at(tb < target ? b : a);
                for (int j = i; j < times.length; j++) {
                    w[j] = held;
                }
                return w;
            }
        }
        return w;
    }

    /** u in [a, b] with t(u) = target, given t(a) = ta &lt; target ≤ t(b) = tb: safeguarded Newton on ln t. */
    private static double invert(String flow, DoubleUnaryOperator h, double a, double ta, double b, double tb,
            double target) {
        if (target == tb) {
            return b;
        }
        double lo = a;
        double hi = b;
        // first guess: ln t linear in u across the panel (t linear in the first panel, where t(0) = 0)
        double u = ta > 0 ? a + (b - a) * Math.log(target / ta) / Math.log(tb / ta) : a + (b - a) * target / tb;
        double from = a;
        double tFrom = ta;
        double lnTarget = Math.log(target);
        for (int iteration = 0; iteration < MAX_NEWTON; iteration++) {
            boolean shortStep = Math.abs(u - from) <= (b - a) / 20;
            double t = tFrom + integrate(h, from, u, shortStep ? NODES_5 : NODES_10, shortStep ? WEIGHTS_5 : WEIGHTS_10);
            if (t < target) {
                lo = u;
            } else {
                hi = u;
            }
            double slope = h.applyAsDouble(u) / t; // d ln t/du
            double step = -(Math.log(t) - lnTarget) / slope;
            // converged: a step of a few ulps of u, or below the rounding of ln t (a few ulps) over its slope
            if (Math.abs(step) <= 4 * Math.ulp(Math.max(1, Math.abs(u))) + 4e-16 / slope) {
                return u + step;
            }
            double next = u + step;
            if (!(next > lo && next < hi)) {
                next = (lo + hi) / 2; // Newton left the bracket: bisect
            }
            from = u;
            tFrom = t;
            u = next;
        }
        throw new ComputationException("Newton on ln t(u) (" + flow + ")",
                "t = " + target + " not located to 4 ulps in ln w within " + MAX_NEWTON + " iterations (last bracket ["
                        + lo + ", " + hi + "] in ln(w/w0))");
    }

    /**
     * One accepted panel from {@code from}: {integral, its width, the next panel's width}, the width divided by 4 while
     * ln h changes by more than {@link #MAX_GROWTH} across its nodes.
     */
    private static double[] panel(DoubleUnaryOperator h, double from, double width) {
        double[] values = new double[NODES_10.length];
        while (true) {
            double half = width / 2;
            double mid = from + half;
            double sum = 0;
            for (int i = 0; i < NODES_10.length; i++) {
                values[i] = h.applyAsDouble(mid + half * NODES_10[i]);
                sum += WEIGHTS_10[i] * values[i];
            }
            double growth = Math.abs(Math.log(values[NODES_10.length - 1] / values[0]));
            if (growth <= MAX_GROWTH || width <= MIN_WIDTH) {
                double next = growth < MAX_GROWTH / 4 ? Math.min(PANEL, 2 * width) : width;
                return new double[] {sum * half, width, next};
            }
            width /= 4;
        }
    }

    /** Gauss–Legendre ∫_a^b h (a signed integral: b &lt; a gives the negative). */
    private static double integrate(DoubleUnaryOperator h, double a, double b, double[] nodes, double[] weights) {
        double mid = (a + b) / 2;
        double half = (b - a) / 2;
        double sum = 0;
        for (int i = 0; i < nodes.length; i++) {
            sum += weights[i] * h.applyAsDouble(mid + half * nodes[i]);
        }
        return sum * half;
    }
}
