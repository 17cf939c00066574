package org.iclscale.cli;

import org.iclscale.core.InvalidInputException;
import org.iclscale.io.Report;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.IsoModel;
import org.iclscale.theory.OptimumSearch;
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
            "ISO, sigma = 0: gamma* = L alpha/(1+alpha), loss 1 - alpha/(1+alpha) sum_{n<L} C_n (alpha/(1+alpha)^2)^n;",
            "L = inf: [1 - alpha]_+; L = 1: gamma* = alpha/(alpha+1+sigma^2). --format tex prints the exact closed form."})
public final class OptimumCommand extends Verb {

    @Mixin
    ModelOptions model;

    @Override
    protected Report compute() {
        GammaLandscape landscape = Landscapes.create(model);
        Report r = new Report("optimum").putAll(model.echo());
        if (model.setting() == Setting.ISO && model.depth().infinite()) {
            return infiniteDepthIso(r, (IsoModel) landscape);
        }
        requireFiniteSearchRange(landscape, model);
        Optimum opt = OptimumSearch.minimise(landscape);
        r.put("gamma", opt.gamma());
        r.put("gammaPerLayer", opt.gamma() / model.depth().steps());
        r.put("loss", opt.loss()).put("excessLoss", opt.loss() - landscape.noiseVariance());
        r.put("method", landscape.method() + "; global grid (" + OptimumSearch.DEFAULT_GRID
                + " points up to the stability edge) + Brent");
        r.put("stabilityEdge", landscape.stabilityEdge());
        r.put("evaluations", opt.evaluations());
        if (model.setting() == Setting.ISO) {
            addIsoClosedForms(r, model);
        }
        if (output.format() == org.iclscale.io.OutputFormat.TEX) {
            r.tex(ClosedForms.isoOptimumTex(model));
        }
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
