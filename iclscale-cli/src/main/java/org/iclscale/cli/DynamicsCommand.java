package org.iclscale.cli;

import org.iclscale.core.Inputs;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Setting;
import org.iclscale.io.Report;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.FsModel;
import org.iclscale.theory.FullAttentionFlow;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.GradientFlow;
import org.iclscale.theory.TimeConvention;
import org.iclscale.theory.UntiedLayers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dynamics}: gradient flow γ(t), 𝓛(t) from Γ(0) = 0 (paper Results 1, 4, 6, 9; App. G.1). */
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
        TimeConvention conv = flow.convention();
        FlowOptions.Rule rule = flow.rule();
        GammaLandscape landscape = Landscapes.create(model, structured);
        Report r = new Report("dynamics").putAll(model.echo());
        if (model.setting() != Setting.ISO) {
            r.putAll(structured.echo());
        }
        r.put("rule", flow.ruleName());
        if (model.setting() == Setting.FS) {
            return fs(r, t, conv, rule);
        }
        if (modes != null) {
            throw new InvalidInputException("--modes", modes, "only with --setting fs (per-mode eigenvalues)");
        }
        double[] scaled = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            scaled[i] = conv.factor() * t[i];
        }
        double[] gamma;
        double[] loss;
        int evaluations;
        switch (rule) {
            case FULL_ATTENTION -> {
                double w0 = flow.init();
                FullAttentionFlow.Trajectory traj = FullAttentionFlow.integrate(landscape, w0, t, conv.factor());
                gamma = traj.gamma();
                loss = traj.loss();
                evaluations = traj.evaluations();
                r.put("convention", conv.description() + " on the attention weights; gamma = w^5, dw/dt = w^4 (-1/2 dLoss/dgamma)"
                        + (conv == TimeConvention.APPENDIX_D ? " x 2" : ""));
                r.put("init", w0);
                r.put("method", "Result 9 (L^-1 restored), Dormand-Prince 8(5,3) (tolerance " + FullAttentionFlow.ABSOLUTE_TOLERANCE
                        + "), small balanced init w(0) = init (w_q = w_k = w_v = w, w_x = sqrt2 w; exact factorised flow = this"
                        + " at time 2^(2/5) t); loss: " + landscape.method());
                r.column("time", t).column("w", traj.w());
            }
            case UNTIED -> {
                if (model.setting() != Setting.RRS || model.depth().infinite()) {
                    throw new InvalidInputException("--rule", "untied", "tied or full-attention here (untied layers need"
                            + " --setting rrs and a finite --depth)");
                }
                Spectrum s = structured.spectrum(model.setting());
                int l = model.depth().steps();
                UntiedLayers u = new UntiedLayers(s, l);
                double[][] g = u.flow(new double[l], scaled);
                gamma = new double[t.length];
                loss = new double[t.length];
                double[] spread = new double[t.length];
                for (int i = 0; i < t.length; i++) {
                    double min = Double.POSITIVE_INFINITY;
                    double max = Double.NEGATIVE_INFINITY;
                    double mean = 0;
                    for (double x : g[i]) {
                        min = Math.min(min, x);
                        max = Math.max(max, x);
                        mean += x / l;
                    }
                    gamma[i] = mean;
                    spread[i] = max - min;
                    loss[i] = model.sigma() * model.sigma() + u.signal(g[i]);
                }
                evaluations = 0;
                r.put("convention", conv.description() + "; untied learning rate eta0*L");
                r.put("method", "untied layers (App. G.1): Dormand-Prince on the L per-layer gammas from 0; gamma = layer mean");
                r.column("time", t).column("layerSpread", spread);
                r.note("from equal init the layers stay balanced (gamma^l = tied gamma); the balanced point is a saddle for"
                        + " L >= 2, so layerSpread shows whether rounding has broken the symmetry");
            }
            default -> {
                GradientFlow.Trajectory traj = GradientFlow.integrate(landscape, scaled);
                gamma = traj.gamma();
                loss = traj.loss();
                evaluations = traj.evaluations();
                r.put("convention", conv.description() + ", Gamma(0) = 0");
                r.put("method", "Dormand-Prince 8(5,3) (abs/rel tolerance " + GradientFlow.ABSOLUTE_TOLERANCE + "); loss: "
                        + landscape.method());
                r.column("time", t);
            }
        }
        r.put("evaluations", evaluations);
        double[] excess = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            excess[i] = loss[i] - landscape.noiseVariance();
        }
        r.column("gamma", gamma).column("loss", loss).column("excessLoss", excess);
        return r;
    }

    private Report fs(Report r, double[] t, TimeConvention conv, FlowOptions.Rule rule) {
        if (rule != FlowOptions.Rule.TIED) {
            throw new InvalidInputException("--rule", flow.ruleName(), "tied for --setting fs (the matrix Gamma of Result 4)");
        }
        Spectrum s = structured.spectrum(model.setting());
        int[] m = parseModes(s.dim());
        int[] withTop = new int[m.length + 1];
        withTop[0] = 0;
        System.arraycopy(m, 0, withTop, 1, m.length);
        FsModel fs = new FsModel(s, model.depth(), model.sigma(), conv);
        boolean ode = switch (solver.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "exact" -> false;
            case "ode" -> true;
            default -> throw new InvalidInputException("--solver", solver, "exact or ode");
        };
        FsModel.Trajectory traj = ode ? fs.integrateOde(t, withTop) : fs.trajectory(t, withTop);
        r.put("convention", conv.description() + ": dgamma_k/dt = " + (conv.factor() == 1 ? "" : "2 ")
                + "omega_k lambda_k^2 (1 - lambda_k gamma_k/L)^(2L-1), Gamma(0) = 0");
        r.put("method", ode ? "FS Result 4: vectorised Dormand-Prince 8(5,3) over all " + s.dim() + " modes (tolerances "
                + FsModel.ODE_ABSOLUTE_TOLERANCE + " abs, " + FsModel.ODE_RELATIVE_TOLERANCE + " rel)"
                : "FS Result 4: exact separable solution per mode (L = inf: 2 lambda_k gamma_k = ln(1 + 2g omega_k lambda_k^3 t),"
                        + " g = 1 half, 2 appendix-d)");
        r.put("evaluations", traj.evaluations());
        double[] excess = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            excess[i] = traj.loss()[i] - fs.noiseVariance();
        }
        r.column("time", t).column("gamma", traj.modeGamma()[0]).column("loss", traj.loss()).column("excessLoss", excess);
        for (int j = 0; j < m.length; j++) {
            r.column("gammaMode" + (m[j] + 1), traj.modeGamma()[j + 1]);
        }
        r.note("gamma = gamma_1(t), the top eigenvalue of the diagonal Gamma(t)");
        r.note("time: partial derivatives by gamma_k without trace normalisation, so n SGD steps of train (learning "
                + "rate eta) correspond to t = D*eta*n here (half convention)");
        return r;
    }

    private int[] parseModes(int dim) {
        if (modes == null) {
            return new int[0];
        }
        int[] m = Inputs.integerList("--modes", modes, 1, dim);
        for (int i = 0; i < m.length; i++) {
            m[i]--; // 0-based mode index
        }
        return m;
    }
}
