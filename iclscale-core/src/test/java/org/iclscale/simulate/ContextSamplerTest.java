package org.iclscale.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.iclscale.core.Setting;
import org.iclscale.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/** Context distributions of the three settings (paper §2.4). */
class ContextSamplerTest {

    @Test
    void haarRotationIsOrthogonalAndUnbiased() {
        int d = 6;
        SplittableRandom rng = new SplittableRandom(3);
        double[] mean = new double[d * d];
        int draws = 4000;
        for (int n = 0; n < draws; n++) {
            double[] o = ContextSampler.haar(rng, d);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double s = 0;
                    for (int k = 0; k < d; k++) {
                        s += o[i * d + k] * o[j * d + k];
                    }
                    assertEquals(i == j ? 1 : 0, s, 1e-12);
                }
            }
            for (int i = 0; i < d * d; i++) {
                mean[i] += o[i] / draws;
            }
        }
        // Haar: E[O] = 0 (a plain QR without the sign fix has E[O_11] > 0); each entry has variance 1/d
        double se = Math.sqrt(1.0 / d / draws);
        for (double m : mean) {
            assertEquals(0, m, 4.5 * se);
        }
    }

    /** The exact query loss equals the average squared error of many sampled queries, in every setting. */
    @Test
    void exactQueryLossMatchesSampledQueries() {
        int d = 5;
        Spectrum spec = Spectrum.powerLaw(1.5, 0.8, d);
        for (Setting s : Setting.values()) {
            ContextSampler smp = new ContextSampler(s, d, 4, 20000, 0.3, s == Setting.ISO ? null : spec);
            ContextSampler.Context c = smp.sample(new SplittableRandom(8));
            double[] w = {0.3, -0.2, 0.1, 0.4, 0.0};
            double[] f = Kernels.multiply(c.xq(), 20000, d, w);
            double sum = 0;
            double sum2 = 0;
            for (int i = 0; i < 20000; i++) {
                double e = (f[i] - c.yq()[i]) * (f[i] - c.yq()[i]);
                sum += e;
                sum2 += e * e;
            }
            double mean = sum / 20000;
            double se = Math.sqrt((sum2 / 20000 - mean * mean) / 20000);
            assertEquals(smp.queryLoss(c, w), mean, 4.5 * se, s.cliName());
        }
    }

    /** FS/RRS tasks carry the normalised spectrum: E|w⋆|²_Σ = Σ_k λ_kω_k = 1 (loss at Γ = 0 is 1 + σ²). */
    @Test
    void lossAtZeroIsOnePlusNoise() {
        int d = 8;
        Spectrum spec = Spectrum.powerLaw(1.25, 1.0, d);
        for (Setting s : new Setting[] {Setting.FS, Setting.RRS}) {
            ContextSampler smp = new ContextSampler(s, d, 4, 1, 0.5, spec);
            SplittableRandom rng = new SplittableRandom(1);
            double mean = 0;
            for (int n = 0; n < 200; n++) {
                mean += smp.queryLoss(smp.sample(rng), new double[d]) / 200;
            }
            // random signs: |w⋆|²_Σ is exactly Σ p_k = 1 for every draw
            assertEquals(1.25, mean, 1e-12, s.cliName());
        }
    }
}
