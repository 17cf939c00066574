package org.iclscale.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.iclscale.core.Depth;
import org.iclscale.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/** FS at α = ∞ (Results 3, 4; notes §3.3, §6 Fig. 3). */
class FsModelTest {

    private static final Spectrum FIG3 = Spectrum.powerLaw(1.25, 1.25, 128);

    /**
     * notes §6 Fig. 3 reference L = ∞ curve (D = 128, ν = β = 1.25, Σp = 1, App. D factor-4 convention):
     * 𝓛(0, 1, 10, ..., 10⁵) = 1, 0.41805, 0.19891, 0.09760, 0.04782, 0.02337, 0.01136.
     */
    @Test
    void figure3ReferenceCurve() {
        double[] expected = {1, 0.41805, 0.19891, 0.09760, 0.04782, 0.02337, 0.01136};
        FsModel appD = new FsModel(FIG3, Depth.INFINITE, 0, TimeConvention.APPENDIX_D);
        FsModel half = new FsModel(FIG3, Depth.INFINITE, 0, TimeConvention.HALF);
        for (int i = 0; i < expected.length; i++) {
            double t = i == 0 ? 0 : Math.pow(10, i - 1);
            assertEquals(expected[i], appD.loss(t), 6e-6, "t = " + t);
            // the ½ convention is the same flow at twice the time
            assertEquals(appD.loss(t), half.loss(2 * t), 1e-15);
            // loss through the closed-form γ_k: Σ p_k e^{−2λ_kγ_k}
            double[] g = new double[FIG3.dim()];
            for (int k = 0; k < g.length; k++) {
                g[k] = appD.gamma(k, t);
            }
            assertEquals(appD.loss(t), appD.loss(g), 1e-14);
        }
        // γ_1(1) = ln(1 + 4ω_1λ_1³)/(2λ_1) ≈ 0.456 (notes §6, the port's η = 0.5 absorbed into t)
        assertEquals(Math.log1p(4 * FIG3.omegaAt(0)) / 2, appD.gamma(0, 1), 1e-15);
    }

    /** The exact separable solution equals the vectorised Dormand–Prince integration of the D-mode ODE. */
    @Test
    void closedFormEqualsOde() {
        double[] t = {0.5, 3, 40, 700, 1e4};
        int[] modes = {0, 1, 3, 7, 15, 63, 127};
        for (Depth d : new Depth[] {Depth.of(1), Depth.of(2), Depth.of(4), Depth.of(9), Depth.INFINITE}) {
            for (TimeConvention c : TimeConvention.values()) {
                FsModel m = new FsModel(FIG3, d, 0, c);
                FsModel.Trajectory exact = m.trajectory(t, modes);
                FsModel.Trajectory ode = m.integrateOde(t, modes);
                assertTrue(ode.evaluations() > 0);
                for (int i = 0; i < t.length; i++) {
                    assertEquals(exact.loss()[i], ode.loss()[i], 1e-9 * exact.loss()[i], "loss L=" + d + " t=" + t[i]);
                    for (int j = 0; j < modes.length; j++) {
                        double e = exact.modeGamma()[j][i];
                        assertEquals(e, ode.modeGamma()[j][i], 1e-9 * Math.max(1e-3, e),
                                "gamma_" + (modes[j] + 1) + " L=" + d + " t=" + t[i]);
                    }
                }
            }
        }
    }

    /** Finite-L γ_k(t) approaches the L = ∞ closed form ln(1 + 2gω_kλ_k³t)/(2λ_k) at rate O(1/L). */
    @Test
    void finiteDepthApproachesClosedForm() {
        FsModel inf = new FsModel(FIG3, Depth.INFINITE, 0, TimeConvention.APPENDIX_D);
        double previous = Double.POSITIVE_INFINITY;
        for (int l : new int[] {4, 16, 64, 256, 1024}) {
            FsModel m = new FsModel(FIG3, Depth.of(l), 0, TimeConvention.APPENDIX_D);
            double worst = 0;
            for (int k : new int[] {0, 1, 3, 7, 15}) {
                for (double t : new double[] {1, 100, 1e4}) {
                    worst = Math.max(worst, Math.abs(m.gamma(k, t) / inf.gamma(k, t) - 1));
                }
            }
            assertTrue(worst < previous / 3.5, "L = " + l + ": " + worst);
            previous = worst;
        }
        assertTrue(previous < 2e-3, "L = 1024: " + previous);
    }

    /** Result 3: Γ = LΣ^{−1} is the fixed point of the flow and gives zero loss at every depth. */
    @Test
    void zeroLossSolutionOfResult3() {
        for (int l : new int[] {1, 2, 5}) {
            FsModel m = new FsModel(FIG3, Depth.of(l), 0.2, TimeConvention.HALF);
            assertEquals(0.04, m.loss(m.zeroLossGamma()), 1e-15);
            // the flow tends to it: γ_1(t) → L/λ_1 for large t
            assertEquals(l / FIG3.lambdaAt(0), m.gamma(0, 1e80), 1e-6 * l); // slow approach: 1 − λγ/L ~ t^{−1/(2L−2)}
            assertTrue(m.gamma(0, 1e80) <= l / FIG3.lambdaAt(0));
        }
        // full-matrix route in a rotated basis: Σ = OΛOᵀ, Ω = OΩ₀Oᵀ, Γ = L·inverse(Σ) by LU,
        // loss tr Ω [(I − ΓΣ/L)^L]ᵀ Σ (I − ΓΣ/L)^L vanishes (to rounding), while Γ = γ*I does not
        int dim = 10;
        Spectrum s = Spectrum.powerLaw(1.5, 1, dim);
        RealMatrix q = new QRDecomposition(randomMatrix(dim, new SplittableRandom(3))).getQ();
        RealMatrix sigma = q.multiply(MatrixUtils.createRealDiagonalMatrix(s.lambda())).multiplyTransposed(q);
        RealMatrix omega = q.multiply(MatrixUtils.createRealDiagonalMatrix(s.omega())).multiplyTransposed(q);
        int l = 3;
        RealMatrix gamma = new LUDecomposition(sigma).getSolver().getInverse().scalarMultiply(l);
        double zero = matrixLoss(gamma, sigma, omega, l);
        assertTrue(Math.abs(zero) < 1e-20, "loss at L Sigma^-1: " + zero);
        RealMatrix iso = MatrixUtils.createRealIdentityMatrix(dim).scalarMultiply(2.0);
        double isoLoss = matrixLoss(iso, sigma, omega, l);
        assertEquals(new RrsModel(s, Depth.of(l), 0).loss(2.0), isoLoss, 1e-13);
        assertTrue(isoLoss > 0.01);
    }

    /** tr Ω Mᵀ Σ M, M = (I − ΓΣ/L)^L, by explicit matrix products. */
    static double matrixLoss(RealMatrix gamma, RealMatrix sigma, RealMatrix omega, int l) {
        int dim = sigma.getRowDimension();
        RealMatrix step = MatrixUtils.createRealIdentityMatrix(dim).subtract(gamma.multiply(sigma).scalarMultiply(1.0 / l));
        RealMatrix m = MatrixUtils.createRealIdentityMatrix(dim);
        for (int i = 0; i < l; i++) {
            m = step.multiply(m);
        }
        return omega.multiply(m.transpose()).multiply(sigma).multiply(m).getTrace();
    }

    static RealMatrix randomMatrix(int dim, SplittableRandom rng) {
        RealMatrix g = MatrixUtils.createRealMatrix(dim, dim);
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                g.setEntry(i, j, RrsModelTest.gaussian(rng));
            }
        }
        return g;
    }
}
