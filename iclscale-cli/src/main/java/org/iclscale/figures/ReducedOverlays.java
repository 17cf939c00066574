package org.iclscale.figures;

import java.util.ArrayList;
import java.util.List;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Depth;
import org.iclscale.core.Setting;
import org.iclscale.io.Report;
import org.iclscale.plot.Chart;
import org.iclscale.simulate.ContextSampler;
import org.iclscale.simulate.ReducedModelTrainer;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.ExactShallowLandscape;
import org.iclscale.theory.FsModel;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.GradientFlow;
import org.iclscale.theory.ModeFlow;
import org.iclscale.theory.ModeLandscape;
import org.iclscale.theory.TimeConvention;
import org.iclscale.deteq.FsModeLandscape;

/**
 * Reduced-Γ training overlays at a small D (Figs. 3, 4, 8 with {@code --simulate}): online SGD of the reduced model
 * ({@link ReducedModelTrainer}, Γ(0) = 0, tied or untied, trainer clock t = η₀n) through the one runner
 * {@link TrainingOverlay}, against the P = ∞ theory at the simulation's D, the finite-α deterministic equivalent and
 * the exact finite-(D, P) landscape. They stay on panels of their own: the paper's sizes (D = 64..128, 10⁴ steps)
 * do not fit the budget of {@code figure all --simulate}.
 */
final class ReducedOverlays {

    /** Default D of the reduced-model overlays. */
    static final int SIM_DIM = 16;
    /** Context ratio α = P/D of the overlays: large but finite (the figures' theory is at P = ∞). */
    static final double ALPHA = 8;
    /** Batch ratio B/D of the overlays. */
    static final double TAU = 2;
    /** Per-layer learning rate η₀ of the RRS overlays: t = η₀·n (tied η = η₀; untied η = η₀L, paper §2.6). */
    static final double RRS_ETA = 0.2;
    /** SGD steps recorded by the RRS overlays (t = η₀·n = 0.4 .. 100). */
    static final double[] RRS_STEPS = {2, 5, 10, 25, 50, 100, 250, 500};
    /** Learning rate of the FS overlay (per-mode stability needs η·D·p₁λ₁ &lt; 2: η = 0.05 at D ≤ 32). */
    static final double FS_ETA = 0.05;
    /** SGD steps recorded by the FS overlay, from step 5 (at step 2 the discrete update is 13 % ahead of the flow). */
    static final double[] FS_STEPS = {5, 10, 25, 50, 100, 250, 500, 1000};
    /** Sampled contexts of the finite-size landscapes of the overlays. */
    static final int FINITE_SIZE_SAMPLES = 500;

    private ReducedOverlays() {
    }

    /** FS overlay (ν = β = 1.25): SGD against the per-mode flows at α = ∞ ({@link FsModel}) and finite α. */
    static Figure.Panel fs(String name, int[] depths, PaperFigures.Options o, double alpha, double tau, double eta,
            double[] steps) {
        double nu = 1.25;
        double beta = 1.25;
        int d = o.dim();
        int p = (int) Math.max(1, Math.round(alpha * d));
        int batch = (int) Math.max(1, Math.round(tau * d));
        Spectrum spec = Spectrum.powerLaw(nu, beta, d);
        ContextSampler sampler = new ContextSampler(Setting.FS, d, p, d, 0, spec);
        double alphaEff = (double) p / d;
        double[] times = Curves.scale(steps, eta);
        double[] dense = Curves.scale(Curves.decades(0, 3, 10), eta);
        double[] denseSteps = Curves.decades(0, 3, 10);
        Chart.Builder c = new Chart.Builder(name, "(d)", Chart.Axis.log("SGD step n (t = ηn)", "SGD step $n$ ($t = \\eta n$)",
                Double.NaN, Double.NaN), Chart.Axis.log("ℒ(t)", "$\\mathcal{L}(t)$", Double.NaN, Double.NaN))
                .legend("lower left");
        List<double[]> rows = new ArrayList<>();
        List<String> omitted = new ArrayList<>();
        Report exact = null;
        for (int j = 0; j < depths.length; j++) {
            int l = depths[j];
            String color = Curves.rocket(j, depths.length);
            TrainingOverlay.Curve cv;
            try {
                cv = TrainingOverlay.run(name, j, o.seed(), seed -> new ReducedModelTrainer(sampler, l, false, eta, batch,
                        0.0, seed, o.trials()), o.runs(), steps);
            } catch (ComputationException e) {
                omitted.add("L = " + l + ": " + e.getMessage());
                continue;
            }
            double[] zero = new double[d];
            FsModel infinite = FigureLandscapes.fs(spec, Depth.of(l), TimeConvention.HALF);
            ModeLandscape finite = FigureLandscapes.fsModes(spec, alphaEff, Depth.of(l));
            double[] thInf = ModeFlow.integrate(infinite, zero, times, d).loss();
            double[] thAlpha = ModeFlow.integrate(finite, zero, times, d).loss();
            if (l == 1) {
                ExactShallowLandscape shallow = FigureLandscapes.exactShallow(spec, p);
                exact = new Report(name + "-exact").column("step", steps).column("time", times)
                        .column("exactTheoryLoss", ModeFlow.integrate(shallow, zero, times, d).loss());
                exact.put("depth", 1).put("method", "per-mode flow (scale D, t = eta*n) on " + shallow.method());
                c.add(Curves.line("Theory (L = 1; exact finite P)", "$L = 1$: exact finite $P$", Chart.Kind.THEORY,
                        Chart.Line.DOTTED, color, denseSteps, ModeFlow.integrate(shallow, zero, dense, d).loss()));
            }
            c.add(Curves.theory("Theory (L = " + l + "; α = ∞)", "$L = " + l + "$: $\\alpha = \\infty$", color, denseSteps,
                    ModeFlow.integrate(infinite, zero, dense, d).loss()));
            c.add(Curves.line("Theory (L = " + l + "; α = " + Curves.fmt(alphaEff) + ")", "$\\alpha = " + Curves.fmt(alphaEff)
                    + "$", Chart.Kind.THEORY, Chart.Line.DASHED, color, denseSteps,
                    ModeFlow.integrate(finite, zero, dense, d).loss()));
            c.add(Curves.markers("L = " + l, "SGD $L = " + l + "$", color, steps, cv.mean(), cv.standardError()));
            for (int i = 0; i < steps.length; i++) {
                rows.add(new double[] {l, steps[i], times[i], cv.mean()[i], cv.standardError()[i], thInf[i], thAlpha[i]});
            }
        }
        Report r = Curves.table(name, rows, "depth", "step", "time", "loss", "standardError", "theoryLoss",
                "finiteAlphaTheoryLoss");
        r.put("setting", "fs").put("nu", nu).put("beta", beta).put("dim", d).put("alpha", alphaEff).put("kappa", 1.0)
                .put("tau", (double) batch / d).put("eta", eta).put("runs", o.runs()).put("testContexts", o.trials())
                .put("seed", o.seed()).put("omitted", omitted.isEmpty() ? "none" : String.join("; ", omitted))
                .put("convention", "dgamma_k/dt = -(D/2) dLoss/dgamma_k at t = eta*n")
                .put("method", "online SGD of the reduced model (ReducedModelTrainer, tied, Gamma(0) = 0) on FS contexts; "
                        + "theoryLoss: alpha = inf per-mode flow (FsModel, Result 4) at the simulation's D; "
                        + "finiteAlphaTheoryLoss: finite-alpha per-mode flow (FsModeLandscape)");
        Figure.Panel panel = new Figure.Panel(name, "SGD of the reduced model in FS against the alpha = inf and finite-alpha "
                + "flows", c.build(), r);
        return exact == null ? panel : panel.with("-exact", exact);
    }

    /** RRS overlay: SGD against the P = ∞, finite-α and exact finite-(D, P) gradient flows at t = η₀n. */
    static Figure.Panel rrs(String name, double nu, double beta, boolean untied, int[] depths, PaperFigures.Options o,
            double alpha, double tau, double eta0, double[] steps) {
        int d = o.dim();
        int p = (int) Math.max(1, Math.round(alpha * d));
        int batch = (int) Math.max(1, Math.round(tau * d));
        Spectrum spec = Spectrum.powerLaw(nu, beta, d);
        ContextSampler sampler = new ContextSampler(Setting.RRS, d, p, d, 0, spec);
        double[] times = Curves.scale(steps, eta0);
        double[] denseSteps = Curves.decades(0, 3, 10);
        double[] dense = Curves.scale(denseSteps, eta0);
        Chart.Builder c = new Chart.Builder(name, "(" + name.charAt(name.length() - 1) + ")",
                Chart.Axis.log("SGD step n (t = η₀n)", "SGD step $n$ ($t = \\eta_0 n$)", Double.NaN, Double.NaN),
                Chart.Axis.log("ℒ(t)", "$\\mathcal{L}(t)$", Double.NaN, Double.NaN)).legend("lower left");
        List<double[]> rows = new ArrayList<>();
        List<String> omitted = new ArrayList<>();
        double alphaEff = (double) p / d;
        for (int j = 0; j < depths.length; j++) {
            int l = depths[j];
            String color = Curves.rocket(j, depths.length);
            double eta = untied ? eta0 * l : eta0;
            TrainingOverlay.Curve cv;
            try {
                cv = TrainingOverlay.run(name, j, o.seed(), seed -> new ReducedModelTrainer(sampler, l, untied, eta, batch,
                        0.0, seed, o.trials()), o.runs(), steps);
            } catch (ComputationException e) {
                omitted.add("L = " + l + ": " + e.getMessage());
                continue;
            }
            GammaLandscape infinite = FigureLandscapes.rrs(spec, Depth.of(l));
            GammaLandscape finiteAlpha = FigureLandscapes.rrsFiniteContext(spec, alphaEff, l);
            GammaLandscape exact = new FiniteSizeLandscape(spec, d, p, l, FINITE_SIZE_SAMPLES, o.seed());
            double[] thInf = GradientFlow.integrate(infinite, times).loss();
            double[] thAlpha = GradientFlow.integrate(finiteAlpha, times).loss();
            double[] thExact = GradientFlow.integrate(exact, times).loss();
            c.add(Curves.theory("Theory (L = " + l + "; P = ∞)", "$L = " + l + "$: $P = \\infty$", color, denseSteps,
                    GradientFlow.integrate(infinite, dense).loss()));
            c.add(Curves.line("Theory (L = " + l + "; α = " + Curves.fmt(alphaEff) + ")", "$\\alpha = " + Curves.fmt(alphaEff)
                    + "$", Chart.Kind.THEORY, Chart.Line.DASHED, color, denseSteps,
                    GradientFlow.integrate(finiteAlpha, dense).loss()));
            c.add(Curves.markers("L = " + l, "SGD $L = " + l + "$", color, steps, cv.mean(), cv.standardError()));
            for (int i = 0; i < steps.length; i++) {
                rows.add(new double[] {l, steps[i], times[i], cv.mean()[i], cv.standardError()[i], thInf[i], thAlpha[i],
                    thExact[i]});
            }
        }
        Report r = Curves.table(name, rows, "depth", "step", "time", "loss", "standardError", "theoryLoss",
                "finiteAlphaTheoryLoss", "finiteSizeTheoryLoss");
        r.put("setting", "rrs").put("nu", nu).put("beta", beta).put("dim", d).put("alpha", alphaEff).put("kappa", 1.0)
                .put("tau", (double) batch / d).put("eta0", eta0).put("untied", untied).put("runs", o.runs())
                .put("testContexts", o.trials()).put("seed", o.seed()).put("finiteSizeSamples", FINITE_SIZE_SAMPLES)
                .put("omitted", omitted.isEmpty() ? "none" : String.join("; ", omitted))
                .put("convention", "dGamma/dt = -1/2 dLoss/dGamma at t = eta0*n" + (untied ? " (untied: eta = eta0*L, "
                        + "t = eta*n/L)" : ""))
                .put("method", "online SGD of the reduced model (ReducedModelTrainer, Gamma(0) = 0" + (untied ? ", untied"
                        : ", tied") + ") on RRS contexts; theoryLoss: P = inf mode sum (RrsModel) at the simulation's D; "
                        + "finiteAlphaTheoryLoss: finite-alpha N = D deterministic equivalent (StructuredLandscapes); "
                        + "finiteSizeTheoryLoss: exact finite-(D, P) expectation over sampled contexts (FiniteSizeLandscape)");
        return new Figure.Panel(name, "SGD of the reduced model on RRS contexts against P = inf and finite-alpha theory",
                c.build(), r);
    }
}
