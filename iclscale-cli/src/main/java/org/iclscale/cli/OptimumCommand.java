package org.iclscale.cli;

import org.iclscale.core.InvalidInputException;
import org.iclscale.io.Report;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.IsoModel;
import org.iclscale.theory.OptimumSearch;
import org.iclscale.theory.RrsModel;
import org.iclscale.theory.OptimumSearch.Optimum;
import org.iclscale.core.Setting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code optimum}: the optimal step-size scale γ* and its loss, by a global search up to the stability
 * edge; for ISO the closed forms (σ = 0 any L; L = 1 any σ) are reported next to it, and with
 * {@code --format tex} the exact closed form derived by Symja.
 */
@Command(name = "optimum", mixinStandardHelpOptions = true,
        description = {"Optimal step-size scale gamma* and the optimal loss (global search up to the stability edge).",
            "RRS (alpha = N = inf): gamma* of sum_k p_k (1 - gamma lambda_k/L)^(2L); gamma*/L -> 2/lambda_1 as L grows.",
            "FS (alpha = inf): Result 3, Gamma = L Sigma^-1 with zero excess loss (and the best isotropic gamma).",
            "ISO, sigma = 0: gamma* = L alpha/(1+alpha), loss 1 - alpha/(1+alpha) sum_{n<L} C_n (alpha/(1+alpha)^2)^n;",
            "L = inf: [1 - alpha]_+; L = 1: gamma* = alpha/(alpha+1+sigma^2). --format tex prints the exact closed form."})
public final class OptimumCommand extends Verb {

    @Mixin
    ModelOptions model;

    @Mixin
    SpectrumOptions structured;

    @Override
    protected Report compute() {
        GammaLandscape landscape = Landscapes.create(model, structured);
        Report r = new Report("optimum").putAll(model.echo());
        if (model.setting() == Setting.ISO && model.depth().infinite()) {
            return infiniteDepthIso(r, (IsoModel) landscape);
        }
        if (model.setting() != Setting.ISO) {
            r.putAll(structured.echo());
            boolean exactRegime = landscape instanceof RrsModel; // α = N = ∞ (finite α or N: package deteq)
            if (exactRegime && model.depth().infinite()) {
                // α = ∞: every mode decays as e^{−2γλ_k}; the infimum σ² is approached as γ → ∞ (FS and RRS)
                r.put("gamma", "inf").put("loss", landscape.noiseVariance()).put("excessLoss", 0.0);
                r.put("method", "infimum: at alpha = inf and L = inf the loss sigma^2 + sum_k p_k exp(-2 gamma lambda_k)"
                        + " decreases monotonically to sigma^2 as gamma -> inf");
                return r;
            }
            if (!exactRegime && model.depth().infinite() && Double.isInfinite(model.alpha())) {
                // P = ∞, N < D, L = ∞: the loss σ² + ∫ρ_p e^{−2γs} + atom decreases to the width floor
                org.iclscale.spectrum.Spectrum s = structured.spectrum(model.setting());
                double floor = org.iclscale.deteq.Floors.width(s, structured.width(s)).excessLoss();
                r.put("gamma", "inf").put("loss", landscape.noiseVariance() + floor).put("excessLoss", floor);
                r.put("method", "infimum: at alpha = inf and L = inf the one-point density loss decreases monotonically "
                        + "to the width floor sum_k p_k z/(z+lambda_k), sum_k lambda_k/(lambda_k+z) = N, as gamma -> inf");
                return r;
            }
            if (exactRegime && model.setting() == Setting.FS) {
                return fsResult3(r, landscape);
            }
            if (model.setting() == Setting.FS) {
                r.note("finite alpha: optimum along Gamma = gamma*I (the matrix optimum of Result 3 is an alpha = inf result)");
            }
        }
        requireFiniteSearchRange(landscape, model);
        Optimum opt = landscape instanceof RrsModel rrs ? rrs.optimum() : OptimumSearch.minimise(landscape);
        r.put("gamma", opt.gamma());
        r.put("gammaPerLayer", opt.gamma() / model.depth().steps());
        r.put("loss", opt.loss()).put("excessLoss", opt.loss() - landscape.noiseVariance());
        r.put("method", landscape.method() + "; " + (landscape instanceof RrsModel
                ? "convex loss: grid (" + RrsModel.CONVEX_GRID + " points) + Brent"
                : "global grid (" + OptimumSearch.DEFAULT_GRID + " points up to the stability edge) + Brent"));
        r.put("stabilityEdge", landscape.stabilityEdge());
        r.put("evaluations", opt.evaluations());
        if (opt.loss() == 0) {
            r.note("the loss underflows to 0 in double precision over a range of gamma, so the minimiser is not "
                    + "determined numerically" + (model.setting() == Setting.ISO && model.sigma() == 0
                    ? "; closedFormGamma is the exact one" : ""));
        }
        if (model.setting() == Setting.ISO) {
            addIsoClosedForms(r, model);
        }
        if (output.format() == org.iclscale.io.OutputFormat.TEX) {
            r.tex(ClosedForms.isoOptimumTex(model));
        }
        return r;
    }

    /**
     * FS, α = ∞ (Result 3): the matrix optimum Γ = LΣ^{−1} (γ_k = L/λ_k) has zero excess loss at every depth;
     * the best isotropic Γ = γI (the RRS optimum) is reported next to it.
     */
    private Report fsResult3(Report r, GammaLandscape isotropic) {
        org.iclscale.spectrum.Spectrum s = structured.spectrum(model.setting());
        int l = model.depth().steps();
        r.put("gamma", "L*inverse(Sigma)");
        r.put("loss", model.sigma() * model.sigma()).put("excessLoss", 0.0);
        r.put("method", "Result 3: Gamma = L Sigma^-1 (eigenvalues L/lambda_k) whitens in one step, zero excess loss at any L");
        int shown = Math.min(8, s.dim());
        double[] modes = new double[shown];
        for (int k = 0; k < shown; k++) {
            modes[k] = l / s.lambdaAt(k);
        }
        r.put("gammaModes", modes);
        Optimum iso = ((RrsModel) isotropic).optimum();
        r.put("isotropicGamma", iso.gamma()).put("isotropicLoss", iso.loss());
        r.note("gammaModes: the first " + shown + " eigenvalues L/lambda_k of the optimal Gamma; isotropicGamma/Loss: best Gamma = gamma*I");
        return r;
    }

    /** At infinite depth there is no stability edge: σ = 0 has its infimum at γ → ∞, σ > 0 a finite optimum. */
    private Report infiniteDepthIso(Report r, IsoModel iso) {
        if (model.sigma() == 0) {
            double loss = IsoModel.optimalNoiselessLoss(model.alpha(), model.depth());
            r.put("gamma", "inf").put("loss", loss).put("excessLoss", loss);
            r.put("method", "closed form: infimum [1 - alpha]_+ approached as gamma -> inf (loss decreases monotonically)");
            r.put("closedFormLoss", loss);
        } else {
            // the loss tends to a finite limit as γ → ∞; search a wide range (100× the scale 1/λ₋ of the slowest mode)
            double upper = 100.0 / Math.max(iso.law().lowerEdge(), 1e-3);
            // one evaluation costs O(γ(λ₊ − λ₋)) nodes, so a uniform grid up to `upper` took minutes near α = 1;
            // bracket on a geometric grid (8 points per octave) first, then search (0, next grid point]
            double first = 1e-3 * Math.min(1.0, upper);
            int perOctave = 8;
            int points = (int) Math.ceil(perOctave * Math.log(upper / first) / Math.log(2));
            double bestLoss = Double.POSITIVE_INFINITY;
            int bestK = 0;
            for (int k = 0; k <= points; k++) {
                double value = iso.loss(Math.min(upper, first * Math.pow(2, (double) k / perOctave)));
                if (value < bestLoss) {
                    bestLoss = value;
                    bestK = k;
                }
            }
            double bound = Math.min(upper, first * Math.pow(2, (bestK + 1.0) / perOctave));
            Optimum opt = OptimumSearch.minimise(iso, bound, OptimumSearch.DEFAULT_GRID);
            r.put("gamma", opt.gamma()).put("loss", opt.loss()).put("excessLoss", opt.loss() - iso.noiseVariance());
            r.put("method", iso.method() + "; geometric grid on [" + first + ", " + upper + "], then grid + Brent on (0, "
                    + bound + "]");
            r.put("evaluations", opt.evaluations() + points + 1);
            if (opt.atUpperBound() && bound == upper) {
                r.note("the optimum lies at the end of the searched range: the loss still decreases beyond gamma = " + upper);
            }
        }
        if (output.format() == org.iclscale.io.OutputFormat.TEX) {
            r.tex(ClosedForms.isoOptimumTex(model));
        }
        return r;
    }

    private static void addIsoClosedForms(Report r, ModelOptions model) {
        if (model.sigma() == 0) {
            r.put("closedFormGamma", IsoModel.optimalNoiselessGamma(model.alpha(), model.depth().steps()));
            r.put("closedFormLoss", IsoModel.optimalNoiselessLoss(model.alpha(), model.depth()));
        } else if (model.depth().steps() == 1) {
            double[] closed = IsoModel.optimalDepthOne(model.alpha(), model.sigma());
            r.put("closedFormGamma", closed[0]).put("closedFormLoss", closed[1]);
        }
    }

    static void requireFiniteSearchRange(GammaLandscape landscape, ModelOptions model) {
        if (!Double.isFinite(landscape.stabilityEdge())) {
            throw new InvalidInputException("--depth", model.depth(),
                    "a finite integer >= 1 for --gamma opt (use the optimum verb for depth inf)");
        }
    }
}
