package org.iclscale.simulate;

import java.util.SplittableRandom;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.iclscale.core.Diagnostics;
import org.iclscale.core.InvalidInputException;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.LossEvaluation;

/**
 * The finite-D loss of the RRS model at width N &lt; D and P = ∞, averaged exactly over the task w⋆ and by
 * Monte Carlo over the frozen rank-N projection only (conditional Monte Carlo of {@link StructuredSimulator}'s P = ∞
 * branch). Given the projection Q = UUᵀ (U a Haar D×N frame, App. E), the L steps w ← w + (γ/L)QΛ(w⋆ − w) leave
 * the error e = −(I − (γ/L)QΛ)^L w⋆, and with M = Λ^{1/2}QΛ^{1/2}, Λ^{1/2}(I − cQΛ)^L = (I − cM)^LΛ^{1/2}:
 * <pre>  E_{w⋆}[loss | Q] = Σ_i w_i (1 − γμ_i/L)^{2L} + w₀,   w₀ = Σ_k p_k − Σ_i w_i,</pre>
 * over the N non-zero eigenvalues μ_i of M — those of the N×N matrix K = UᵀΛU, K y_i = μ_i y_i — with weights
 * w_i = y_iᵀUᵀ diag(λ_k p_k) U y_i / μ_i (p_k = λ_kω_k). The average over {@code draws} projections is then a mode
 * sum over N·draws pooled modes: smooth in γ (common projections for every γ), with an analytic derivative, so
 * flows and optima run on it as on any landscape, and its standard error is that of the projection draws alone
 * (never above the direct simulation's per draw: 0 at γ = 0, where all of the direct route's noise is the task draw,
 * and 0.85× near the optimum at D = 24, N = 6).
 *
 * <p>Label noise σ adds σ² and nothing else at P = ∞ (the in-context averages see no noise as P → ∞). This is the
 * landscape of {@code Method.MONTE_CARLO} at P = ∞, N &lt; D (org.iclscale.model.Landscapes).
 *
 * <p>Cost: O(draws·(D·N² + N³)) once, then O(draws·N) per γ.
 */
public final class ProjectionAverage implements GammaLandscape {

    private final int dim;
    private final int width;
    private final int depth;
    private final int draws;
    private final long seed;
    private final double sigma;
    private final double[] mu; // draws × N eigenvalues, row-major
    private final double[] weight; // draws × N weights
    private final double[] rest; // per draw: w₀
    private final double maxMu;

    /** The noiseless (σ = 0) projection average. */
    public ProjectionAverage(Spectrum spectrum, int width, int depth, int draws, long seed) {
        this(spectrum, width, depth, 0, draws, seed);
    }

    /**
     * @param width N, 1 ≤ N &lt; D
     * @param depth L ≥ 1
     * @param sigma label-noise standard deviation σ ≥ 0 (adds σ²)
     * @param draws number of Haar projections (≥ 2)
     */
    public ProjectionAverage(Spectrum spectrum, int width, int depth, double sigma, int draws, long seed) {
        int d = spectrum.dim();
        if (width < 1 || width >= d) {
            throw new InvalidInputException("width", width, "an integer in [1, " + (d - 1) + "] (below the dimension)");
        }
        if (depth < 1) {
            throw new InvalidInputException("depth", depth, "an integer >= 1");
        }
        if (draws < 2) {
            throw new InvalidInputException("draws", draws, "an integer >= 2");
        }
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new InvalidInputException("sigma", sigma, "a finite number >= 0");
        }
        this.sigma = sigma;
        this.dim = d;
        this.width = width;
        this.depth = depth;
        this.draws = draws;
        this.seed = seed;
        double[] lambda = spectrum.lambda();
        double[] p = spectrum.weights();
        double total = 0;
        for (double v : p) {
            total += v;
        }
        double[] lp = lambdaTimesWeight(lambda, p);
        mu = new double[draws * width];
        weight = new double[draws * width];
        rest = new double[draws];
        double top = 0;
        for (int m = 0; m < draws; m++) {
            SplittableRandom rng = Seeds.forTrial(seed, m);
            double[] u = StructuredSimulator.haarFrame(rng, d, width);
            double[][] k = new double[width][width];
            double[][] g = new double[width][width];
            gramBlocks(u, d, width, lambda, lp, k, g);
            double[] keptTop = learnedModes(k, g, width, mu, weight, m * width);
            double kept = keptTop[0];
            top = Math.max(top, keptTop[1]);
            rest[m] = Math.max(total - kept, 0);
        }
        maxMu = top;
    }

    /** A landscape over modes already drawn ({@link #nested}). */
    private ProjectionAverage(int dim, int width, int depth, double sigma, int draws, long seed, double[] mu,
            double[] weight, double[] rest, double maxMu) {
        this.dim = dim;
        this.width = width;
        this.depth = depth;
        this.sigma = sigma;
        this.draws = draws;
        this.seed = seed;
        this.mu = mu;
        this.weight = weight;
        this.rest = rest;
        this.maxMu = maxMu;
    }

    /**
     * The projection averages of the models (widths[i], depths[i]) over the same {@code draws} projections of one
     * spectrum and seed: the same doubles as constructing each one ({@link #ProjectionAverage(Spectrum, int, int,
     * double, int, long)}), at the cost of the widest. Draw m's Haar frame of width N is the first N columns of its
     * frame of width N_max (the Gaussian matrix is filled column by column and Gram–Schmidt treats the columns in
     * order), so UᵀΛU and Uᵀdiag(λp)U of width N are the leading N×N blocks of the widest's, summed in the same
     * order; each width's N×N eigendecompositions are done once for all of its depths (Fig. 5: five widths at D = 180,
     * five depths at N = 8; issue 17).
     */
    public static ProjectionAverage[] nested(Spectrum spectrum, int[] widths, int[] depths, double sigma, int draws,
            long seed) {
        int d = spectrum.dim();
        if (widths.length != depths.length) {
            throw new InvalidInputException("depths", depths.length, "one depth per width (" + widths.length + ")");
        }
        for (int i = 0; i < widths.length; i++) {
            if (widths[i] < 1 || widths[i] >= d) {
                throw new InvalidInputException("width", widths[i], "an integer in [1, " + (d - 1) + "] (below the dimension)");
            }
            if (depths[i] < 1) {
                throw new InvalidInputException("depth", depths[i], "an integer >= 1");
            }
        }
        if (draws < 2) {
            throw new InvalidInputException("draws", draws, "an integer >= 2");
        }
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new InvalidInputException("sigma", sigma, "a finite number >= 0");
        }
        int[] distinct = java.util.Arrays.stream(widths).distinct().sorted().toArray();
        int widest = distinct[distinct.length - 1];
        double[] lambda = spectrum.lambda();
        double[] p = spectrum.weights();
        double total = 0;
        for (double v : p) {
            total += v;
        }
        double sum = total;
        double[] lp = lambdaTimesWeight(lambda, p);
        double[][] mus = new double[distinct.length][];
        double[][] weights = new double[distinct.length][];
        double[][] rests = new double[distinct.length][draws];
        double[][] tops = new double[distinct.length][draws];
        for (int w = 0; w < distinct.length; w++) {
            mus[w] = new double[draws * distinct[w]];
            weights[w] = new double[draws * distinct[w]];
        }
        java.util.stream.IntStream.range(0, draws).parallel().forEach(m -> {
            SplittableRandom rng = Seeds.forTrial(seed, m);
            double[] u = StructuredSimulator.haarFrame(rng, d, widest);
            double[][] k = new double[widest][widest];
            double[][] g = new double[widest][widest];
            gramBlocks(u, d, widest, lambda, lp, k, g);
            for (int w = 0; w < distinct.length; w++) {
                int n = distinct[w];
                double[][] kn = new double[n][];
                for (int a = 0; a < n; a++) {
                    kn[a] = java.util.Arrays.copyOf(k[a], n);
                }
                double[] keptTop = learnedModes(kn, g, n, mus[w], weights[w], m * n);
                double kept = keptTop[0];
                double top = keptTop[1];
                rests[w][m] = Math.max(sum - kept, 0);
                tops[w][m] = top;
            }
        });
        ProjectionAverage[] out = new ProjectionAverage[widths.length];
        for (int i = 0; i < widths.length; i++) {
            int w = java.util.Arrays.binarySearch(distinct, widths[i]);
            double top = 0;
            for (double t : tops[w]) {
                top = Math.max(top, t);
            }
            out[i] = new ProjectionAverage(d, widths[i], depths[i], sigma, draws, seed, mus[w], weights[w], rests[w], top);
        }
        return out;
    }

    /** λ_k p_k (k &lt; D): UᵀΛ diag(p)U is Uᵀ diag(λp)U, summed as (λ_k p_k)·u_a u_b in both constructions. */
    private static double[] lambdaTimesWeight(double[] lambda, double[] p) {
        double[] lp = new double[lambda.length];
        for (int j = 0; j < lambda.length; j++) {
            lp[j] = lambda[j] * p[j];
        }
        return lp;
    }

    /**
     * K = UᵀΛU and G = Uᵀ diag(λp) U of the column-major D×n frame {@code u}, into the caller's n×n arrays (both
     * symmetric, each entry summed over the D modes in order).
     */
    private static void gramBlocks(double[] u, int d, int n, double[] lambda, double[] lp, double[][] k, double[][] g) {
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                double sk = 0;
                double sg = 0;
                int ba = a * d;
                int bb = b * d;
                for (int j = 0; j < d; j++) {
                    double uu = u[ba + j] * u[bb + j];
                    sk += lambda[j] * uu;
                    sg += lp[j] * uu;
                }
                k[a][b] = sk;
                k[b][a] = sk;
                g[a][b] = sg;
                g[b][a] = sg;
            }
        }
    }

    /**
     * The N learned modes of one draw from the leading n×n blocks of K and G: the eigenvalues μ_i of K (clipped at
     * 0) and the weights w_i = y_iᵀG y_i/μ_i of its eigenvectors, written to {@code mu}/{@code weight} from
     * {@code offset}; returns {Σ_i w_i, max_i μ_i}.
     */
    private static double[] learnedModes(double[][] k, double[][] g, int n, double[] mu, double[] weight, int offset) {
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(k));
        double[] values = eig.getEigenvalues();
        double kept = 0;
        double top = 0;
        for (int i = 0; i < n; i++) {
            double[] y = eig.getEigenvector(i).toArray();
            double q = 0;
            for (int a = 0; a < n; a++) {
                double s = 0;
                for (int b = 0; b < n; b++) {
                    s += g[a][b] * y[b];
                }
                q += y[a] * s;
            }
            double ev = Math.max(values[i], 0);
            double w = ev > 0 ? q / ev : 0;
            mu[offset + i] = ev;
            weight[offset + i] = w;
            kept += w;
            top = Math.max(top, ev);
        }
        return new double[] {kept, top};
    }

    /** 𝓛(γ) of draw m. */
    private double drawLoss(int m, double c) {
        double s = rest[m];
        int b = m * width;
        for (int i = 0; i < width; i++) {
            double f = 1 - c * mu[b + i];
            // (f²)^L: SpectralSums.ipow written out (the same products in the same order, so equal doubles): the
            // client compiler that short verbs and theory figures run on does not inline it (issue 17; Fig. 5's
            // flows spend most of their time here and in lossDerivative)
            double power = 1;
            double base = f * f;
            for (long e = depth; e > 0; ) {
                if ((e & 1) != 0) {
                    power *= base;
                }
                e >>= 1;
                if (e > 0) {
                    base *= base;
                }
            }
            s += weight[b + i] * power;
        }
        return s;
    }

    /** The noiseless mean over the draws. */
    private double signal(double c) {
        double s = 0;
        for (int m = 0; m < draws; m++) {
            s += drawLoss(m, c);
        }
        return s / draws;
    }

    @Override
    public double loss(double gamma) {
        return sigma * sigma + signal(gamma / depth);
    }

    /** 𝓛(γ) with its standard error over the projection draws ({@code standardError}) and {@code projections}. */
    @Override
    public LossEvaluation evaluate(double gamma) {
        return new LossEvaluation(loss(gamma), Diagnostics.builder().put("standardError", standardError(gamma))
                .put("projections", draws).build());
    }

    /**
     * The t, L → ∞ limit (γ/L fixed, every non-zero mode of M learned): the mean of w₀ = Σ_k p_k − Σ_i w_i over the
     * draws — the finite-D width floor (excess over σ²), whose D → ∞ equivalent is Σ_k p_k z/(z + λ_k) (notes
     * §3.5). It does not depend on the depth.
     */
    public double widthFloor() {
        double s = 0;
        for (double r : rest) {
            s += r;
        }
        return s / draws;
    }

    /** Standard error of {@link #loss} over the projection draws. */
    public double standardError(double gamma) {
        double c = gamma / depth;
        double mean = signal(c);
        double ss = 0;
        for (int m = 0; m < draws; m++) {
            double e = drawLoss(m, c) - mean;
            ss += e * e;
        }
        return Math.sqrt(ss / (draws - 1) / draws);
    }

    @Override
    public double lossDerivative(double gamma) {
        double c = gamma / depth;
        double s = 0;
        long n = 2L * depth - 1;
        for (int i = 0; i < mu.length; i++) {
            // d/dγ (1 − γμ/L)^{2L} = −2μ (1 − γμ/L)^{2L−1}; the power as SpectralSums.ipow, written out (see drawLoss)
            double power = 1;
            double base = 1 - c * mu[i];
            for (long e = n; e > 0; ) {
                if ((e & 1) != 0) {
                    power *= base;
                }
                e >>= 1;
                if (e > 0) {
                    base *= base;
                }
            }
            s -= 2 * weight[i] * mu[i] * power;
        }
        return s / draws;
    }

    @Override
    public double noiseVariance() {
        return sigma * sigma;
    }

    /** 2L/μ_max over the drawn projections (the largest eigenvalue of M in any draw). */
    @Override
    public double stabilityEdge() {
        return maxMu > 0 ? 2.0 * depth / maxMu : Double.POSITIVE_INFINITY;
    }

    @Override
    public String method() {
        return "finite-D projection average (RRS, P = inf, D = " + dim + ", N = " + width + "): exact over the task, "
                + "Monte Carlo over " + draws + " Haar projections (seed " + seed + "), mode sum over their N eigenvalues"
                + " of U^T Lambda U" + (sigma > 0 ? "; sigma^2 added" : "");
    }

    public int draws() {
        return draws;
    }
}
