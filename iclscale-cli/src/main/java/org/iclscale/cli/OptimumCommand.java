package org.iclscale.cli;

import org.iclscale.core.Setting;
import org.iclscale.io.OutputFormat;
import org.iclscale.io.Report;
import org.iclscale.model.ModelSpec;
import org.iclscale.model.OptimumResult;
import org.iclscale.model.Theory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
            "L = inf: [1 - alpha]_+; L = 1: gamma* = alpha/(alpha+1+sigma^2). --format tex prints the exact closed form."})
public final class OptimumCommand extends Verb {

    @Mixin
    ModelOptions model;

    @Mixin
    SpectrumOptions structured;

    @Override
    protected Report compute() {
        ModelSpec spec = model.toSpec(structured);
        OptimumResult opt = Theory.standard().optimum(spec);
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
            opt.flatInterval().ifPresent(iv -> r.put("gammaInterval", new double[] {iv.lo(), iv.hi()}));
            opt.closedForm().ifPresent(c -> {
                c.gamma().ifPresent(g -> r.put("closedFormGamma", g));
                r.put("closedFormLoss", c.loss());
            });
        }
        opt.notes().forEach(r::note);
        if (model.setting() == Setting.ISO && output.format() == OutputFormat.TEX) {
            r.tex(ClosedForms.isoOptimumTex(model));
        }
        return r;
    }
}
