package org.iclscale.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iclscale.core.Gamma;
import org.iclscale.core.Inputs;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Setting;
import org.iclscale.io.Report;
import org.iclscale.model.Method;
import org.iclscale.model.ModelSpec;
import org.iclscale.model.RiskResult;
import org.iclscale.model.RiskRun;
import org.iclscale.model.Theory;
import org.iclscale.model.UntiedRiskResult;
import org.iclscale.theory.TimeConvention;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code risk}: the exact limiting test loss at a given γ, at the optimal γ, or after training time T. */
@Command(name = "risk", mixinStandardHelpOptions = true,
        description = {"Exact limiting ICL test loss of the reduced-Gamma model, either for Gamma = gamma*I (--gamma G|opt)",
            "or for the Gamma(T) trained by gradient flow from 0 for a time T (--time T, see --convention).",
            "ISO: paper Result 1 (Marchenko-Pastur law, zero atom for alpha < 1), exact Gauss quadrature.",
            "RRS (alpha = N = inf): Result 6, loss = sigma^2 + sum_k p_k (1 - gamma lambda_k/L)^(2L).",
            "FS (alpha = inf): --gamma along Gamma = gamma*I; --time T: the trained diagonal Gamma(T) of Result 4",
            "(exact per-mode solution), gammaMode1 = its top eigenvalue.",
            "FS/RRS at finite width N (--width, --width-ratio) and alpha = inf: one-point density; finite alpha:",
            "two-point structured-Wishart (N = D, fs or rrs) or (E1)-(E3) contour (N < D), label noise by the",
            "one-point contour (N2) of deteq-noise.md. The 'method' field names the regime; stabilityEdge is 2L/s+,",
            "s+ the top of the equivalent spectrum. --method monte-carlo: the defining GD at the spectrum's D instead",
            "(standardError given); --mc-check TRIALS: a Monte Carlo estimate at this D beside the theory.",
            "Floors (--depth inf --gamma inf, t = L = inf): --setting rrs --width N --alpha inf gives the width",
            "floor sum_k p_k z/(z+lambda_k), sum_k lambda_k/(lambda_k+z) = N; --width inf --alpha A (fs or rrs)",
            "gives the context floor (min-norm interpolation, with the 1/(1 - P^-1 sum lambda^2/(r+lambda)^2)",
            "correction and the noise term); both finite is refused."})
public final class RiskCommand extends Verb {

    @Mixin
    ModelOptions model;

    @Mixin
    SpectrumOptions structured;

    @Mixin
    MethodOptions methodOptions;

    @Mixin
    MonteCarloCheckOptions mcCheck;

    @Option(names = "--gamma", converter = Converters.GammaConverter.class,
            description = "Step-size scale gamma >= 0 (per-layer step gamma/L), opt, or inf (floors, with --depth inf).")
    Gamma gamma;

    @Option(names = "--time", description = "Training time T >= 0 of the gradient flow from Gamma(0) = 0 (instead of --gamma).")
    String time;

    // no picocli default: a convention without --time is refused, not ignored (issue 18)
    @Option(names = "--convention",
            description = "Time convention of --time: half (dGamma/dt = -1/2 dLoss/dGamma, default) or appendix-d "
                    + "(dGamma/dt = -dLoss/dGamma).")
    String convention;

    @Option(names = "--layer-gammas", paramLabel = "G1,...,GL",
            description = {"Untied layers (rrs, N = inf): one step scale per layer, gamma^l >= 0; their number is the",
                "depth. Loss = sum_k p_k prod_l (1 - gamma^l lambda_k/L)^2 + noise term of App. G.1.2 at finite",
                "--alpha (leading order in 1/alpha: M -> Lambda in the layer products), + sigma^2."})
    String layerGammas;

    /** The text options checked up front ({@code sweep} calls this for every swept value). */
    @Override
    protected void validate() {
        if (convention != null) {
            TimeConvention.parse(convention);
        }
        if (time != null) {
            Inputs.nonNegative("--time", time);
        }
    }

    @Override
    protected Report compute() {
        if (convention != null && time == null) {
            throw new InvalidInputException("--convention", convention, "only with --time (the convention is the clock"
                    + " of the gradient flow; --gamma G and --layer-gammas have none)");
        }
        if (layerGammas != null) {
            return untied();
        }
        if ((gamma == null) == (time == null)) {
            throw new InvalidInputException("--gamma", (gamma == null ? "missing" : "given together with --time")
                    + " (expected exactly one of --gamma G|opt and --time T)");
        }
        TimeConvention conv = TimeConvention.parse(convention == null ? "half" : convention);
        Method method = methodOptions.method();
        if (time != null && method == Method.MONTE_CARLO) {
            throw new InvalidInputException("--method", method.label(), "deteq with --time (the trained gamma(T) is a "
                    + "flow on the theory's landscape)");
        }
        if (time != null && mcCheck.requested()) {
            throw new InvalidInputException("--mc-check", mcCheck.trials, "only with --gamma (not with --time)");
        }
        ModelSpec spec = model.toSpec(structured);
        Theory theory = Theory.standard();
        Report r = new Report("risk").putAll(model.echo());
        if (model.setting() != Setting.ISO) {
            r.putAll(structured.echo(spec));
        }
        if (time != null) {
            double t = Inputs.nonNegative("--time", time);
            r.put("time", t).put("convention", conv.description());
            RiskResult res = theory.riskAfter(spec, t, conv);
            if (Double.isNaN(res.gamma())) { // FS at alpha = inf: the trained diagonal Gamma(T)
                r.put("gammaMode1", res.diagnostics().get("gammaMode1"));
                r.put("loss", res.loss()).put("excessLoss", res.excessLoss()).put("method", res.method());
                return r;
            }
            r.put("gamma", res.gamma());
            return Results.putRisk(r, res);
        }
        if (mcCheck.requested() && gamma.infinite()) {
            throw new InvalidInputException("--mc-check", mcCheck.trials, "only at a finite gamma or opt (gamma = inf "
                    + "is a t, L -> inf limit)");
        }
        int trials = mcCheck.requested() ? mcCheck.trials() : 0;
        long seed = mcCheck.seed();
        RiskResult res = theory.risk(spec, gamma, method);
        if (gamma.infinite()) {
            r.put("gamma", "inf");
            r.put("loss", res.loss()).put("excessLoss", res.excessLoss()).put("ridge", res.diagnostics().get("ridge"));
            r.put("method", res.method());
            if (res.diagnostics().get("solverResidual") != null) {
                r.put("solverResidual", res.diagnostics().get("solverResidual"));
            }
            return r;
        }
        r.put("gamma", res.gamma());
        Results.putRisk(r, res);
        if (trials > 0) {
            Results.putMonteCarloCheck(r, theory.monteCarloCheck(res, trials, seed));
        }
        return r;
    }

    /**
     * {@code sweep risk ... --gamma LIST}: the plain case (finite γ, theory, no --time, --layer-gammas or --mc-check)
     * on one landscape with one batched evaluation ({@link Theory#riskRun}); the reports of {@link #compute()}.
     */
    @Override
    protected List<Report> computeAtGammas(List<Gamma> gammas) {
        GammaRun run = run(gammas);
        if (run == null) {
            return null;
        }
        List<Report> out = new ArrayList<>(run.size());
        for (int k = 0; k < run.size(); k++) {
            out.add(run.report(k));
        }
        return out;
    }

    /** {@link #computeAtGammas} as rows that build their report only when an output needs it ({@link GammaRun}). */
    @Override
    protected List<?> rowsAtGammas(List<Gamma> gammas) {
        GammaRun run = run(gammas);
        return run == null ? null : run.rows();
    }

    /** The typed results of {@link #computeAtGammas}; null where that has no batched route. */
    private GammaRun run(List<Gamma> gammas) {
        if (convention != null || layerGammas != null || time != null || mcCheck.requested()
                || methodOptions.method() != Method.THEORY) {
            return null;
        }
        double[] g = new double[gammas.size()];
        for (int k = 0; k < g.length; k++) {
            Gamma x = gammas.get(k);
            if (x == null || x.optimal() || x.infinite()) {
                return null;
            }
            g[k] = x.value();
        }
        ModelSpec spec = model.toSpec(structured);
        RiskRun results = Theory.standard().riskRun(spec, g);
        Map<String, Object> echo = model.echo();
        Map<String, Object> spectrumEcho = model.setting() != Setting.ISO ? structured.echo(spec) : null;
        return new GammaRun(echo, spectrumEcho, results);
    }

    /** Untied layers Γ^ℓ = γ^ℓ I (paper App. G.1, notes §3.6), with the App. G.1.2 noise term at finite α. */
    private Report untied() {
        if (model.setting() != Setting.RRS) {
            throw new InvalidInputException("--layer-gammas", layerGammas, "only with --setting rrs");
        }
        if (gamma != null || time != null) {
            throw new InvalidInputException("--layer-gammas", layerGammas, "not together with --gamma or --time");
        }
        if (methodOptions.method() != Method.THEORY || mcCheck.requested()) {
            throw new InvalidInputException("--layer-gammas", layerGammas, "not together with --method monte-carlo or "
                    + "--mc-check (untied layers have no simulator here)");
        }
        double[] g = Inputs.nonNegativeValues("--layer-gammas", layerGammas);
        ModelSpec spec = model.toSpec(structured);
        UntiedRiskResult res = Theory.standard().untiedRisk(spec, g);
        Report r = new Report("risk").putAll(model.echo()).put("depth", g.length);
        r.putAll(structured.echo(spec));
        r.put("layerGammas", g.clone());
        r.put("loss", res.loss()).put("excessLoss", res.excessLoss());
        r.put("signalLoss", res.signalLoss());
        r.put("noiseLoss", res.noiseLoss());
        r.put("method", res.method());
        return r;
    }
}
