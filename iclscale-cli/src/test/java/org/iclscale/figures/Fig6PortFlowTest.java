package org.iclscale.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.iclscale.core.Depth;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.FullAttentionFlow;
import org.iclscale.theory.GammaLandscape;
import org.junit.jupiter.api.Test;

/**
 * {@link Fig6#portFlow} against the port's own parameterisation, integrated here independently: w_x = √2σ₀,
 * w_q = w_k = σ₀ at rate η and the value factor w_v = σ₀√N at rate Nη (t = 2ηn, so dw/dt = −(r/2)∂𝓛/∂w with r = 1
 * or N), γ = w_x²w_qw_kw_v — no balanced reduction, no rescaling; classical RK4 with a fine fixed step.
 */
class Fig6PortFlowTest {

    @Test
    void portFlowIsTheUnbalancedFourFactorFlowOfThePort() {
        Spectrum spec = Spectrum.powerLaw(Fig6.NU_B, Fig6.BETA_B, Fig6.DIM_B);
        double n = Fig6.DIM_B; // width N = D
        for (int l : new int[] {1, 4}) {
            GammaLandscape m = FigureLandscapes.rrs(spec, Depth.of(l));
            double[] steps = {1, 10, 100, 1000};
            double[] t = new double[steps.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = 2 * Fig6.ETA_B * steps[i];
            }
            double[] ours = Fig6.portFlow(m, t).loss();
            double s0 = Fig6.INIT_B;
            double[] w = {Math.sqrt(2) * s0, s0, s0, s0 * Math.sqrt(n)};
            double[] rate = {1, 1, 1, n};
            double h = 1e-4;
            double now = 0;
            for (int i = 0; i < t.length; i++) {
                while (now < t[i] - 1e-12) {
                    double dt = Math.min(h, t[i] - now);
                    double[] k1 = rhs(m, w, rate);
                    double[] k2 = rhs(m, add(w, k1, dt / 2), rate);
                    double[] k3 = rhs(m, add(w, k2, dt / 2), rate);
                    double[] k4 = rhs(m, add(w, k3, dt), rate);
                    for (int j = 0; j < 4; j++) {
                        w[j] += dt / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
                    }
                    now += dt;
                }
                double loss = m.loss(w[0] * w[0] * w[1] * w[2] * w[3]);
                assertEquals(loss, ours[i], 1e-7 * loss, "L = " + l + ", step " + steps[i]);
            }
            // gamma(0) = 2 sqrt(N) sigma0^5: the start the paper's curves show (0.54-0.59 at step 0)
            assertEquals(2 * Math.sqrt(n) * Math.pow(s0, 5), Fig6.portFlow(m, new double[] {0}).gamma()[0], 1e-12);
        }
    }

    private static double[] rhs(GammaLandscape m, double[] w, double[] rate) {
        double g = w[0] * w[0] * w[1] * w[2] * w[3];
        double f = -0.5 * m.lossDerivative(g);
        return new double[] {rate[0] * f * 2 * g / w[0], rate[1] * f * g / w[1], rate[2] * f * g / w[2],
            rate[3] * f * g / w[3]};
    }

    private static double[] add(double[] w, double[] k, double c) {
        double[] out = w.clone();
        for (int j = 0; j < 4; j++) {
            out[j] += c * k[j];
        }
        return out;
    }
}
