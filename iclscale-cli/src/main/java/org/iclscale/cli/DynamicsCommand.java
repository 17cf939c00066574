package org.iclscale.cli;

import java.util.Locale;
import java.util.Map;
import org.iclscale.core.Inputs;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Setting;
import org.iclscale.io.Report;
import org.iclscale.model.FlowRequest;
import org.iclscale.model.FlowResult;
import org.iclscale.model.FlowRule;
import org.iclscale.model.ModelSpec;
import org.iclscale.model.Theory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dynamics}: gradient flow γ(t), 𝓛(t) from Γ(0) = 0 (paper Results 1, 4, 6, 9; App. G.1; {@link Theory#flow}). */
@Command(name = "dynamics", mixinStandardHelpOptions = true,
        description = {"Gradient flow of the reduced model from Gamma(0) = 0: gamma(t) and loss(t).",
            "Convention (paper Results 1, 6): dGamma/dt = -1/2 dLoss/dGamma (--convention appendix-d: t -> 2t);",
            "Dormand-Prince 8(5,3), tolerances 1e-12.",
            "RRS (alpha = N = inf, Result 6): dgamma/dt = sum_k p_k lambda_k (1 - gamma lambda_k/L)^(2L-1).",
            "FS (alpha = inf, Result 4): per-mode eigenvalues gamma_k(t) of the diagonal Gamma(t), exact separable",
            "solution (or --solver ode); column gamma = gamma_1, --modes 1,2,4 adds gammaMode1, gammaMode2, ...",
            "--rule untied: one gamma per layer (rrs, eta = eta0*L), --rule full-attention: Result 9 (gamma = w^5)."})
public final class DynamicsCommand extends Verb {

    @Mixin
    ModelOptions model;

    @Mixin
    SpectrumOptions structured;

    @Mixin
    FlowOptions flow;

    @Option(names = "--times", required = true,
            description = "Comma-separated times t >= 0 in increasing order, e.g. 1,10,100.")
    String times;

    @Option(names = "--modes", description = "fs only: comma-separated mode indices k >= 1 whose gamma_k(t) to report (default 1).")
    String modes;

    @Option(names = "--solver", defaultValue = "exact",
            description = "fs only: exact (separable closed form per mode, default) or ode (vectorised Dormand-Prince over all modes).")
    String solver;

    @Override
    protected Report compute() {
        double[] t = Inputs.nonNegativeList("--times", times);
        boolean ode = switch (solver.trim().toLowerCase(Locale.ROOT)) {
            case "exact" -> false;
            case "ode" -> true;
            default -> throw new InvalidInputException("--solver", solver, "exact or ode");
        };
        ModelSpec spec = model.toSpec(structured);
        int[] m = new int[0];
        if (modes != null) {
            if (model.setting() != Setting.FS) {
                throw new InvalidInputException("--modes", modes, "only with --setting fs (per-mode eigenvalues)");
            }
            m = Inputs.integerList("--modes", modes, 1, SpectrumOptions.modes(spec));
            for (int i = 0; i < m.length; i++) {
                m[i]--; // 0-based mode index
            }
        }
        FlowRule rule = flow.rule();
        FlowRequest request = new FlowRequest(rule, t, flow.convention(), rule == FlowRule.FULL_ATTENTION ? flow.init()
                : FlowRequest.DEFAULT_INIT, m, ode);
        FlowResult f = Theory.standard().flow(spec, request);
        Report r = new Report("dynamics").putAll(model.echo());
        if (model.setting() != Setting.ISO) {
            r.putAll(structured.echo(spec));
        }
        r.put("rule", flow.ruleName());
        r.put("convention", f.convention());
        if (rule == FlowRule.FULL_ATTENTION) {
            r.put("init", request.init());
        }
        r.put("method", f.method());
        r.put("evaluations", f.evaluations());
        r.column("time", f.time());
        for (Map.Entry<String, double[]> c : f.columns().entrySet()) {
            if (!c.getKey().startsWith("gammaMode")) {
                r.column(c.getKey(), c.getValue());
            }
        }
        r.column("gamma", f.gamma()).column("loss", f.loss()).column("excessLoss", f.excessLoss());
        for (Map.Entry<String, double[]> c : f.columns().entrySet()) {
            if (c.getKey().startsWith("gammaMode")) {
                r.column(c.getKey(), c.getValue());
            }
        }
        f.notes().forEach(r::note);
        return r;
    }
}
