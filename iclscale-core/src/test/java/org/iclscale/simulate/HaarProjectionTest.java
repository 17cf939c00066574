package org.iclscale.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.core.Setting;
import org.iclscale.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/**
 * The projection G(GᵀG)⁻¹Gᵀ against UUᵀ of the former twice-applied Gram–Schmidt frame
 * ({@link StructuredSimulator#haarFrame}) on the same Gaussians, and {@link StructuredSimulator}'s trials against
 * the former simulator kept verbatim ({@link LegacyStructuredSimulator}): both project onto the column span of the
 * same G, so they differ by rounding alone.
 */
class HaarProjectionTest {

    /** |Qv − UUᵀv| / |v| of the two routes on random v (measured: ≤ 1.4e-15 at N ≤ D/2, 7.0e-13 at
     * D = 64, N = 63 and 2.6e-12 at D = 256, N = 255, as cond(G)²·1e-16). */
    private static final double PROJECTION_AGREEMENT = 1e-10;
    /** Relative difference of one trial's query loss between the two routes (measured: ≤ 1.1e-15 at N ≤ D/2,
     * 5.0e-12 at D = 256, N = 255). */
    private static final double TRIAL_AGREEMENT = 1e-10;

    private static final int[][] SIZES = {{5, 1}, {5, 4}, {20, 5}, {60, 15}, {64, 63}, {200, 50}, {256, 128},
        {256, 255}};

    @Test
    void projectionIsTheFormerGramSchmidtProjectionUpToRounding() {
        for (int[] s : SIZES) {
            int d = s[0];
            int n = s[1];
            for (int t = 0; t < 5; t++) {
                double[] u = StructuredSimulator.haarFrame(Seeds.forTrial(11, t), d, n);
                HaarProjection q = HaarProjection.sample(Seeds.forTrial(11, t), d, n);
                assertTrue(q.viaCholesky(), "D = " + d + ", N = " + n + ", draw " + t);
                java.util.SplittableRandom rng = Seeds.forTrial(12, t);
                double[] v = new double[d];
                for (int k = 0; k < d; k++) {
                    v[k] = rng.nextGaussian();
                }
                double[] expected = gramSchmidtProjection(u, d, n, v);
                double[] actual = v.clone();
                q.apply(actual);
                assertEquals(0, distance(expected, actual) / norm(v), PROJECTION_AGREEMENT,
                        "D = " + d + ", N = " + n + ", draw " + t);
                double[] twice = actual.clone();
                q.apply(twice); // Q² = Q
                assertEquals(0, distance(twice, actual) / norm(v), PROJECTION_AGREEMENT);
            }
        }
    }

    /** Two nearly parallel columns (squared sine ≈ 1e-12 &lt; MIN_PIVOT_RATIO): the Gram–Schmidt frame instead. */
    @Test
    void nearlyDependentColumnsFallBackToGramSchmidt() {
        int d = 12;
        int n = 3;
        double[] g = new double[d * n];
        java.util.SplittableRandom rng = Seeds.forTrial(5, 0);
        for (int k = 0; k < d; k++) {
            g[k * n] = rng.nextGaussian();
            g[k * n + 1] = g[k * n] + 1e-6 * rng.nextGaussian();
            g[k * n + 2] = rng.nextGaussian();
        }
        double[] columns = new double[d * n];
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < n; j++) {
                columns[j * d + k] = g[k * n + j];
            }
        }
        StructuredSimulator.gramSchmidtTwice(columns, d, n);
        HaarProjection q = HaarProjection.of(g, d, n);
        assertFalse(q.viaCholesky());
        double[] v = new double[d];
        for (int k = 0; k < d; k++) {
            v[k] = rng.nextGaussian();
        }
        double[] expected = gramSchmidtProjection(columns, d, n, v);
        q.apply(v);
        assertEquals(0, distance(expected, v), PROJECTION_AGREEMENT, "the fallback projects with the Gram-Schmidt frame");
    }

    @Test
    void trialsEqualTheFormerSimulatorsUpToRounding() {
        Spectrum s200 = Spectrum.powerLaw(1.25, 0.75, 200);
        Spectrum s64 = Spectrum.powerLaw(1.25, 0.75, 64);
        Spectrum s30 = Spectrum.powerLaw(1.5, 0.8, 30);
        Object[][] cases = {
            {s200, Setting.RRS, 50, 1.0, 2, 3.0, 0.0},
            {s64, Setting.RRS, 16, 2.0, 4, 3.0, 0.5},
            {s64, Setting.RRS, 63, 1.0, 3, 2.0, 0.1},
            {Spectrum.powerLaw(1.25, 0.75, 256), Setting.RRS, 255, 1.0, 2, 3.0, 0.0},
            {s64, Setting.RRS, 16, Double.POSITIVE_INFINITY, 4, 24.0, 0.0},
            {s30, Setting.RRS, Integer.MAX_VALUE, 1.5, 2, 1.0, 0.1},
            {s30, Setting.FS, Integer.MAX_VALUE, 1.0, 4, 2.0, 0.0},
        };
        for (Object[] c : cases) {
            Spectrum spectrum = (Spectrum) c[0];
            Setting setting = (Setting) c[1];
            int width = (Integer) c[2];
            double alpha = (Double) c[3];
            int depth = (Integer) c[4];
            double gamma = (Double) c[5];
            double sigma = (Double) c[6];
            StructuredSimulator now = new StructuredSimulator(spectrum, setting, width, alpha, depth, gamma, sigma);
            LegacyStructuredSimulator former = new LegacyStructuredSimulator(spectrum, setting, width, alpha, depth, gamma,
                    sigma);
            for (int t = 0; t < 20; t++) {
                double a = now.trial(Seeds.forTrial(3, t));
                double b = former.trial(Seeds.forTrial(3, t));
                assertEquals(b, a, TRIAL_AGREEMENT * Math.abs(b), setting + " N = " + width + ", alpha = " + alpha
                        + ", trial " + t);
            }
        }
    }

    /** UUᵀv for the column-major frame u, as the former simulator's projection. */
    private static double[] gramSchmidtProjection(double[] u, int d, int n, double[] v) {
        double[] out = new double[d];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                s += u[j * d + k] * v[k];
            }
            for (int k = 0; k < d; k++) {
                out[k] += s * u[j * d + k];
            }
        }
        return out;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return Math.sqrt(s);
    }

    private static double norm(double[] a) {
        return distance(a, new double[a.length]);
    }
}
