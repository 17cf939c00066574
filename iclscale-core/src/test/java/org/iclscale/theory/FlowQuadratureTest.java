package org.iclscale.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Depth;
import org.iclscale.spectrum.PowerLawContinuum;
import org.junit.jupiter.api.Test;

/**
 * {@link FlowQuadrature}: w(t) of dw/dt = f(w) by quadrature of t(w), checked (1) against flows whose t(w) has a
 * closed form and (2) against Dormand–Prince 8(5,3) at tolerances 1e-14 on the full-attention flow of the RRS
 * continuum (the flow of {@code exponents --verify}).
 */
class FlowQuadratureTest {

    private static final double[] TIMES = {0, 1e-3, 0.5, 1, 3, 100, 1e4, 1e6, 1e6 * Math.sqrt(2), 2e6};

    /**
     * dw/dt = w^{−k}: w(t) = (w₀^{k+1} + (k + 1)t)^{1/(k+1)} (power-law growth, as the late full-attention flow,
     * where k = 1 + 5β).
     */
    @Test
    void powerLawRateMatchesClosedForm() {
        for (double k : new double[] {-0.5, 0, 1, 5}) {
            double w0 = 0.7;
            double[] w = FlowQuadrature.positions("test", x -> Math.pow(x, -k), w0, TIMES);
            for (int i = 0; i < TIMES.length; i++) {
                double exact = Math.pow(Math.pow(w0, k + 1) + (k + 1) * TIMES[i], 1 / (k + 1));
                // w = w₀e^u is located through u = ln(w/w₀): δw/w ≈ δu, a few ulps of u (u ≈ 28 at w = 10¹²)
                double u = Math.log(exact / w0);
                assertEquals(exact, w[i], 8 * Math.ulp(Math.max(1, u)) * exact, "k = " + k + ", t = " + TIMES[i]);
            }
        }
    }

    /** dw/dt = e^{−w}: w(t) = ln(e^{w₀} + t) (slower than any power, w₀ = 0.3). */
    @Test
    void exponentiallySlowingRateMatchesClosedForm() {
        double[] w = FlowQuadrature.positions("test", x -> Math.exp(-x), 0.3, TIMES);
        for (int i = 0; i < TIMES.length; i++) {
            double exact = Math.log(Math.exp(0.3) + TIMES[i]);
            assertEquals(exact, w[i], 4e-15 * exact, "t = " + TIMES[i]);
        }
    }

    /** w(t) from w(0) = 1 by quadrature against Dormand–Prince at tolerances 1e-14, to 2e-14 relative. */
    private static void assertFullAttentionFlowMatchesDormandPrince(DoubleUnaryOperator f, double[] times) {
        double[] w = FlowQuadrature.positions("full-attention flow", f, 1, times);
        double[] reference = new double[times.length];
        OdeSampler.sample("reference", new double[] {1}, times, 1e-14, 1e-14,
                (t, y) -> new double[] {f.applyAsDouble(y[0])}, (i, y) -> reference[i] = y[0], y -> false);
        for (int i = 0; i < times.length; i++) {
            assertEquals(reference[i], w[i], 2e-14 * reference[i], "t = " + times[i]);
        }
    }

    /** The full-attention flow of the RRS continuum against Dormand–Prince at 1e-14 (equal to ~1e-14 in w). */
    @Test
    void fullAttentionFlowMatchesDormandPrince() {
        RrsContinuum rrs = new RrsContinuum(new PowerLawContinuum(1.5, 0.8), Depth.INFINITE, 0);
        DoubleUnaryOperator f = x -> -0.5 * 5 * Math.pow(x, 4) * rrs.lossDerivative(Math.pow(x, 5));
        double[] times = {10, 1e3, 1e6, 2e6};
        assertFullAttentionFlowMatchesDormandPrince(f, times);
    }

    /**
     * A steep spectrum (ν = 3, β = 4: one mode dominates, h ~ e^{2w⁵} grows by e^{100} over the flow) needs panels
     * narrower than 0.2 in ln w: against Dormand–Prince at 1e-14 (fixed panels of 0.2 were 1e-9 off in w).
     */
    @Test
    void steepFlowNarrowsItsPanels() {
        RrsContinuum rrs = new RrsContinuum(new PowerLawContinuum(3, 4), Depth.INFINITE, 0);
        DoubleUnaryOperator f = x -> -0.5 * 5 * Math.pow(x, 4) * rrs.lossDerivative(Math.pow(x, 5));
        double[] times = {1e3, 1e6, 2e6};
        assertFullAttentionFlowMatchesDormandPrince(f, times);
    }

    /**
     * dw/dt = (w* − w)/(1 + w)² from w = 0 (a fixed point at w* = 2, the rate falling from the start):
     * t(w) = A² ln(w⋆/(w⋆ − w)) − 2Aw + (w*² − (w* − w)²)/2 with A = 1 + w*, checked as the residual t(w(t)) − t; at
     * late times w is held at the fixed point.
     */
    @Test
    void approachToAFixedPointMatchesClosedFormTime() {
        double star = 2;
        double a = 1 + star;
        DoubleUnaryOperator f = x -> (star - x) / ((1 + x) * (1 + x));
        double[] times = {1e-3, 0.1, 1, 5, 20, 60, 150};
        double[] w = FlowQuadrature.towardsFixedPoint("test", f, star, 0.5, times);
        for (int i = 0; i < times.length; i++) {
            double y = star - w[i];
            double t = a * a * Math.log(star / y) - 2 * a * w[i] + (star * star - y * y) / 2;
            // δw = f(w)·δt: the residual in t, scaled by the rate, against a few ulps of w
            assertEquals(times[i], t, 4e-15 * Math.max(1, w[i]) / f.applyAsDouble(w[i]), "t = " + times[i]);
        }
        // t = 10⁴ lies beyond the last double below w* (e^{−t/9} underflows): held within 1e-13 of w*
        double held = FlowQuadrature.towardsFixedPoint("test", f, star, 0.5, new double[] {1e4})[0];
        assertEquals(star, held, 1e-13);
    }

    /** w* a little above the zero of f (the caller's bracket): the flow stops at the zero, within the bracket. */
    @Test
    void stopsAtTheZeroBelowTheBracketEnd() {
        double zero = 1;
        double star = zero * (1 + 1e-10);
        double[] times = {1, 10, 1e3, 1e6};
        double[] w = FlowQuadrature.towardsFixedPoint("test", x -> zero - x, star, 1, times);
        for (int i = 0; i < times.length; i++) {
            double exact = -Math.expm1(-times[i]);
            // held at a panel start once the rate vanishes: w* − w ≤ (w* + s)·1e-10·e^{0.2} (see towardsFixedPoint)
            double tolerance = times[i] > 20 ? 2 * 1e-10 * Math.exp(FlowQuadrature.PANEL) : 4e-16;
            assertEquals(exact, w[i], tolerance, "t = " + times[i]);
        }
    }

    /** The RRS continuum at depth 64 (the flow of shape --exact with L in the formula) against Dormand–Prince at 1e-14. */
    @Test
    void continuumAtFiniteDepthMatchesDormandPrince() {
        RrsContinuum rrs = new RrsContinuum(new PowerLawContinuum(1.5, 0.8), Depth.of(64), 0);
        DoubleUnaryOperator f = x -> -0.5 * rrs.lossDerivative(x);
        double star = OptimumSearch.minimise(rrs).gamma();
        while (f.applyAsDouble(star) > 0) {
            star = Math.nextUp(star);
        }
        double[] times = {30, 300, 3000, 1e5};
        double[] w = FlowQuadrature.towardsFixedPoint("gradient flow", f, star, 0.5, times);
        double[] reference = new double[times.length];
        OdeSampler.sample("reference", new double[] {0}, times, 1e-15, 1e-14,
                (t, y) -> new double[] {f.applyAsDouble(y[0])}, (i, y) -> reference[i] = y[0], y -> false);
        for (int i = 0; i < times.length; i++) {
            assertEquals(reference[i], w[i], 1e-14 * reference[i], "t = " + times[i]);
        }
    }

    /** A flow that stops (f ≤ 0) is refused by name, not integrated through. */
    @Test
    void refusesARateThatIsNotPositive() {
        ComputationException e = assertThrows(ComputationException.class,
                () -> FlowQuadrature.positions("stopping flow", x -> 2 - x, 1, new double[] {100}));
        assertTrue(e.getMessage().contains("stopping flow"), e.getMessage());
    }
}
