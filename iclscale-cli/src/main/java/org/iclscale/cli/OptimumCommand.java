package org.iclscale.cli;

import org.iclscale.core.Inputs;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Setting;
import org.iclscale.io.OutputFormat;
import org.iclscale.io.Report;
import org.iclscale.model.ModelSpec;
import org.iclscale.model.OptimumResult;
import org.iclscale.model.Theory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code optimum}: the optimal step-size scale γ* and its loss ({@link Theory#optimum}); for ISO the closed forms
 * (σ = 0 any L; L = 1 any σ) are reported next to it, and with {@code --format tex} the exact closed form derived
 * by Symja.
 */
@Command(name = "optimum", mixinStandardHelpOptions = true,
        description = {"Optimal step-size scale gamma* and the optimal loss (global search up to the stability edge).",
            "RRS (alpha = N = inf): gamma* of sum_k p_k (1 - gamma lambda_k/L)^(2L); gamma*/L -> 2/lambda_1 as L grows.",
            "FS (alpha = inf): Result 3, Gamma = L Sigma^-1 with zero excess loss (and the best isotropic gamma).",
            "ISO, sigma = 0: gamma* = L alpha/(1+alpha), loss 1 - alpha/(1+alpha) sum_{n<L} C_n (alpha/(1+alpha)^2)^n;",
            "L = inf: [1 - alpha]_+; L = 1: gamma* = alpha/(alpha+1+sigma^2). --format tex prints the exact closed form.",
            "The search starts on (0, stabilityEdge] and continues on doubled ranges while the loss still falls at the",
            "end (the edge of a deterministic equivalent is an estimate); --gamma-max G searches (0, G] instead. An",
            "optimum at the end of the searched range is flagged with a note (the loss still falls there).",
            "--method monte-carlo: the finite-D optimum of the defining GD; --mc-check TRIALS: Monte Carlo at gamma*",
            "beside the theory (--mc-optimum: and the finite-D optimum at this D)."})
public final class OptimumCommand extends Verb {

    @Mixin
    ModelOptions model;

    @Mixin
    SpectrumOptions structured;

    @Mixin
    MethodOptions methodOptions;

    @Mixin
    MonteCarloCheckOptions mcCheck;

    @Option(names = "--gamma-max", paramLabel = "G",
            description = "Search gamma on (0, G] instead of from the stability edge on (a number > 0).")
    String gammaMax;

    @Option(names = "--mc-optimum",
            description = "With --mc-check: also the finite-D optimum (minimiser of the Monte Carlo loss at this D).")
    boolean mcOptimum;

    @Override
    protected Report compute() {
        double upper = gammaMax == null ? Double.NaN : Inputs.positive("--gamma-max", gammaMax, false);
        if (mcOptimum && !mcCheck.requested()) {
            throw new InvalidInputException("--mc-optimum", "given without --mc-check TRIALS (the number of Monte Carlo "
                    + "contexts per gamma)");
        }
        int trials = mcCheck.requested() ? mcCheck.trials() : 0;
        long seed = mcCheck.seed();
        ModelSpec spec = model.toSpec(structured);
        Theory theory = Theory.standard();
        OptimumResult opt = theory.optimum(spec, methodOptions.method(), upper);
        Report r = new Report("optimum").putAll(model.echo());
        if (model.setting() != Setting.ISO) {
            r.putAll(structured.echo(spec));
        }
        if (opt.matrixOptimum().isPresent()) {
            OptimumResult.MatrixOptimum m = opt.matrixOptimum().get();
            r.put("gamma", "L*inverse(Sigma)");
            r.put("loss", spec.noiseVariance()).put("excessLoss", 0.0);
            r.put("method", "Result 3: Gamma = L Sigma^-1 (eigenvalues L/lambda_k) whitens in one step, zero excess loss "
                    + "at any L");
            r.put("gammaModes", m.modeGammas());
            r.put("isotropicGamma", m.isotropicGamma()).put("isotropicLoss", m.isotropicLoss());
            r.note("gammaModes: the first " + m.modeGammas().length + " eigenvalues L/lambda_k of the optimal Gamma; "
                    + "isotropicGamma/Loss: best Gamma = gamma*I");
            return r;
        }
        boolean isoInfiniteDepth = model.setting() == Setting.ISO && spec.depth().infinite();
        if (opt.infimum()) {
            r.put("gamma", "inf").put("loss", opt.loss()).put("excessLoss", opt.excessLoss()).put("method", opt.method());
            opt.closedForm().ifPresent(c -> r.put("closedFormLoss", c.loss()));
        } else {
            r.put("gamma", opt.gamma());
            if (!isoInfiniteDepth) {
                r.put("gammaPerLayer", opt.gammaPerLayer());
            }
            r.put("loss", opt.loss()).put("excessLoss", opt.excessLoss());
            r.put("method", Results.method(opt.method(), opt.diagnostics()));
            if (!isoInfiniteDepth) {
                r.put("stabilityEdge", opt.stabilityEdge());
            }
            r.put("evaluations", opt.evaluations());
            Results.putStandardError(r, opt.diagnostics());
            if (opt.atUpperBound()) {
                r.put("searchBound", opt.searchBound());
            }
            opt.flatInterval().ifPresent(iv -> r.put("gammaInterval", new double[] {iv.lo(), iv.hi()}));
            opt.closedForm().ifPresent(c -> {
                c.gamma().ifPresent(g -> r.put("closedFormGamma", g));
                r.put("closedFormLoss", c.loss());
            });
        }
        opt.notes().forEach(r::note);
        if (trials > 0) {
            Results.putMonteCarloCheck(r, theory.monteCarloCheck(opt, trials, seed, mcOptimum));
        }
        if (model.setting() == Setting.ISO && output.format() == OutputFormat.TEX) {
            r.tex(ClosedForms.isoOptimumTex(model));
        }
        return r;
    }
}
