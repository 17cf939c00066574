package org.iclscale.deteq;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.core.Depth;
import org.iclscale.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/**
 * {@link OnePointDensity#loss}/{@link OnePointDensity#lossDerivative} by blocked binary exponentiation
 * (issue 17 item 4) against the former Math.pow loop over the same grid, kept here verbatim: both compute
 * (1 − γs/L)^{2L} from nearly the same rounded base, so they agree to ~2L ulp of the sum of |terms| plus the
 * rounding of two summation orders (~√n ulp over n grid points; main's grid ending at the support edge made
 * the latter visible at L = 1).
 */
class OnePointDensityKernelTest {

    @Test
    void lossAndDerivativeEqualTheFormerPowLoop() {
        OnePointDensity d = new OnePointDensity(Spectrum.powerLaw(1.25, 0.75, 400), 50);
        double[] s = d.grid();
        double[] w = d.gridWeights();
        double sMax = 0;
        for (int j = 0; j < s.length; j++) {
            sMax = w[j] > 0 ? Math.max(sMax, s[j]) : sMax;
        }
        int checked = 0;
        for (int l : new int[] {1, 2, 3, 4, 7, 16, 64, 1000, 100_000}) {
            double edge = 2.0 * l / sMax;
            for (double frac : new double[] {1e-4, 0.01, 0.3, 0.7, 0.99}) {
                double gamma = frac * edge;
                Depth depth = Depth.of(l);
                double loss = d.atom();
                double scale = d.atom();
                double derivative = 0;
                double dScale = 0;
                for (int j = 0; j < s.length; j++) { // the former kernels
                    double b = 1 - gamma * s[j] / l;
                    double term = w[j] * Math.pow(b * b, l);
                    loss += term;
                    scale += Math.abs(term);
                    double dTerm = w[j] * (-2 * s[j] * Math.pow(b, 2L * l - 1));
                    derivative += dTerm;
                    dScale += Math.abs(dTerm);
                }
                // ~2L ulp per term from the base (1 − (γ/L)s here, 1 − γs/L there) plus the different summation
                // order of the grid (blocks, atom added last): ~√n ulp of Σ|terms| for n grid points
                double tol = (4.0 * l + 16 + 2 * Math.sqrt(s.length)) * Math.ulp(1.0);
                String at = "L " + l + " gamma " + gamma;
                assertTrue(Math.abs(d.loss(gamma, depth) - loss) <= tol * scale,
                        at + ": " + d.loss(gamma, depth) + " vs former " + loss);
                assertTrue(Math.abs(d.lossDerivative(gamma, depth) - derivative) <= tol * dScale,
                        at + ": derivative " + d.lossDerivative(gamma, depth) + " vs former " + derivative);
                checked++;
            }
        }
        assertTrue(checked == 45);
    }
}
