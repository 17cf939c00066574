package org.iclscale.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.iclscale.core.Depth;
import org.iclscale.spectrum.PowerLawContinuum;
import org.junit.jupiter.api.Test;

/**
 * The RRS continuum's loss and derivative, summed by their head kernels, give the doubles of the former per-mode
 * lambdas 𝓛 = σ² + Σ p_k(1 − γλ_k/L)^{2L} (L = ∞: e^{−2γλ_k}), 𝓛' = −2Σ p_kλ_k(1 − γλ_k/L)^{2L−1} (L = ∞:
 * λ_k e^{−2γλ_k}), at cutoffs inside and beyond the head cache.
 */
class RrsContinuumKernelTest {

    @Test
    void kernelsGiveTheFormerLambdasDoubles() {
        double nu = 1.5;
        PowerLawContinuum law = new PowerLawContinuum(nu, 0.8);
        double sigma = 0.3;
        for (int steps : new int[] {1, 8, 1000}) {
            RrsContinuum rrs = new RrsContinuum(law, Depth.of(steps), sigma);
            for (double gamma : new double[] {0.5, 700, 1.3e5, 0.9 * steps}) {
                int k = PowerLawContinuum.cutoffFor(2 * gamma, nu);
                double loss = sigma * sigma + law.sum((l, p) -> SpectralSums.ipow(1 - gamma * l / steps, 2L * steps), 1, k);
                double slope = -2 * law.sum((l, p) -> l * SpectralSums.ipow(1 - gamma * l / steps, 2L * steps - 1), 0, k);
                assertEquals(loss, rrs.loss(gamma), "loss, L = " + steps + ", gamma = " + gamma);
                assertEquals(slope, rrs.lossDerivative(gamma), "derivative, L = " + steps + ", gamma = " + gamma);
            }
        }
        RrsContinuum deep = new RrsContinuum(law, Depth.INFINITE, sigma);
        for (double gamma : new double[] {0.5, 700, 1.3e5, 5.2e5}) {
            int k = PowerLawContinuum.cutoffFor(2 * gamma, nu);
            assertEquals(sigma * sigma + law.sum((l, p) -> Math.exp(-2 * gamma * l), 1, k), deep.loss(gamma), "L = inf loss");
            assertEquals(-2 * law.sum((l, p) -> l * Math.exp(-2 * gamma * l), 0, k), deep.lossDerivative(gamma),
                    "L = inf derivative");
        }
    }
}
