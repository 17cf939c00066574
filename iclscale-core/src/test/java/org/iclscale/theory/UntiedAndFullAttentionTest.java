package org.iclscale.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.iclscale.core.Depth;
import org.iclscale.spectrum.PowerLawContinuum;
import org.iclscale.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/** Untied layers (App. G.1, notes §2.6/§3.6) and full linear attention (Result 9, notes §3.7). */
class UntiedAndFullAttentionTest {

    private static final Spectrum FIG8 = Spectrum.powerLaw(1.5, 0.8, 64);

    /** From γ^ℓ(0) = 0 the untied flow (η = η₀L) stays balanced and equals the tied flow (Fig. 8b). */
    @Test
    void untiedFlowFromEqualInitEqualsTiedFlow() {
        double[] t = {1, 10, 100, 1000};
        for (int l : new int[] {1, 2, 4, 8}) {
            UntiedLayers u = new UntiedLayers(FIG8, l);
            double[][] g = u.flow(new double[l], t);
            GradientFlow.Trajectory tied = GradientFlow.integrate(new RrsModel(FIG8, Depth.of(l), 0), t);
            for (int i = 0; i < t.length; i++) {
                for (int j = 0; j < l; j++) {
                    assertEquals(tied.gamma()[i], g[i][j], 1e-8 * Math.max(1, tied.gamma()[i]), "L=" + l + " layer " + j);
                }
                assertEquals(tied.loss()[i], u.signal(g[i]), 1e-10);
            }
        }
        // Fig. 8 plateaus (notes §6): γ^ℓ → 1.07, 2.60, 5.95 for L = 1, 2, 4
        double[] plateau = {1.072, 2.604, 5.951};
        for (int i = 0; i < 3; i++) {
            int l = 1 << i;
            double[][] g = new UntiedLayers(FIG8, l).flow(new double[l], new double[] {2000});
            assertEquals(plateau[i], g[0][l - 1], 2e-3);
        }
    }

    /**
     * [DERIVED] The balanced point is a saddle of the untied loss for L ≥ 2: an asymmetry of 10⁻⁶ in γ^1(0) grows
     * (the layers move towards unequal, Richardson/Chebyshev-like step sizes) and the loss falls below the tied
     * optimum min_γ 𝓛 = 0.06453 (L = 4). Balance (paper App. G.1, Fig. 8b) holds only for exactly equal init.
     * Independent check: scipy LSODA gives γ^ℓ(10⁴) = (17.904, 4.824, 4.824, 4.824) for the same init.
     */
    @Test
    void balancedPointIsASaddleOfTheUntiedLoss() {
        UntiedLayers u = new UntiedLayers(FIG8, 4);
        double[][] g = u.flow(new double[] {1e-6, 0, 0, 0}, new double[] {1000, 10000});
        assertTrue(Math.abs(g[0][0] - g[0][1]) < 1e-3);
        assertEquals(17.904, g[1][0], 2e-3);
        assertEquals(4.824, g[1][1], 2e-3);
        assertTrue(u.signal(g[1]) < 0.06453 * 0.9, "loss " + u.signal(g[1]));
    }

    @Test
    void untiedLossIsPermutationSymmetricAndGradientIsCorrect() {
        UntiedLayers u = new UntiedLayers(FIG8, 4);
        double[] g = {0.3, 2.0, 5.5, 1.1};
        double[] perm = {5.5, 0.3, 1.1, 2.0};
        assertEquals(u.loss(g, 0.3, 500), u.loss(perm, 0.3, 500), 1e-15);
        assertEquals(u.signal(g), u.signal(perm), 1e-15);
        double[] grad = u.signalGradient(g);
        for (int l = 0; l < 4; l++) {
            double[] up = g.clone();
            double[] dn = g.clone();
            up[l] += 1e-6;
            dn[l] -= 1e-6;
            assertEquals((u.signal(up) - u.signal(dn)) / 2e-6, grad[l], 1e-8);
        }
        // balanced: Σ_ℓ ∂𝓛/∂γ^ℓ = d𝓛/dγ of the tied model
        double[] eq = {2.5, 2.5, 2.5, 2.5};
        double sum = 0;
        for (double d : u.signalGradient(eq)) {
            sum += d;
        }
        assertEquals(new RrsModel(FIG8, Depth.of(4), 0).lossDerivative(2.5), sum, 1e-13);
    }

    /** Tied noise term reduces to (σ²/P)Σ_k(1 − (1 − γλ_k/L)^L)², and for ISO matches the exact MP loss at large α. */
    @Test
    void noiseTermChecks() {
        int l = 3;
        UntiedLayers u = new UntiedLayers(FIG8, l);
        double gamma = 2.2;
        double closed = 0;
        for (int k = 0; k < FIG8.dim(); k++) {
            double a = 1 - SpectralSums.ipow(1 - gamma * FIG8.lambdaAt(k) / l, l);
            closed += a * a;
        }
        assertEquals(0.25 * closed / 640, u.noise(new double[] {gamma, gamma, gamma}, 0.5, 640), 1e-16);
        // ISO (Λ = I, D modes): leading order σ²/α (1 − (1 − γ/L)^L)² vs the exact σ-dependent part of the MP loss
        int dim = 50;
        Spectrum iso = Spectrum.of(constant(dim, 1.0), constant(dim, 1.0 / dim), "iso");
        UntiedLayers ul = new UntiedLayers(iso, l);
        double sigma = 0.7;
        double previous = Double.POSITIVE_INFINITY;
        for (double alpha : new double[] {10, 100, 1000}) {
            double exact = new IsoModel(alpha, Depth.of(l), sigma).loss(gamma) - new IsoModel(alpha, Depth.of(l), 0).loss(gamma)
                    - sigma * sigma;
            double lead = ul.noise(new double[] {gamma, gamma, gamma}, sigma, alpha * dim);
            double rel = Math.abs(lead / exact - 1);
            assertTrue(rel < previous / 5, "alpha = " + alpha + ": relative difference " + rel);
            previous = rel;
        }
        assertTrue(previous < 0.01);
    }

    /**
     * The Result 9 w-equation against an independent integration of the 4-factor balanced flow
     * (w_v, w_k, w_q, w_x; γ = w_v w_k w_q w_x²; ½ gradient flow on 𝓛(γ); init (σ₀, σ₀, σ₀, √2σ₀)):
     * γ_factorised(t) = γ_Result9(2^{2/5} t) with w(0) = 2^{1/5}σ₀ (see FullAttentionFlow).
     */
    @Test
    void fullAttentionMatchesFactorisedFlow() {
        RrsModel m = new RrsModel(FIG8, Depth.of(4), 0);
        double s0 = 0.15;
        double[] t = {50, 200, 500, 1000, 3000};
        OrdinaryDifferentialEquation factors = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 4;
            }

            @Override
            public double[] computeDerivatives(double time, double[] y) {
                double g = y[0] * y[1] * y[2] * y[3] * y[3];
                double d = m.lossDerivative(g);
                return new double[] {-0.5 * d * g / y[0], -0.5 * d * g / y[1], -0.5 * d * g / y[2], -0.5 * d * 2 * g / y[3]};
            }
        };
        DormandPrince853Integrator dp = new DormandPrince853Integrator(1e-10, 100, 1e-13, 1e-13);
        double[] scaled = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            scaled[i] = Math.pow(2, 0.4) * t[i];
        }
        FullAttentionFlow.Trajectory r9 = FullAttentionFlow.integrate(m, Math.pow(2, 0.2) * s0, scaled, 1.0);
        ODEState state = new ODEState(0, new double[] {s0, s0, s0, Math.sqrt(2) * s0});
        for (int i = 0; i < t.length; i++) {
            state = dp.integrate(factors, state, t[i]);
            double[] y = state.getPrimaryState();
            double g = y[0] * y[1] * y[2] * y[3] * y[3];
            assertEquals(g, r9.gamma()[i], 1e-7 * Math.max(1, g), "t = " + t[i]);
            assertEquals(y[3] * y[3], 2 * y[0] * y[0], 1e-9, "balance w_x^2 = 2 w_v^2");
        }
        // long time: the same plateau γ* as the reduced model
        FullAttentionFlow.Trajectory late = FullAttentionFlow.integrate(m, 0.2, new double[] {1e5}, 1.0);
        assertEquals(5.951, late.gamma()[0], 2e-3);
    }

    /** Full attention at L = ∞: 𝓛(t) ~ t^{−5β/(5β+2)} (Result 9), on the D = ∞ continuum. */
    @Test
    void fullAttentionTimeExponent() {
        double beta = 1.5; // γ ~ t^{5/(5β+2)} stays moderate, so the continuum cutoff stays small
        RrsContinuum c = new RrsContinuum(new PowerLawContinuum(1.5, beta), Depth.INFINITE, 0);
        double[] t = {1e5, 1.1e5, 1e7, 1.1e7};
        FullAttentionFlow.Trajectory r = FullAttentionFlow.integrate(c, 0.2, t, 1.0);
        double expected = 5 * beta / (5 * beta + 2);
        double s1 = -Math.log(r.loss()[1] / r.loss()[0]) / Math.log(1.1);
        double s2 = -Math.log(r.loss()[3] / r.loss()[2]) / Math.log(1.1);
        assertTrue(Math.abs(s2 - expected) < Math.abs(s1 - expected) || Math.abs(s2 - expected) < 1e-4);
        assertEquals(expected, s2, 2e-3);
    }

    private static double[] constant(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
