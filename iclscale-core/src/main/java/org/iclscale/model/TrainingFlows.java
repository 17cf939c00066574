package org.iclscale.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Diagnostics;
import org.iclscale.core.Extent;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.QueryLabels;
import org.iclscale.core.Setting;
import org.iclscale.deteq.FsModeLandscape;
import org.iclscale.theory.BalancedAttentionFlow;
import org.iclscale.theory.ExactShallowLandscape;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.GradientFlow;
import org.iclscale.theory.ModeFlow;
import org.iclscale.theory.ModeLandscape;
import org.iclscale.theory.ShallowSgd;

/**
 * The curves of {@link Theory#trainingTheory}: each {@link TrainingRegime} (decided by
 * {@link Landscapes#trainingRegime}) integrated on the trainer's clock t = n·{@link TrainSpec#flowTimePerStep()}
 * over the landscapes of {@link Landscapes#trainingModel}. No regime is decided here.
 */
final class TrainingFlows {

    private TrainingFlows() {
    }

    static TrainingTheory compute(TrainSpec spec, double[] steps, Set<TrainingTheory.Curve> curves) {
        validate(steps);
        TrainingRegime regime = Landscapes.trainingRegime(spec);
        if (regime == TrainingRegime.SHALLOW_SGD) {
            for (double n : steps) {
                if (n != Math.rint(n) || n > Integer.MAX_VALUE) {
                    throw new InvalidInputException("steps", n, "integers for the depth-1 SGD recursion of Result 10");
                }
            }
        }
        double clock = spec.flowTimePerStep();
        double[] times = new double[steps.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = clock * steps[i];
        }
        ModelSpec model = Landscapes.trainingModel(spec);

        Optional<TheoryCurve> theory = Optional.empty();
        TrainingTheory.Status status = TrainingTheory.Status.NOT_REQUESTED;
        String method;
        if (!regime.hasTheory()) {
            status = TrainingTheory.Status.NONE;
            method = noTheory(regime, model.setting());
        } else if (!curves.contains(TrainingTheory.Curve.THEORY)) {
            method = "theory not requested";
        } else {
            try {
                TheoryCurve c = curve(regime, spec, model, steps, times);
                theory = Optional.of(c);
                status = TrainingTheory.Status.CURVE;
                method = c.method();
            } catch (InvalidInputException unstable) {
                if (regime != TrainingRegime.SHALLOW_SGD) {
                    throw unstable;
                }
                status = TrainingTheory.Status.UNSTABLE;
                method = "no theory: " + unstable.getMessage();
            } catch (ComputationException failed) {
                status = TrainingTheory.Status.SOLVER_FAILED;
                method = "no theory: the theory solver failed (" + failed.getMessage() + ")";
            }
        }
        Optional<TheoryCurve> exact = Optional.empty();
        if (curves.contains(TrainingTheory.Curve.EXACT_SHALLOW) && Landscapes.hasExactShallowTheory(spec)) {
            exact = Optional.of(exactShallow(regime, spec, model, times));
            method += "; exactTheoryLoss: the same flow on the exact finite-(D, P) depth-1 loss (Isserlis, "
                    + "no deterministic equivalent)";
        }
        Optional<TheoryCurve> infinite = Optional.empty();
        if (curves.contains(TrainingTheory.Curve.INFINITE_CONTEXT) && regime.hasTheory()) {
            ModelSpec atInfinity = model.withAlpha(Extent.INFINITE);
            TheoryCurve c = curve(regime, spec, atInfinity, steps, times);
            infinite = Optional.of(new TheoryCurve(c.loss(), c.gamma(), c.gammaDistance(), "alpha = inf: " + c.method(),
                    c.diagnostics()));
        }
        OptionalDouble theoryAlpha = Landscapes.theoryAtRealisedAlpha(spec) && theory.isPresent() ? OptionalDouble.of(spec.realisedAlpha())
                : OptionalDouble.empty();
        String convention = "gradient-flow time t = eta*steps" + (spec.untied() && !spec.full() ? "/L" : "")
                + " for dGamma/dt = -1/2 dL/dGamma";
        return new TrainingTheory(spec, regime, steps, times, theory, exact, infinite, status, theoryAlpha, method,
                convention);
    }

    private static void validate(double[] steps) {
        if (steps.length == 0) {
            throw new InvalidInputException("steps", "empty: give at least one SGD step");
        }
        for (int i = 0; i < steps.length; i++) {
            if (!(steps[i] >= 0) || !Double.isFinite(steps[i]) || i > 0 && steps[i] < steps[i - 1]) {
                throw new InvalidInputException("steps", steps[i], "finite numbers >= 0 in increasing order");
            }
        }
    }

    /** Why a regime without theory has none (the method text of {@code train}). */
    private static String noTheory(TrainingRegime regime, Setting setting) {
        return switch (regime) {
            case NONE_TRAINED_READOUT -> "no theory curve for a trained readout";
            case NONE_NONZERO_INIT -> "no theory curve for a nonzero initial gamma" + (setting == Setting.RRS ? " in RRS" : "");
            case NONE_FULL_ATTENTION_FS -> "no theory: full attention in FS has no scalar reduction (the FS symmetry "
                    + "keeps Gamma diagonal, not a multiple of I, so the gamma = w^5 flow does not apply)";
            default -> throw new IllegalStateException(regime + " has a theory");
        };
    }

    /** The curve of {@code regime} on {@code model} (the training model, or its α = ∞ reference). */
    private static TheoryCurve curve(TrainingRegime regime, TrainSpec spec, ModelSpec model, double[] steps,
            double[] times) {
        int layers = spec.layers();
        boolean untied = spec.untied();
        return switch (regime) {
            case SHALLOW_SGD -> shallowSgd(spec, model, steps);
            case ISO_GRADIENT_FLOW -> {
                GradientFlow.Trajectory tr = GradientFlow.integrate(Landscapes.of(model), times);
                yield TheoryCurve.of(tr.loss(), tr.gamma(), "theory: gradient flow of paper Result 1 (dgamma/dt = -1/2 "
                        + "dL/dgamma) at t = eta*steps" + (untied ? "/L (untied: each layer gets 1/L of the gradient)" : ""),
                        evaluations(tr.evaluations()));
            }
            case BALANCED_ATTENTION_FLOW -> {
                GammaLandscape landscape = Landscapes.of(model);
                BalancedAttentionFlow.Trajectory tr = BalancedAttentionFlow.integrate(landscape, spec.init(),
                        untied ? 1.0 / layers : 1.0, times);
                String method = model.setting() == Setting.ISO
                        ? "theory: balanced full-attention flow (gamma = w_v w_k w_q w_x^2 ~ w^5) on the exact ISO "
                                + "landscape at t = eta*steps"
                        : "theory: balanced full-attention flow (gamma = w_v w_k w_q w_x^2 ~ w^5, paper Result 9; RRS "
                                + "rotation invariance keeps the aligned scalar reduction) on the finite-alpha RRS "
                                + "landscape at t = eta*steps: " + landscape.method();
                yield TheoryCurve.of(tr.loss(), tr.gamma(), method, Diagnostics.none());
            }
            case RRS_GRADIENT_FLOW -> {
                GammaLandscape landscape = Landscapes.of(model);
                GradientFlow.Trajectory tr = GradientFlow.integrate(landscape, times);
                yield TheoryCurve.of(tr.loss(), tr.gamma(), "theory: RRS gradient flow dgamma/dt = -1/2 dL/dgamma "
                        + "(paper Result 6; rotation invariance keeps Gamma = gamma I) on the finite-alpha, N = D landscape, "
                        + clock(spec) + ": " + landscape.method() + balancedNote(spec), evaluations(tr.evaluations()));
            }
            case FS_MODE_FLOW -> {
                ModeLandscape fs = Landscapes.modes(model);
                ModeFlow.Trajectory tr = ModeFlow.integrate(fs, start(spec), times, spec.dim());
                String landscapeMethod = fs instanceof FsModeLandscape finite ? finite.method(tr.finalDiagnostics())
                        : fs.method();
                String fsUntied = untied && layers > 1 ? "; untied: the balanced per-mode flow (exact at alpha = inf, "
                        + "where all layer factors commute; at finite alpha the layers' FS gradients differ at "
                        + "O(Gamma^2/alpha), so this is the balanced approximation), t = eta*steps/L" : "";
                yield TheoryCurve.of(tr.loss(), tr.meanGamma(), "theory: FS per-mode gradient flow dGamma/dt = -1/2 "
                        + "dL/dGamma in normalised-trace units, i.e. dgamma_k/dt = -(D/2) dL/dgamma_k (paper Result 4 "
                        + "extended to finite alpha: the mean SGD update keeps Gamma diagonal), "
                        + ModeFlow.INTEGRATOR.label() + " with dense output (tol " + ModeFlow.RELATIVE_TOLERANCE
                        + " rel), " + tr.evaluations() + " gradient evaluations, " + clock(spec)
                        + ", theoryGamma = mean gamma_k = tr Gamma/D: " + landscapeMethod + fsUntied,
                        evaluations(tr.evaluations()).and(tr.finalDiagnostics()));
            }
            default -> throw new IllegalStateException(regime + " has no theory");
        };
    }

    /** Result 10 at the requested ratios α, κ, τ (ISO: the D = ∞ recursion), in the batches' query-label convention. */
    private static TheoryCurve shallowSgd(TrainSpec spec, ModelSpec model, double[] steps) {
        double sigma = model.sigma();
        ShallowSgd sgd = new ShallowSgd(model.alpha().value(), spec.kappa(), spec.tau(), spec.eta(), sigma,
                spec.queryLabels());
        double[] loss = new double[steps.length];
        double[] distance = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            loss[i] = sgd.loss((int) steps[i]);
            distance[i] = sgd.gammaDistance((int) steps[i]);
        }
        String labels = sigma > 0 ? (spec.queryLabels() == QueryLabels.NOISY
                ? "; noisy query labels as in the batches: b + (eta^2/tau) sigma^2 g/kappa"
                : "; noise-free query labels in the batches (the paper's update)") : "";
        return new TheoryCurve(loss, Optional.empty(), Optional.of(distance), "theory: paper Result 10 (online SGD, "
                + "depth 1), loss = sigma^2 + 1 - 1/g + g C(t)" + labels, Diagnostics.builder().put("a", sgd.a())
                .put("b", sgd.b()).build());
    }

    /**
     * Depth 1 ({@link Landscapes#hasExactShallowTheory}): the flow of the regime on the exact finite-(D, P) loss,
     * along Γ = γI (RRS scalar flow) or per mode (FS).
     */
    private static TheoryCurve exactShallow(TrainingRegime regime, TrainSpec spec, ModelSpec model, double[] times) {
        ExactShallowLandscape exact = Landscapes.exactShallow(model, spec.contextLength());
        String method = "flow on the exact finite-(D, P) depth-1 loss: " + exact.method();
        if (regime == TrainingRegime.RRS_GRADIENT_FLOW) {
            GradientFlow.Trajectory tr = GradientFlow.integrate(exact.isotropic(), times);
            return TheoryCurve.of(tr.loss(), tr.gamma(), method, evaluations(tr.evaluations()));
        }
        ModeFlow.Trajectory tr = ModeFlow.integrate(exact, start(spec), times, spec.dim());
        return TheoryCurve.of(tr.loss(), tr.meanGamma(), method, evaluations(tr.evaluations()));
    }

    /** γ_k(0) = γ₀ for every mode. */
    private static double[] start(TrainSpec spec) {
        double[] s = new double[spec.dim()];
        Arrays.fill(s, spec.init());
        return s;
    }

    private static String clock(TrainSpec spec) {
        return spec.untied() && !spec.full() ? "t = eta*steps/L" : "t = eta*steps";
    }

    private static String balancedNote(TrainSpec spec) {
        return spec.untied() && spec.layers() > 1 ? "; untied: from equal starts the mean flow keeps the layers "
                + "balanced (gamma^l = tied gamma) and each layer gets 1/L of the gradient, hence t = eta*steps/L; the "
                + "balanced point is a saddle of the untied loss for L >= 2, so SGD noise can split the layers at long "
                + "times (compare gammaLayer*)" : "";
    }

    private static Diagnostics evaluations(int n) {
        return Diagnostics.builder().put("evaluations", n).build();
    }
}
