package org.iclscale.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.iclscale.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/** Result 5 (OOD brittleness of Γ = LΣ^{−1}) and the matrix exponential behind it. */
class OodModelTest {

    private static final Spectrum FIG3 = Spectrum.powerLaw(1.25, 1.25, 128);

    @Test
    void matrixExponentialIsARotation() {
        OodModel m = new OodModel(Spectrum.powerLaw(1.5, 1, 40), 7, 0);
        RealMatrix s = m.skew();
        assertEquals(0, s.add(s.transpose()).getNorm1(), 0);
        for (double theta : new double[] {0.01, 0.3, 2.0, 10.0}) {
            RealMatrix r = m.rotation(theta);
            RealMatrix id = MatrixUtils.createRealIdentityMatrix(40);
            assertTrue(r.multiplyTransposed(r).subtract(id).getNorm1() < 1e-12, "R R^T = I at theta " + theta);
            RealMatrix back = MatrixUtils.matrixExponential(s.scalarMultiply(-theta));
            assertTrue(r.multiply(back).subtract(id).getNorm1() < 1e-12, "e^{tS} e^{-tS} = I");
            assertEquals(1.0, new LUDecomposition(r).getDeterminant(), 1e-10);
        }
        // 2x2 closed form e^{θ[[0,−1],[1,0]]} = [[cos, −sin], [sin, cos]]
        RealMatrix j = MatrixUtils.createRealMatrix(new double[][] {{0, -1}, {1, 0}});
        RealMatrix e = MatrixUtils.matrixExponential(j.scalarMultiply(0.7));
        assertEquals(Math.cos(0.7), e.getEntry(0, 0), 1e-15);
        assertEquals(-Math.sin(0.7), e.getEntry(0, 1), 1e-15);
        assertEquals(Math.sin(0.7), e.getEntry(1, 0), 1e-15);
    }

    /** Eigen route vs explicit matrix powers tr Ω′[(I − Σ^{−1}Σ′)^L]ᵀΣ′(I − Σ^{−1}Σ′)^L; zero at θ = 0. */
    @Test
    void eigenRouteEqualsMatrixPowers() {
        Spectrum s = Spectrum.powerLaw(1.25, 1.25, 24);
        OodModel m = new OodModel(s, 11, 0.1);
        int[] depths = {1, 2, 3, 8};
        for (double theta : new double[] {0, 0.05, 0.2, 0.6}) {
            OodModel.Point p = m.evaluate(theta, depths);
            RealMatrix r = m.rotation(theta);
            RealMatrix sigmaPrime = r.multiply(MatrixUtils.createRealDiagonalMatrix(s.lambda())).multiplyTransposed(r);
            RealMatrix omegaPrime = r.multiply(MatrixUtils.createRealDiagonalMatrix(s.omega())).multiplyTransposed(r);
            for (int i = 0; i < depths.length; i++) {
                double[] inv = new double[s.dim()];
                for (int k = 0; k < inv.length; k++) {
                    inv[k] = depths[i] / s.lambdaAt(k);
                }
                double direct = FsModelTest.matrixLoss(MatrixUtils.createRealDiagonalMatrix(inv), sigmaPrime, omegaPrime,
                        depths[i]);
                assertEquals(0.01 + direct, p.loss()[i], 1e-10 * Math.max(1, direct), "theta " + theta + " L " + depths[i]);
            }
            if (theta == 0) {
                for (double l : p.loss()) {
                    assertEquals(0.01, l, 1e-17);
                }
                assertEquals(0, p.spectralRadius(), 1e-12);
            }
        }
    }

    /**
     * notes §3.3: the OOD loss rises with θ at every depth; for small θ deeper is better, beyond a crossover
     * (notes: θ ≈ 0.068 for the figure's draw of S) deeper is much worse; the crossover sits where the spectral
     * radius of I − Σ^{−1}Σ′ passes 1.
     */
    @Test
    void depthCrossover() {
        OodModel m = new OodModel(FIG3, 1, 0);
        int[] depths = {1, 2, 4, 8};
        OodModel.Point small = m.evaluate(0.01, depths);
        OodModel.Point large = m.evaluate(0.25, depths);
        for (int i = 1; i < depths.length; i++) {
            assertTrue(small.loss()[i] < small.loss()[i - 1], "small theta: deeper is better");
            assertTrue(large.loss()[i] > large.loss()[i - 1], "large theta: deeper is worse");
        }
        assertTrue(small.spectralRadius() < 1 && large.spectralRadius() > 1);
        double previous = 0;
        for (double theta : new double[] {0.01, 0.03, 0.1, 0.3}) {
            double l = m.evaluate(theta, new int[] {2}).loss()[0];
            assertTrue(l > previous, "rises with theta");
            previous = l;
        }
        double cross = m.crossover(1, 8, 0.01, 0.25);
        assertTrue(cross > 0.02 && cross < 0.15, "crossover " + cross);
        double[] at = m.evaluate(cross, new int[] {1, 8}).loss();
        assertEquals(at[0], at[1], 1e-5 * at[0]);
    }

    /**
     * Fig. 3c's grid: rotations as powers of e^{0.01 S} (one product per angle) against the Padé exponential of each
     * θS (the former route), D = 128, θ = 0.01 … 0.26, L = 1, 2, 4, 8: the losses agree to {@link #GRID_AGREEMENT}
     * relative (measured: 1.9e-13 at L = 8, the 16th power of 1 − κ amplifying the rotations' rounding), the
     * spectral radii to {@link #GRID_AGREEMENT} as well (measured 1.1e-14).
     */
    @Test
    void gridOfPowersEqualsTheExponentials() {
        OodModel m = new OodModel(FIG3, 1, 0);
        int[] depths = {1, 2, 4, 8};
        OodModel.Point[] grid = m.evaluateGrid(0.01, 26, depths);
        for (int k = 1; k <= 26; k++) {
            OodModel.Point g = grid[k - 1];
            assertEquals(0.01 * k, g.theta(), 0.0);
            OodModel.Point p = m.evaluate(0.01 * k, depths);
            assertEquals(p.spectralRadius(), g.spectralRadius(), GRID_AGREEMENT * p.spectralRadius(), "radius at " + k);
            for (int i = 0; i < depths.length; i++) {
                assertEquals(p.loss()[i], g.loss()[i], GRID_AGREEMENT * p.loss()[i], "theta " + 0.01 * k + " L " + depths[i]);
            }
        }
    }

    /** Relative agreement of {@link OodModel#evaluateGrid} with {@link OodModel#evaluate} at D = 128. */
    private static final double GRID_AGREEMENT = 2e-12;
}
