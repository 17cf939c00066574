package org.iclscale.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Consumer;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Depth;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Inputs;
import org.iclscale.core.Setting;
import org.iclscale.deteq.FsModeLandscape;
import org.iclscale.model.ExplicitSpectrum;
import org.iclscale.model.Landscapes;
import org.iclscale.model.ModelSpec;
import org.iclscale.io.Report;
import org.iclscale.simulate.ContextSampler;
import org.iclscale.simulate.FullAttentionTrainer;
import org.iclscale.simulate.ReducedModelTrainer;
import org.iclscale.simulate.Trainer;
import org.iclscale.simulate.TrainingLoop;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.BalancedAttentionFlow;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.GradientFlow;
import org.iclscale.theory.IsoModel;
import org.iclscale.theory.ExactShallowLandscape;
import org.iclscale.theory.ModeFlow;
import org.iclscale.theory.ShallowSgd;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train}: pretraining by online SGD of the reduced-Γ model or of full linear attention, next to theory. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {
            "Pretrain by online SGD: each step draws B = tau*D fresh contexts of P = alpha*D",
            "pairs and K = kappa*D queries. --model reduced trains Gamma (tied or --untied);",
            "--model full trains the deep linear attention of paper 2.1.",
            "Reports the ICL test loss (exact query loss on fresh contexts, with its",
            "standard error), gamma(t), parameter norms, and theoryLoss where a theory exists:",
            "  reduced iso, depth 1: paper Result 10 (online SGD);",
            "  reduced iso, depth L: Result 1 gradient flow at t = eta*steps (untied: /L);",
            "  reduced rrs: Result 6 gradient flow of gamma on the finite-alpha N = D landscape;",
            "  reduced fs: per-mode flow of diag(gamma_k) on the finite-alpha FS landscape",
            "    (derived: structured-Wishart two-point contour with Lambda' = Gamma Lambda);",
            "  full iso/rrs: balanced gamma <-> w^5 flow at t = eta*steps; full fs: none.",
            "  reduced fs/rrs, depth 1: also exactTheoryLoss, the flow on the exact finite-(D, P)",
            "    loss (Isserlis), free of the deterministic equivalents' O(1/D) offset.",
            "FS/RRS use the simulation's alpha = P/D, D, sigma and the --nu/--beta spectrum;",
            "untied layers use the balanced flow (a saddle for L >= 2, see method).",
            "Learning rate: Gamma <- Gamma - eta*(D/2)*grad (the paper's Result 10)."})
public final class TrainCommand extends Verb {

    @Option(names = "--model", defaultValue = "reduced", description = "reduced or full (default: ${DEFAULT-VALUE}).")
    String model;

    @Mixin
    ModelOptions options;

    @Option(names = "--dim", required = true, description = "Input dimension D >= 1.")
    String dim;

    @Option(names = "--kappa", defaultValue = "1", description = "Queries per context kappa = K/D > 0 (default: ${DEFAULT-VALUE}).")
    String kappa;

    @Option(names = "--tau", defaultValue = "1", description = "Batch ratio tau = B/D > 0 (default: ${DEFAULT-VALUE}).")
    String tau;

    @Option(names = "--eta", required = true, description = "SGD learning rate eta > 0.")
    String eta;

    @Option(names = "--steps", required = true, description = "Number of SGD steps n >= 0.")
    String steps;

    @Option(names = "--every", description = "Measure the test loss every k steps (default: max(1, steps/50)).")
    String every;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    String seed;

    @Option(names = "--untied", description = "Independent weights per layer (default: tied, the looped model).")
    boolean untied;

    @Option(names = "--nu", description = "Capacity nu > 1 of the power-law spectrum (fs, rrs).")
    String nu;

    @Option(names = "--beta", description = "Source beta > 0 of the power-law spectrum (fs, rrs).")
    String beta;

    @Option(names = "--test-contexts", defaultValue = "200",
            description = "Fresh contexts for each test-loss measurement (default: ${DEFAULT-VALUE}).")
    String testContexts;

    @Option(names = "--init", description = "Initialisation: gamma0 of Gamma = gamma0*I (reduced, default 0) or the "
            + "balanced scale s of full attention (default 0.5, gamma(0) = 2 s^5).")
    String init;

    @Option(names = "--train-readout", description = "Full model: also train w_y and w_o (default: frozen).")
    boolean trainReadout;

    @Override
    protected Report compute() {
        String m = model.trim().toLowerCase(java.util.Locale.ROOT);
        if (!m.equals("reduced") && !m.equals("full")) {
            throw new InvalidInputException("--model", model, "reduced or full");
        }
        boolean full = m.equals("full");
        int d = Inputs.integer("--dim", dim, 1, full ? 512 : 100_000);
        double k = Inputs.positive("--kappa", kappa, false);
        double t = Inputs.positive("--tau", tau, false);
        double e = Inputs.positive("--eta", eta, false);
        int n = Inputs.integer("--steps", steps, 0, 100_000_000);
        int stride = every == null ? Math.max(1, n / 50) : Inputs.integer("--every", every, 1, Integer.MAX_VALUE);
        int tests = Inputs.integer("--test-contexts", testContexts, 2, 10_000_000);
        long s;
        try {
            s = Long.parseLong(seed.trim());
        } catch (NumberFormatException ex) {
            throw new InvalidInputException("--seed", seed, "an integer");
        }
        double alpha = options.alpha();
        if (Double.isInfinite(alpha)) {
            throw new InvalidInputException("--alpha", "inf", "a finite number > 0 for training (alpha is required)");
        }
        Depth depth = options.depth();
        if (depth.infinite()) {
            throw new InvalidInputException("--depth", "inf", "a finite integer >= 1 for training");
        }
        int layers = depth.steps();
        if (layers > 4096) {
            throw new InvalidInputException("--depth", layers, "an integer in [1, 4096] for training");
        }
        double sigma = options.sigma();
        Setting setting = options.setting();
        Spectrum spectrum = null;
        double nuValue = Double.NaN;
        double betaValue = Double.NaN;
        if (setting != Setting.ISO) {
            if (nu == null || beta == null) {
                throw new InvalidInputException(nu == null ? "--nu" : "--beta", "(missing)",
                        "required for --setting " + setting.cliName() + ": nu > 1, beta > 0");
            }
            nuValue = Inputs.greaterThan("--nu", nu, 1.0);
            betaValue = Inputs.positive("--beta", beta, false);
            spectrum = Spectrum.powerLaw(nuValue, betaValue, d);
        }
        int p = (int) Math.max(1, Math.round(alpha * d));
        int queries = (int) Math.max(1, Math.round(k * d));
        int batch = (int) Math.max(1, Math.round(t * d));
        double initValue = init == null ? (full ? 0.5 : 0.0)
                : full ? Inputs.positive("--init", init, false) : Inputs.nonNegative("--init", init);
        ContextSampler sampler = new ContextSampler(setting, d, p, queries, sigma, spectrum);
        Trainer trainer = full
                ? new FullAttentionTrainer(sampler, layers, untied, trainReadout, e, batch, initValue, s, tests)
                : new ReducedModelTrainer(sampler, layers, untied, e, batch, initValue, s, tests);
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> progress = msg -> {
            err.println("train: " + msg);
            err.flush();
        };
        TrainingLoop.Curve curve = TrainingLoop.run(trainer, n, stride, progress);

        Report r = new Report("train");
        r.put("model", m).putAll(options.echo());
        r.put("dim", d).put("kappa", k).put("tau", t).put("eta", e).put("totalSteps", n).put("every", stride)
                .put("seed", s).put("untied", untied).put("testContexts", tests).put("init", initValue);
        if (setting != Setting.ISO) {
            r.put("nu", nuValue).put("beta", betaValue);
        }
        if (full) {
            r.put("width", d + 1).put("trainReadout", trainReadout);
        }
        r.put("contextLength", p).put("queries", queries).put("batch", batch);
        int last = curve.loss().length - 1;
        r.put("finalLoss", curve.loss()[last]).put("finalStandardError", curve.standardError()[last])
                .put("finalGamma", curve.observables().get("gamma")[last]);

        double[] theory = null;
        double[] theoryGamma = null;
        double[] exactTheory = null;
        String method;
        String sim = "online SGD, " + (full ? "full linear attention (width D+1)" : "reduced Gamma")
                + (untied ? ", untied" : ", tied") + "; test loss = exact query loss on " + tests
                + " fixed fresh contexts";
        double clock = untied && !full ? e / layers : e;
        double[] times = new double[curve.steps().length];
        for (int i = 0; i < times.length; i++) {
            times[i] = clock * curve.steps()[i];
        }
        if (setting == Setting.ISO && !trainReadout && (full ? true : initValue == 0.0)) {
            IsoModel iso = new IsoModel(alpha, depth, sigma);
            if (full) {
                BalancedAttentionFlow.Trajectory tr = BalancedAttentionFlow.integrate(iso, initValue,
                        untied ? 1.0 / layers : 1.0, times);
                theory = tr.loss();
                theoryGamma = tr.gamma();
                method = sim + "; theory: balanced full-attention flow (gamma = w_v w_k w_q w_x^2 ~ w^5) on the exact "
                        + "ISO landscape at t = eta*steps";
            } else if (layers == 1) {
                try {
                    ShallowSgd sgd = new ShallowSgd(alpha, k, t, e, sigma);
                    theory = new double[times.length];
                    for (int i = 0; i < times.length; i++) {
                        theory[i] = sgd.loss((int) curve.steps()[i]);
                    }
                    method = sim + "; theory: paper Result 10 (online SGD, depth 1), loss = sigma^2 + 1 - 1/g + g C(t)";
                } catch (InvalidInputException unstable) {
                    method = sim + "; no theory: " + unstable.getMessage();
                }
            } else {
                GradientFlow.Trajectory tr = GradientFlow.integrate(iso, times);
                theory = tr.loss();
                theoryGamma = tr.gamma();
                method = sim + "; theory: gradient flow of paper Result 1 (dgamma/dt = -1/2 dL/dgamma) at t = eta*steps"
                        + (untied ? "/L (untied: each layer gets 1/L of the gradient)" : "");
            }
            r.put("theoryFinalLoss", theory == null ? "none" : theory[last]);
        } else if (setting != Setting.ISO && !trainReadout) {
            StructuredTheory st;
            try {
                st = structuredTheory(full, setting, spectrum, (double) p / d, depth, sigma, untied, initValue, times);
            } catch (ComputationException failed) {
                st = new StructuredTheory(null, null, "no theory: the theory solver failed (" + failed.getMessage() + ")");
            }
            theory = st.loss();
            theoryGamma = st.gamma();
            method = sim + "; " + st.method();
            if (theory != null) {
                r.put("theoryAlpha", (double) p / d).put("theoryFinalLoss", theory[last]);
            }
            if (!full && layers == 1 && (setting == Setting.FS || initValue == 0.0)) {
                exactTheory = exactShallowTheory(setting, spectrum, p, sigma, initValue, times);
                method += "; exactTheoryLoss: the same flow on the exact finite-(D, P) depth-1 loss (Isserlis, "
                        + "no deterministic equivalent)";
                r.put("exactTheoryFinalLoss", exactTheory[last]);
            }
        } else {
            method = sim + "; no theory curve for " + (trainReadout ? "a trained readout" : "a nonzero initial gamma");
        }
        r.put("method", method);
        r.put("timeConvention", "gradient-flow time t = eta*steps" + (untied && !full ? "/L" : "")
                + " for dGamma/dt = -1/2 dL/dGamma");
        double[] excess = curve.loss().clone();
        for (int i = 0; i < excess.length; i++) {
            excess[i] -= sigma * sigma;
        }
        r.column("steps", curve.steps()).column("loss", curve.loss()).column("standardError", curve.standardError())
                .column("excessLoss", excess);
        if (theory != null) {
            r.column("theoryLoss", theory);
        }
        if (exactTheory != null) {
            r.column("exactTheoryLoss", exactTheory);
        }
        r.column("trainLoss", curve.trainLoss());
        for (Map.Entry<String, double[]> o : curve.observables().entrySet()) {
            r.column(o.getKey(), o.getValue());
        }
        if (theoryGamma != null) {
            r.column("theoryGamma", theoryGamma);
        }
        return r;
    }

    /**
     * Depth 1, FS or RRS: the flow of {@link #structuredTheory} on the exact finite-(D, P) loss
     * ({@link ExactShallowLandscape}): per-mode (FS, scale D) or along Γ = γI (RRS).
     */
    private static double[] exactShallowTheory(Setting setting, Spectrum spectrum, int contextLength, double sigma,
            double init, double[] times) {
        ExactShallowLandscape exact = new ExactShallowLandscape(spectrum, contextLength, sigma);
        if (setting == Setting.RRS) {
            return GradientFlow.integrate(exact.isotropic(), times).loss();
        }
        double[] start = new double[spectrum.dim()];
        java.util.Arrays.fill(start, init);
        return ModeFlow.integrate(exact, start, times, spectrum.dim()).loss();
    }

    /** Theory curve of a structured setting (FS/RRS): loss, gamma (may be null) and the method text. */
    private record StructuredTheory(double[] loss, double[] gamma, String method) {
    }

    /**
     * FS/RRS theory at the simulation's parameters (α = P/D of the simulation, finite D = N, the power-law
     * spectrum): RRS reduced → scalar gradient flow on the finite-α N = D landscape (Result 6 at finite α);
     * FS reduced → per-mode flow on the finite-α diagonal-Γ landscape ({@link FsModeLandscape}); RRS full →
     * balanced γ ↔ w⁵ flow on the RRS landscape; FS full → none.
     */
    private static StructuredTheory structuredTheory(boolean full, Setting setting, Spectrum spectrum, double alphaEff,
            Depth depth, double sigma, boolean untied, double init, double[] times) {
        int layers = depth.steps();
        String clock = untied && !full ? "t = eta*steps/L" : "t = eta*steps";
        String balanced = untied && layers > 1 ? "; untied: from equal starts the mean flow keeps the layers balanced "
                + "(gamma^l = tied gamma) and each layer gets 1/L of the gradient, hence t = eta*steps/L; the balanced "
                + "point is a saddle of the untied loss for L >= 2, so SGD noise can split the layers at long times "
                + "(compare gammaLayer*)" : "";
        if (full) {
            if (setting == Setting.FS) {
                return new StructuredTheory(null, null, "no theory: full attention in FS has no scalar reduction (the FS "
                        + "symmetry keeps Gamma diagonal, not a multiple of I, so the gamma = w^5 flow does not apply)");
            }
            GammaLandscape rrs = Landscapes.of(ModelSpec.rrs(ExplicitSpectrum.of(spectrum)).alpha(alphaEff).depth(depth)
                    .sigma(sigma).build());
            BalancedAttentionFlow.Trajectory tr = BalancedAttentionFlow.integrate(rrs, init, untied ? 1.0 / layers : 1.0,
                    times);
            return new StructuredTheory(tr.loss(), tr.gamma(), "theory: balanced full-attention flow (gamma = w_v w_k "
                    + "w_q w_x^2 ~ w^5, paper Result 9; RRS rotation invariance keeps the aligned scalar reduction) on the "
                    + "finite-alpha RRS landscape at t = eta*steps: " + rrs.method());
        }
        if (setting == Setting.RRS) {
            if (init != 0.0) {
                return new StructuredTheory(null, null, "no theory curve for a nonzero initial gamma in RRS");
            }
            GammaLandscape rrs = Landscapes.of(ModelSpec.rrs(ExplicitSpectrum.of(spectrum)).alpha(alphaEff).depth(depth)
                    .sigma(sigma).build());
            GradientFlow.Trajectory tr = GradientFlow.integrate(rrs, times);
            return new StructuredTheory(tr.loss(), tr.gamma(), "theory: RRS gradient flow dgamma/dt = -1/2 dL/dgamma "
                    + "(paper Result 6; rotation invariance keeps Gamma = gamma I) on the finite-alpha, N = D landscape, "
                    + clock + ": " + rrs.method() + balanced);
        }
        FsModeLandscape fs = new FsModeLandscape(spectrum, alphaEff, depth, sigma);
        double[] start = new double[spectrum.dim()];
        java.util.Arrays.fill(start, init);
        ModeFlow.Trajectory tr = ModeFlow.integrate(fs, start, times, spectrum.dim());
        String fsUntied = untied && layers > 1 ? "; untied: the balanced per-mode flow (exact at alpha = inf, where all "
                + "layer factors commute; at finite alpha the layers' FS gradients differ at O(Gamma^2/alpha), so this is "
                + "the balanced approximation), t = eta*steps/L" : "";
        return new StructuredTheory(tr.loss(), tr.meanGamma(), "theory: FS per-mode gradient flow dGamma/dt = -1/2 "
                + "dL/dGamma in normalised-trace units, i.e. dgamma_k/dt = -(D/2) dL/dgamma_k (paper Result 4 extended to "
                + "finite alpha: the mean SGD update keeps Gamma diagonal), "
                + ModeFlow.INTEGRATOR.label() + " with dense output (tol " + ModeFlow.RELATIVE_TOLERANCE + " rel), " + tr.evaluations()
                + " gradient evaluations, " + clock + ", theoryGamma = mean gamma_k = tr Gamma/D: " + fs.method() + fsUntied);
    }
}
