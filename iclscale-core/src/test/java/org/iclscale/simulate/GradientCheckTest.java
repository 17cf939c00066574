package org.iclscale.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.iclscale.core.Setting;
import org.iclscale.spectrum.Spectrum;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-derived backprop of both trainers against central finite differences of the per-context loss. */
class GradientCheckTest {

    private static ContextSampler sampler(String setting, int d, int p, int k, double sigma) {
        Setting s = Setting.parse(setting);
        Spectrum spec = s == Setting.ISO ? null : Spectrum.powerLaw(1.5, 0.8, d);
        return new ContextSampler(s, d, p, k, sigma, spec);
    }

    @ParameterizedTest
    @CsvSource({"iso,1,false", "iso,3,false", "iso,3,true", "rrs,2,true", "fs,2,false"})
    void fullAttentionGradientMatchesFiniteDifferences(String setting, int depth, boolean untied) {
        ContextSampler smp = sampler(setting, 3, 5, 3, 0.3);
        FullAttentionTrainer t = new FullAttentionTrainer(smp, depth, untied, true, 0.1, 1, 0.5, 7, 2);
        t.randomize(new SplittableRandom(11 + depth), 1.5);
        ContextSampler.Context c = smp.sample(new SplittableRandom(5));
        double[][] grad = t.zeroGradient();
        double loss = t.lossAndGradient(c, grad);
        double[][] params = t.allParameters();
        double h = 1e-4;
        int checked = 0;
        double maxGrad = 0;
        for (int p = 0; p < params.length; p++) {
            for (int i = 0; i < params[p].length; i++) {
                double old = params[p][i];
                double[] f = new double[4];
                double[] offsets = {h, -h, 2 * h, -2 * h};
                for (int o = 0; o < 4; o++) {
                    params[p][i] = old + offsets[o];
                    f[o] = t.lossAndGradient(c, t.zeroGradient());
                }
                params[p][i] = old;
                // fourth-order central difference (truncation O(h^4))
                double fd = (8 * (f[0] - f[1]) - (f[2] - f[3])) / (12 * h);
                assertEquals(fd, grad[p][i], 1e-6 * (1 + Math.abs(fd)), "tensor " + p + " entry " + i);
                maxGrad = Math.max(maxGrad, Math.abs(fd));
                checked++;
            }
        }
        assertEquals(loss, t.lossAndGradient(c, t.zeroGradient()), 0.0);
        assertTrue(maxGrad > 1e-3, "the check must see nonzero gradients");
        assertTrue(checked > 3 * 16, "checked " + checked);
    }

    @ParameterizedTest
    @CsvSource({"iso,1,false", "iso,4,false", "iso,3,true", "rrs,2,false", "fs,3,true"})
    void reducedGradientMatchesFiniteDifferences(String setting, int depth, boolean untied) {
        int d = 4;
        ContextSampler smp = sampler(setting, d, 6, 5, 0.2);
        ReducedModelTrainer t = new ReducedModelTrainer(smp, depth, untied, 0.1, 1, 0.0, 3, 2);
        SplittableRandom rng = new SplittableRandom(21);
        int groups = untied ? depth : 1;
        for (int g = 0; g < groups; g++) {
            double[] gam = new double[d * d];
            for (int i = 0; i < gam.length; i++) {
                gam[i] = 0.4 * rng.nextGaussian() + (i % (d + 1) == 0 ? 0.7 : 0);
            }
            t.setGamma(g, gam);
        }
        ContextSampler.Context c = smp.sample(new SplittableRandom(9));
        double[][] us = new double[depth][d];
        double[][] gs = new double[depth][d];
        t.lossAndGradient(c, us, gs);
        double h = 1e-6;
        for (int g = 0; g < groups; g++) {
            double[] gam = t.gamma(g);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double analytic = 0;
                    for (int l = 0; l < depth; l++) {
                        if (!untied || l == g) {
                            analytic += gs[l][i] * us[l][j];
                        }
                    }
                    double old = gam[i * d + j];
                    gam[i * d + j] = old + h;
                    t.setGamma(g, gam);
                    double up = t.lossAndGradient(c, new double[depth][d], new double[depth][d]);
                    gam[i * d + j] = old - h;
                    t.setGamma(g, gam);
                    double down = t.lossAndGradient(c, new double[depth][d], new double[depth][d]);
                    gam[i * d + j] = old;
                    t.setGamma(g, gam);
                    double fd = (up - down) / (2 * h);
                    assertEquals(fd, analytic, 1e-6 * (1 + Math.abs(fd)), "layer " + g + " (" + i + "," + j + ")");
                }
            }
        }
    }
}
