package org.iclscale.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Consumer;
import org.iclscale.core.Extent;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Inputs;
import org.iclscale.core.QueryLabels;
import org.iclscale.core.Setting;
import org.iclscale.io.Report;
import org.iclscale.model.ModelSpec;
import org.iclscale.model.PowerLaw;
import org.iclscale.model.Theory;
import org.iclscale.model.TheoryCurve;
import org.iclscale.model.TrainResult;
import org.iclscale.model.TrainSpec;
import org.iclscale.model.TrainingTheory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code train}: pretraining by online SGD of the reduced-Γ model or of full linear attention, next to theory. A
 * thin adapter: options → {@link TrainSpec} (once) → {@link Theory#train} → {@link Report}; which theory a run
 * gets is decided by {@link org.iclscale.model.Landscapes#trainingRegime}.
 */
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
            "Learning rate: Gamma <- Gamma - eta*(D/2)*grad (the paper's Result 10).",
            "Labels: every label is y = x.w* + sigma*eps, query labels included (--query-labels",
            "noise-free drops the noise of the training batches' query labels, as the paper's",
            "Result 10 update does); with sigma > 0 at depth 1 the Result 10 theory follows the choice."})
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

    @Option(names = "--query-labels", defaultValue = "noisy", description = "Query labels of the training batches: "
            + "noisy (y = x.w* + sigma*eps, like every label) or noise-free (y = x.w*, the paper's Result 10 update) "
            + "(default: ${DEFAULT-VALUE}).")
    String queryLabels;

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

    @Option(names = "--train-readout", description = "Full model only: also train w_y and w_o (default: frozen; no theory then).")
    boolean trainReadout;

    /** The whole option set is checked by building the spec ({@code sweep} calls this for every swept value). */
    @Override
    protected void validate() {
        toSpec();
    }

    @Override
    protected Report compute() {
        TrainSpec run = toSpec();
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> progress = msg -> {
            err.println("train: " + msg);
            err.flush();
        };
        return report(Theory.standard().train(run, progress));
    }

    /** The options as a {@link TrainSpec} (parsed here; every range is checked by the spec). */
    TrainSpec toSpec() {
        TrainSpec.Architecture architecture = TrainSpec.Architecture.parse(model);
        boolean full = architecture == TrainSpec.Architecture.FULL;
        int d = Inputs.integer("--dim", dim, 1, full ? TrainSpec.MAX_FULL_DIM : TrainSpec.MAX_REDUCED_DIM);
        double k = Inputs.positive("--kappa", kappa, false);
        double t = Inputs.positive("--tau", tau, false);
        double e = Inputs.positive("--eta", eta, false);
        int n = Inputs.integer("--steps", steps, 0, TrainSpec.MAX_STEPS);
        int tests = Inputs.integer("--test-contexts", testContexts, 2, TrainSpec.MAX_TEST_CONTEXTS);
        long s = Inputs.seed("--seed", seed);
        Setting setting = options.setting();
        ModelSpec.Builder b;
        if (setting == Setting.ISO) {
            if (nu != null || beta != null) {
                String option = nu != null ? "--nu" : "--beta";
                throw new InvalidInputException(option, (nu != null ? nu : beta) + " is not accepted with --setting iso "
                        + "(the power-law spectrum options belong to --setting fs or rrs)");
            }
            b = ModelSpec.iso();
        } else {
            if (nu == null || beta == null) {
                throw new InvalidInputException(nu == null ? "--nu" : "--beta", "(missing)",
                        "required for --setting " + setting.cliName() + ": nu > 1, beta > 0");
            }
            double nuValue = Inputs.greaterThan("--nu", nu, 1.0);
            double betaValue = Inputs.positive("--beta", beta, false);
            b = ModelSpec.builder(setting, PowerLaw.of(nuValue, betaValue, d));
        }
        ModelSpec m = b.alpha(Extent.ofNullable(options.alpha())).depth(options.depth()).sigma(options.sigma()).build();
        TrainSpec.Builder tb = TrainSpec.builder(m, architecture).dim(d).kappa(k).tau(t).eta(e).steps(n).seed(s)
                .untied(untied).testContexts(tests).trainReadout(trainReadout)
                .queryLabels(QueryLabels.parse(queryLabels));
        if (every != null) {
            tb.every(Inputs.integer("--every", every, 1, Integer.MAX_VALUE));
        }
        if (init != null) {
            tb.init(full ? Inputs.positive("--init", init, false) : Inputs.nonNegative("--init", init));
        }
        return tb.build();
    }

    /** The typed result as the report users see (keys and order of the command-line contract). */
    private Report report(TrainResult res) {
        TrainSpec ts = res.spec();
        TrainingTheory th = res.theory();
        Report r = new Report("train");
        r.put("model", ts.architecture().cliName()).putAll(options.echo());
        r.put("dim", ts.dim()).put("kappa", ts.kappa()).put("tau", ts.tau()).put("eta", ts.eta())
                .put("steps", ts.steps()).put("every", ts.every()).put("seed", ts.seed())
                .put("untied", ts.untied()).put("testContexts", ts.testContexts()).put("init", ts.init());
        if (ts.model().spectrum() instanceof PowerLaw law) {
            r.put("nu", law.nu()).put("beta", law.beta());
        }
        if (ts.full()) {
            r.put("width", ts.dim() + 1).put("trainReadout", ts.trainReadout());
        }
        r.put("contextLength", ts.contextLength()).put("queries", ts.queries()).put("batch", ts.batch());
        r.put("finalLoss", res.finalLoss()).put("finalStandardError", res.finalStandardError())
                .put("finalGamma", res.finalGamma());
        if (th.theory().isPresent()) {
            th.theoryAlpha().ifPresent(a -> r.put("theoryAlpha", a));
            r.put("theoryFinalLoss", th.theory().get().finalLoss());
        } else if (th.status() == TrainingTheory.Status.UNSTABLE) {
            r.put("theoryFinalLoss", "none");
        }
        th.exactShallow().ifPresent(c -> r.put("exactTheoryFinalLoss", c.finalLoss()));
        r.put("method", res.method());
        r.put("timeConvention", th.timeConvention());
        r.column("step", res.steps()).column("loss", res.loss()).column("standardError", res.standardError())
                .column("excessLoss", res.excessLoss());
        th.theory().ifPresent(c -> r.column("theoryLoss", c.loss()));
        th.exactShallow().ifPresent(c -> r.column("exactTheoryLoss", c.loss()));
        r.column("trainLoss", res.trainLoss());
        for (Map.Entry<String, double[]> o : res.observables().entrySet()) {
            r.column(o.getKey(), o.getValue());
        }
        th.theory().flatMap(TheoryCurve::gamma).ifPresent(g -> r.column("theoryGamma", g));
        return r;
    }
}
