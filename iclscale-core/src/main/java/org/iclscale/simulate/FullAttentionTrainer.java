package org.iclscale.simulate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.iclscale.core.InvalidInputException;

/**
 * Online SGD on the full deep linear attention of paper §2.1 (paper-notes §2.1), residual width N = D + 1
 * (coordinates 0..D−1 for the inputs, coordinate D for the label):
 *
 * <pre>
 *   h¹_μ = W_x x_μ + w_y y_μ   (y_μ = 0 on the K queries),
 *   h^{ℓ+1}_μ = h^ℓ_μ + (1/(LP)) Σ_ν M_{μν} (k^ℓ_ν·q^ℓ_μ) v^ℓ_ν,   q = W_q h, k = W_k h, v = W_v h,
 *   f_μ = w_o·h^{L+1}_μ,   M_{μν} = −1 (μ training) / +1 (μ query) for ν ≤ P, 0 otherwise.
 * </pre>
 *
 * Since Σ_ν (k_ν·q_μ)v_ν = W_v C W_kᵀ W_q h_μ with C = Σ_{ν≤P} h_ν h_νᵀ, each layer is
 * h_μ ← h_μ + (m_μ/(LP)) A h_μ, A = W_v C W_kᵀ W_q (N×N). Backprop (hand-derived, checked by finite
 * differences in the tests), with G = ∂ℒ/∂H^{ℓ+1}, G̃_μ = m_μG_μ/(LP), E = C W_kᵀW_q, F = W_vᵀ ∂A:
 * ∂A = Σ_μ G̃_μ h_μᵀ, ∂h_μ = G_μ + AᵀG̃_μ, ∂W_v = ∂A Eᵀ, ∂C = F (W_kᵀW_q)ᵀ, ∂W_q = W_k C F,
 * ∂W_k = W_q (C F)ᵀ, ∂h_ν += (∂C + ∂Cᵀ) h_ν (ν ≤ P). Cost O(N³ + (P + K)N²) per layer and context.
 *
 * <p><b>Initialisation</b> (balanced and aligned, paper-notes §3.7): W_x = √2·s[I; 0], W_k = W_q = s·diag(I, 0),
 * W_v = s·e_D e_Dᵀ, w_y = w_o = e_D. On this manifold the model is the reduced model with Γ = γI,
 * γ = w_v w_k w_q w_x² (= 2s⁵ at t = 0), and w_x² − 2w_v² is conserved, which is the γ ↔ w⁵ reduction.
 *
 * <p><b>Learning rates</b>: W ← W − η_W ∇_Wℒ with η_W = ηD/2 for W_x, W_k, W_q (their scalar acts through
 * D diagonal entries) and η/2 for W_v, w_y, w_o (one label entry). Then each scalar of the reduction follows
 * dw/dt = −½ ∂𝓛/∂w at t = η·n, the same clock as the reduced model. w_y and w_o are frozen unless
 * {@code trainReadout} (paper §2.6: "gradient flow on all of {W_x, W_k, W_q, W_v} (and optionally w_y, w_o)").
 *
 * <p>Effective γ (paper §2.2): Γ^ℓ = (w_oᵀW_v w_y) W_xᵀW_qᵀW_kW_x, γ = tr Γ/D averaged over layers.
 * The ICL test loss is exact per test context: the query output is linear, f(x⋆) = v·x⋆ with
 * v = W_xᵀ(I + A_0/(LP))ᵀ⋯(I + A_{L−1}/(LP))ᵀ w_o, so the query loss is (v − w⋆)ᵀΣ(v − w⋆) + σ².
 */
public final class FullAttentionTrainer implements Trainer {

    private final ContextSampler sampler;
    private final int dim;
    private final int width;
    private final int depth;
    private final boolean untied;
    private final boolean trainReadout;
    private final double eta;
    private final int batch;
    private final long seed;
    private final int testContexts;

    final double[] wx; // N×D
    final double[] wy; // N
    final double[] wo; // N
    final double[][] wk; // [group] N×N
    final double[][] wq;
    final double[][] wv;

    public FullAttentionTrainer(ContextSampler sampler, int depth, boolean untied, boolean trainReadout, double eta,
            int batch, double initScale, long seed, int testContexts) {
        if (depth < 1) {
            throw new InvalidInputException("depth", depth, "an integer >= 1");
        }
        this.sampler = sampler;
        this.dim = sampler.dim();
        this.width = dim + 1;
        this.depth = depth;
        this.untied = untied;
        this.trainReadout = trainReadout;
        this.eta = eta;
        this.batch = batch;
        this.seed = seed;
        this.testContexts = testContexts;
        int n = width;
        int groups = untied ? depth : 1;
        wx = new double[n * dim];
        wy = new double[n];
        wo = new double[n];
        wk = new double[groups][n * n];
        wq = new double[groups][n * n];
        wv = new double[groups][n * n];
        for (int j = 0; j < dim; j++) {
            wx[j * dim + j] = Math.sqrt(2) * initScale;
        }
        wy[dim] = 1;
        wo[dim] = 1;
        for (int g = 0; g < groups; g++) {
            for (int j = 0; j < dim; j++) {
                wk[g][j * n + j] = initScale;
                wq[g][j * n + j] = initScale;
            }
            wv[g][dim * n + dim] = initScale;
        }
    }

    @Override
    public double eta() {
        return eta;
    }

    int width() {
        return width;
    }

    int groups() {
        return wk.length;
    }

    private int group(int layer) {
        return untied ? layer : 0;
    }

    /** Every parameter replaced by independent N(0, scale²/N) entries (finite-difference tests). */
    void randomize(SplittableRandom rng, double scale) {
        double s = scale / Math.sqrt(width);
        for (double[] a : allParameters()) {
            for (int i = 0; i < a.length; i++) {
                a[i] = s * rng.nextGaussian();
            }
        }
    }

    /** Parameter arrays in a fixed order: W_x, w_y, w_o, then W_k, W_q, W_v per group. */
    double[][] allParameters() {
        int groups = wk.length;
        double[][] all = new double[3 + 3 * groups][];
        all[0] = wx;
        all[1] = wy;
        all[2] = wo;
        for (int g = 0; g < groups; g++) {
            all[3 + 3 * g] = wk[g];
            all[4 + 3 * g] = wq[g];
            all[5 + 3 * g] = wv[g];
        }
        return all;
    }

    // ---- dense kernels (row-major) ----

    /** out = a (r×m) · b (m×c). */
    static double[] mul(double[] a, double[] b, int r, int m, int c) {
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            int oi = i * c;
            for (int k = 0; k < m; k++) {
                double aik = a[i * m + k];
                if (aik == 0) {
                    continue;
                }
                int bk = k * c;
                for (int j = 0; j < c; j++) {
                    out[oi + j] += aik * b[bk + j];
                }
            }
        }
        return out;
    }

    /** out = aᵀ (m×r)ᵀ · b (m×c): out is r×c. */
    static double[] mulTn(double[] a, double[] b, int m, int r, int c) {
        double[] out = new double[r * c];
        for (int k = 0; k < m; k++) {
            int ak = k * r;
            int bk = k * c;
            for (int i = 0; i < r; i++) {
                double aki = a[ak + i];
                if (aki == 0) {
                    continue;
                }
                int oi = i * c;
                for (int j = 0; j < c; j++) {
                    out[oi + j] += aki * b[bk + j];
                }
            }
        }
        return out;
    }

    /** out = a (r×m) · bᵀ where b is c×m: out is r×c. */
    static double[] mulNt(double[] a, double[] b, int r, int m, int c) {
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            int ai = i * m;
            for (int j = 0; j < c; j++) {
                int bj = j * m;
                double s = 0;
                for (int k = 0; k < m; k++) {
                    s += a[ai + k] * b[bj + k];
                }
                out[i * c + j] = s;
            }
        }
        return out;
    }

    /** Forward state of one context. */
    private final class Pass {
        final int tokens;
        final int train;
        final double[][] h; // [layer 0..L] T×N
        final double[][] c; // [layer] N×N
        final double[][] bm; // W_kᵀW_q
        final double[][] e; // C·bm
        final double[][] a; // W_v·e

        Pass(ContextSampler.Context ctx, boolean withQueries) {
            int n = width;
            int d = dim;
            train = sampler.contextLength();
            int k = withQueries ? ctx.yq().length : 0;
            tokens = train + k;
            h = new double[depth + 1][];
            c = new double[depth][];
            bm = new double[depth][];
            e = new double[depth][];
            a = new double[depth][];
            double[] h0 = new double[tokens * n];
            for (int mu = 0; mu < tokens; mu++) {
                double[] xs = mu < train ? ctx.x() : ctx.xq();
                int row = mu < train ? mu : mu - train;
                double ymu = mu < train ? ctx.y()[mu] : 0.0;
                for (int i = 0; i < n; i++) {
                    double s = wy[i] * ymu;
                    int wi = i * d;
                    int xr = row * d;
                    for (int j = 0; j < d; j++) {
                        s += wx[wi + j] * xs[xr + j];
                    }
                    h0[mu * n + i] = s;
                }
            }
            h[0] = h0;
            double scale = 1.0 / ((double) depth * train);
            for (int l = 0; l < depth; l++) {
                int g = group(l);
                double[] cur = h[l];
                c[l] = mulTn(cur, cur, train, n, n); // H_Pᵀ H_P (first P rows)
                bm[l] = mulTn(wk[g], wq[g], n, n, n);
                e[l] = mul(c[l], bm[l], n, n, n);
                a[l] = mul(wv[g], e[l], n, n, n);
                double[] ah = mulNt(cur, a[l], tokens, n, n); // rows: A h_μ
                double[] next = cur.clone();
                for (int mu = 0; mu < tokens; mu++) {
                    double m = (mu < train ? -1.0 : 1.0) * scale;
                    for (int i = 0; i < n; i++) {
                        next[mu * n + i] += m * ah[mu * n + i];
                    }
                }
                h[l + 1] = next;
            }
        }
    }

    /** Gradient accumulators of one context, in the order of {@link #allParameters()}. */
    double lossAndGradient(ContextSampler.Context ctx, double[][] grad) {
        int n = width;
        int d = dim;
        Pass pass = new Pass(ctx, true);
        int tokens = pass.tokens;
        int train = pass.train;
        int k = tokens - train;
        double[] hl = pass.h[depth];
        double[] gh = new double[tokens * n];
        double loss = 0;
        for (int q = 0; q < k; q++) {
            int mu = train + q;
            double f = 0;
            for (int i = 0; i < n; i++) {
                f += wo[i] * hl[mu * n + i];
            }
            double err = f - ctx.yq()[q];
            loss += err * err;
            double coef = 2.0 * err / k;
            for (int i = 0; i < n; i++) {
                gh[mu * n + i] = coef * wo[i];
                grad[2][i] += coef * hl[mu * n + i];
            }
        }
        loss /= k;
        double scale = 1.0 / ((double) depth * train);
        for (int l = depth - 1; l >= 0; l--) {
            int g = group(l);
            double[] cur = pass.h[l];
            double[] gm = new double[tokens * n];
            for (int mu = 0; mu < tokens; mu++) {
                double m = (mu < train ? -1.0 : 1.0) * scale;
                for (int i = 0; i < n; i++) {
                    gm[mu * n + i] = m * gh[mu * n + i];
                }
            }
            double[] dA = mulTn(gm, cur, tokens, n, n); // Σ_μ g̃_μ h_μᵀ
            double[] dh = mul(gm, pass.a[l], tokens, n, n); // rows: Aᵀ g̃_μ
            for (int i = 0; i < dh.length; i++) {
                dh[i] += gh[i];
            }
            double[] dWv = mulNt(dA, pass.e[l], n, n, n);
            double[] f = mulTn(wv[g], dA, n, n, n); // W_vᵀ ∂A
            double[] dC = mulNt(f, pass.bm[l], n, n, n);
            double[] cf = mul(pass.c[l], f, n, n, n);
            double[] dWq = mul(wk[g], cf, n, n, n);
            double[] dWk = mulNt(wq[g], cf, n, n, n);
            // ∂h_ν += (∂C + ∂Cᵀ) h_ν for training tokens
            double[] sym = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    sym[i * n + j] = dC[i * n + j] + dC[j * n + i];
                }
            }
            double[] extra = mulNt(java.util.Arrays.copyOf(cur, train * n), sym, train, n, n);
            for (int i = 0; i < extra.length; i++) {
                dh[i] += extra[i];
            }
            addInto(grad[3 + 3 * g], dWk);
            addInto(grad[4 + 3 * g], dWq);
            addInto(grad[5 + 3 * g], dWv);
            gh = dh;
        }
        // input layer: h¹_μ = W_x x_μ + w_y y_μ
        for (int mu = 0; mu < tokens; mu++) {
            double[] xs = mu < train ? ctx.x() : ctx.xq();
            int row = mu < train ? mu : mu - train;
            double ymu = mu < train ? ctx.y()[mu] : 0.0;
            for (int i = 0; i < n; i++) {
                double gi = gh[mu * n + i];
                if (gi == 0) {
                    continue;
                }
                grad[1][i] += gi * ymu;
                int wi = i * d;
                int xr = row * d;
                for (int j = 0; j < d; j++) {
                    grad[0][wi + j] += gi * xs[xr + j];
                }
            }
        }
        return loss;
    }

    private static void addInto(double[] acc, double[] v) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += v[i];
        }
    }

    /** A zeroed gradient with the shapes of {@link #allParameters()}. */
    double[][] zeroGradient() {
        double[][] p = allParameters();
        double[][] g = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            g[i] = new double[p[i].length];
        }
        return g;
    }

    @Override
    public double step(int step, boolean update) {
        long stepSeed = Seeds.forTrial(seed, step).nextLong();
        double[][][] grads = new double[batch][][];
        double[] losses = new double[batch];
        IntStream.range(0, batch).parallel().forEach(c -> {
            double[][] g = zeroGradient();
            losses[c] = lossAndGradient(sampler.sample(Seeds.forTrial(stepSeed, c)), g);
            grads[c] = g;
        });
        if (!update) {
            return Kernels.mean(losses);
        }
        double[][] params = allParameters();
        double big = eta * dim / 2.0 / batch;
        double small = eta / 2.0 / batch;
        IntStream.range(0, params.length).parallel().forEach(p -> {
            if ((p == 1 || p == 2) && !trainReadout) {
                return;
            }
            boolean isValue = p >= 3 && (p - 3) % 3 == 2;
            double lr = (p == 1 || p == 2 || isValue) ? small : big;
            double[] target = params[p];
            for (int i = 0; i < target.length; i++) {
                double s = 0;
                for (int c = 0; c < batch; c++) {
                    s += grads[c][p][i];
                }
                target[i] -= lr * s;
            }
        });
        return Kernels.mean(losses);
    }

    /** The effective linear predictor v of this context's queries, f(x⋆) = v·x⋆. */
    double[] effectivePredictor(ContextSampler.Context ctx) {
        int n = width;
        Pass pass = new Pass(ctx, false);
        double scale = 1.0 / ((double) depth * pass.train);
        double[] u = wo.clone();
        for (int l = depth - 1; l >= 0; l--) {
            double[] au = Kernels.multiplyTransposed(pass.a[l], n, n, u);
            for (int i = 0; i < n; i++) {
                u[i] += scale * au[i];
            }
        }
        return Kernels.multiplyTransposed(wx, n, dim, u);
    }

    @Override
    public MonteCarloResult testLoss() {
        return sampler.testLoss(seed, testContexts, c -> effectivePredictor(c));
    }

    /** γ of layer group g: (w_oᵀW_v w_y)·tr(W_xᵀW_qᵀW_kW_x)/D. */
    double layerGamma(int g) {
        int n = width;
        double value = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += wv[g][i * n + j] * wy[j];
            }
            value += wo[i] * s;
        }
        double[] kx = mul(wk[g], wx, n, n, dim); // W_k W_x (N×D)
        double[] qx = mul(wq[g], wx, n, n, dim);
        double tr = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                tr += qx[i * dim + j] * kx[i * dim + j];
            }
        }
        return value * tr / dim;
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    @Override
    public Map<String, Double> observables() {
        Map<String, Double> m = new LinkedHashMap<>();
        int groups = wk.length;
        double gamma = 0;
        double nk = 0;
        double nq = 0;
        double nv = 0;
        double[] per = new double[groups];
        for (int g = 0; g < groups; g++) {
            per[g] = layerGamma(g);
            gamma += per[g];
            nk += norm(wk[g]);
            nq += norm(wq[g]);
            nv += norm(wv[g]);
        }
        double sd = Math.sqrt(dim);
        m.put("gamma", gamma / groups);
        m.put("normWx", norm(wx) / sd);
        m.put("normWk", nk / groups / sd);
        m.put("normWq", nq / groups / sd);
        m.put("normWv", nv / groups);
        m.put("normWy", norm(wy));
        m.put("normWo", norm(wo));
        if (untied && depth <= 16) {
            for (int g = 0; g < groups; g++) {
                m.put("gammaLayer" + (g + 1), per[g]);
            }
        }
        return m;
    }
}
