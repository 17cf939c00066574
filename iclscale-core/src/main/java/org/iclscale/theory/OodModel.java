package org.iclscale.theory;

import java.util.SplittableRandom;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.iclscale.spectrum.Spectrum;

/**
 * FS out-of-distribution brittleness (paper Result 5, Fig. 3c, notes §3.3). The model trained at α = ∞ to the
 * Result 3 optimum Γ = LΣ^{−1} (Σ = Λ, Ω = diag ω in the eigenbasis) is tested on Σ′ = e^{θS}Σe^{−θS},
 * Ω′ = e^{θS}Ωe^{−θS} (tasks rotate with the covariates):
 * <pre>
 *   𝓛_OOD = σ² + tr Ω′[(I − Σ^{−1}Σ′)^L]ᵀ Σ′ (I − Σ^{−1}Σ′)^L
 *         = σ² + Σ_j κ_j(1 − κ_j)^{2L} (VᵀΛ^{1/2}Ω′Λ^{1/2}V)_jj,     K = Λ^{−1/2}Σ′Λ^{−1/2} = V diag(κ) Vᵀ
 * </pre>
 * (Λ^{−1}Σ′ is similar to the symmetric K, so the spectral radius ρ = max_j |1 − κ_j| is real: depth helps
 * while the learned modes have |1 − κ| &lt; 1 and hurts once ρ &gt; 1 — the depth crossover of notes §3.3).
 * S = (G − Gᵀ)/(2√D) with G a seeded standard Gaussian matrix (the normalisation of the third-party port's
 * {@code ood_loss_fixed_covariance}); e^{θS} by Hipparchus {@link MatrixUtils#matrixExponential}
 * (Padé with scaling and squaring), validated in tests (orthogonality, e^{θS}e^{−θS} = I, 2×2 closed form).
 */
public final class OodModel {

    private final double[] lambda;
    private final double[] omega;
    private final RealMatrix skew;
    private final double sigma;

    public OodModel(Spectrum spectrum, long seed, double sigma) {
        this.lambda = spectrum.lambda();
        this.omega = spectrum.omega();
        this.skew = randomSkew(lambda.length, seed);
        this.sigma = sigma;
    }

    /** S = (G − Gᵀ)/(2√D), G_ij ~ N(0, 1) from a seeded generator. */
    public static RealMatrix randomSkew(int dim, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] g = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                g[i][j] = gaussian(rng);
            }
        }
        double[][] s = new double[dim][dim];
        double scale = 1 / (2 * Math.sqrt(dim));
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                s[i][j] = (g[i][j] - g[j][i]) * scale;
            }
        }
        return MatrixUtils.createRealMatrix(s);
    }

    public RealMatrix skew() {
        return skew.copy();
    }

    /** e^{θS}. */
    public RealMatrix rotation(double theta) {
        return MatrixUtils.matrixExponential(skew.scalarMultiply(theta));
    }

    /** OOD loss and spectral radius of I − Σ^{−1}Σ′ at one angle for several depths. */
    public record Point(double theta, int[] depths, double[] loss, double spectralRadius) {
    }

    public Point evaluate(double theta, int[] depths) {
        return at(theta, rotation(theta), depths);
    }

    /**
     * The points θ_k = step·k, k = 1 … points, with e^{θ_k S} = e^{(θ_{k−1})S}·e^{step·S}: one matrix product per
     * angle instead of a Padé exponential (Fig. 3c's 26 angles; the losses equal {@link #evaluate}'s to
     * rounding, OodModelTest).
     */
    public Point[] evaluateGrid(double step, int points, int[] depths) {
        Point[] out = new Point[points];
        RealMatrix unit = rotation(step);
        RealMatrix r = unit;
        for (int k = 1; k <= points; k++) {
            out[k - 1] = at(step * k, r, depths);
            if (k < points) {
                r = r.multiply(unit);
            }
        }
        return out;
    }

    /** R·diag(d), as R times the diagonal matrix (the same doubles) without its D³ products by zeros. */
    private static RealMatrix timesDiagonal(RealMatrix r, double[] d) {
        RealMatrix out = r.copy();
        for (int i = 0; i < d.length; i++) {
            for (int j = 0; j < d.length; j++) {
                out.multiplyEntry(i, j, d[j]);
            }
        }
        return out;
    }

    private Point at(double theta, RealMatrix r, int[] depths) {
        int dim = lambda.length;
        RealMatrix sigmaPrime = timesDiagonal(r, lambda).multiplyTransposed(r);
        RealMatrix omegaPrime = timesDiagonal(r, omega).multiplyTransposed(r);
        double[][] k = new double[dim][dim];
        double[][] b = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                double si = Math.sqrt(lambda[i]);
                double sj = Math.sqrt(lambda[j]);
                // K - I = Lambda^-1/2 (Sigma' - Lambda) Lambda^-1/2: the shift is formed before the scaling, so
                // theta = 0 (Sigma' = Lambda exactly) gives 1 - kappa = 0 exactly, not a rounding residue ~1e-16
                // whose (2L)-th power was printed as a loss of 1e-33 (issue 18)
                k[i][j] = (sigmaPrime.getEntry(i, j) - (i == j ? lambda[i] : 0)) / (si * sj);
                b[i][j] = omegaPrime.getEntry(i, j) * si * sj;
            }
        }
        // symmetrise against rounding before the symmetric eigensolver
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (k[i][j] + k[j][i]);
                k[i][j] = m;
                k[j][i] = m;
            }
        }
        // scaled to unit size before the eigensolver: at theta = 1e-300 its entries would underflow to NaN
        double scale = 0;
        for (double[] row : k) {
            for (double x : row) {
                scale = Math.max(scale, Math.abs(x));
            }
        }
        double unit = scale > 0 ? scale : 1;
        for (double[] row : k) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= unit;
            }
        }
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(k));
        double[] shift = eig.getEigenvalues(); // mu_j = kappa_j - 1
        for (int j = 0; j < shift.length; j++) {
            shift[j] *= unit;
        }
        RealMatrix v = eig.getV();
        RealMatrix vbv = v.transposeMultiply(MatrixUtils.createRealMatrix(b)).multiply(v);
        double rho = 0;
        for (double mu : shift) {
            rho = Math.max(rho, Math.abs(mu));
        }
        double[] loss = new double[depths.length];
        for (int d = 0; d < depths.length; d++) {
            double s = 0;
            for (int j = 0; j < dim; j++) {
                s += (1 + shift[j]) * SpectralSums.ipow(-shift[j], 2L * depths[d]) * vbv.getEntry(j, j);
            }
            loss[d] = sigma * sigma + s;
        }
        return new Point(theta, depths.clone(), loss, rho);
    }

    /**
     * The angle in (lo, hi] where depths a and b give equal OOD loss (bisection on the sign of 𝓛_a − 𝓛_b to 1e-8),
     * or NaN when the sign does not change on [lo, hi].
     */
    public double crossover(int a, int b, double lo, double hi) {
        double fLo = diff(lo, a, b);
        double fHi = diff(hi, a, b);
        if (!(fLo * fHi < 0)) {
            return Double.NaN;
        }
        double x0 = lo;
        double x1 = hi;
        for (int i = 0; i < 200 && x1 - x0 > 1e-8; i++) {
            double mid = 0.5 * (x0 + x1);
            double fm = diff(mid, a, b);
            if (fm * fLo > 0) {
                x0 = mid;
                fLo = fm;
            } else {
                x1 = mid;
            }
        }
        return 0.5 * (x0 + x1);
    }

    private double diff(double theta, int a, int b) {
        double[] l = evaluate(theta, new int[] {a, b}).loss();
        return l[0] - l[1];
    }

    static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }
}
