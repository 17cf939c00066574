package org.iclscale.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.iclscale.core.Depth;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Setting;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.IsoModel;
import org.iclscale.theory.RrsModel;
import org.junit.jupiter.api.Test;

class StructuredSimulatorTest {

    @Test
    void haarFrameIsOrthonormal() {
        int d = 60;
        int n = 15;
        double[] u = StructuredSimulator.haarFrame(Seeds.forTrial(3, 0), d, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int k = 0; k < d; k++) {
                    dot += u[i * d + k] * u[j * d + k];
                }
                assertEquals(i == j ? 1 : 0, dot, 1e-13);
            }
        }
    }

    /** Haar: E[Q] = (N/D) I, checked on the diagonal average over draws. */
    @Test
    void projectionIsIsotropicOnAverage() {
        int d = 20;
        int n = 5;
        double[] diag = new double[d];
        int draws = 4000;
        for (int t = 0; t < draws; t++) {
            double[] u = StructuredSimulator.haarFrame(Seeds.forTrial(9, t), d, n);
            for (int k = 0; k < d; k++) {
                for (int j = 0; j < n; j++) {
                    diag[k] += u[j * d + k] * u[j * d + k] / draws;
                }
            }
        }
        for (double v : diag) {
            assertEquals(0.25, v, 0.02);
        }
    }

    /** P = ∞, N = D: E loss = Σ p_k (1 − cλ_k)^{2L} (Result 6, exact sum). */
    @Test
    void infiniteContextFullWidthMatchesExactSum() {
        Spectrum s = Spectrum.powerLaw(1.5, 0.8, 64);
        MonteCarloResult mc = new StructuredSimulator(s, Setting.FS, Integer.MAX_VALUE, Double.POSITIVE_INFINITY, 4, 5,
                0).run(2000, 5);
        double exact = new RrsModel(s, Depth.of(4), 0).loss(5);
        assertEquals(exact, mc.loss(), 4 * mc.standardError());
    }

    /** Λ = I, ω = 1/D: FS simulation against the exact ISO loss (with noise). */
    @Test
    void isotropicSpectrumMatchesIsoModel() {
        int d = 40;
        double[] ones = new double[d];
        double[] om = new double[d];
        Arrays.fill(ones, 1);
        Arrays.fill(om, 1.0 / d);
        Spectrum s = Spectrum.of(ones, om, "identity");
        MonteCarloResult mc = new StructuredSimulator(s, Setting.FS, Integer.MAX_VALUE, 2, 2, 1.2, 0.5).run(2000, 7);
        double iso = new IsoModel(2, Depth.of(2), 0.5).loss(1.2);
        // finite-D correction O(1/D) of the MP limit, besides 4 standard errors
        assertEquals(iso, mc.loss(), 4 * mc.standardError() + 0.01 * iso);
    }

    @Test
    void reproducibleAndValidated() {
        Spectrum s = Spectrum.powerLaw(1.25, 0.75, 30);
        StructuredSimulator sim = new StructuredSimulator(s, Setting.RRS, 8, 1.5, 2, 1, 0.1);
        assertEquals(sim.run(20, 42).loss(), sim.run(20, 42).loss(), 0.0);
        assertEquals(45, sim.contextLength());
        assertThrows(InvalidInputException.class,
                () -> new StructuredSimulator(s, Setting.FS, 8, 1, 1, 1, 0));
        assertThrows(InvalidInputException.class,
                () -> new StructuredSimulator(s, Setting.ISO, 30, 1, 1, 1, 0));
    }
}
