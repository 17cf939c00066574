package org.iclscale.figures;

import java.util.ArrayList;
import java.util.List;
import org.iclscale.core.Depth;
import org.iclscale.core.Setting;
import org.iclscale.io.Report;
import org.iclscale.plot.Chart;
import org.iclscale.simulate.ContextSampler;
import org.iclscale.simulate.FullAttentionTrainer;
import org.iclscale.simulate.IsoSimulator;
import org.iclscale.simulate.MonteCarloResult;
import org.iclscale.theory.BalancedAttentionFlow;
import org.iclscale.theory.IsoModel;
import org.iclscale.theory.OptimumSearch;

/**
 * Fig. 1 (ISO, deep linear attention): (a) L = 16 and (b) α = 1, the loss against SGD steps; (c) the final loss
 * against α with the theory of L GD steps at the optimal step size (paper Result 1, notes §3.1).
 *
 * <p>(a, b): the theory is the balanced full-attention flow γ = w⁵ (Result 9, {@link BalancedAttentionFlow}) on the
 * exact Marchenko–Pastur landscape from the balanced start σ₀ = {@value #INIT} at learning rate η = {@value #ETA}
 * (trainer clock t = ηn). The paper trains from a random initialisation whose escape time it does not state; σ₀
 * is chosen so that the drop falls, as in the paper, between steps 3000 and 5000. {@code --simulate} adds online
 * SGD of full linear attention ({@link FullAttentionTrainer}, the {@code train --model full} model) from the same
 * start at a small D (default {@value #SIM_DIM}; the paper's D = 32 with {@code --sim-dim 32}).
 */
final class Fig1 {

    /** Balanced initial scale of Figs. 1a/1b (drop at step ≈ 1/(6σ₀³η) ≈ 3500). */
    static final double INIT = 0.1335;
    /** Learning rate of Figs. 1a/1b (trainer clock t = ηn). */
    static final double ETA = 0.02;
    static final int STEPS = 6000;
    static final int SIM_DIM = 8;
    static final double[] SIM_STEPS = {0, 1000, 2000, 3000, 3250, 3500, 3750, 4000, 4250, 4500, 5000, 5500, 6000};
    static final double[] ALPHAS_A = {0.2, 0.5, 1, 2, 4, 8};
    static final int[] DEPTHS = {1, 2, 4, 8, 16};

    private Fig1() {
    }

    static Figure build(PaperFigures.Options o) {
        List<Figure.Panel> panels = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        panels.add(training("fig1a", "(a)", ALPHAS_A, null, o, notes));
        panels.add(training("fig1b", "(b)", null, DEPTHS, o, notes));
        panels.add(fig1c(o));
        notes.add("Figs. 1a, 1b: the paper trains full linear attention from a random start with SGD (D = 32, lr 0.125, "
                + "batch 512); the theory here is the balanced gamma = w^5 flow from sigma0 = " + INIT + " at eta = " + ETA
                + " (escape time ~ 1/(6 sigma0^3 eta)), so the drop time is matched by the choice of sigma0, the plateaus "
                + "are the theory's (Result 1 optima).");
        if (o.simulate()) {
            notes.add("Figs. 1a, 1b --simulate: a curve whose SGD diverges is drawn up to the last step all runs reached; "
                    + "at L = 16 the flow's target gamma* = L alpha/(1+alpha) puts 2L/gamma* = 2(1+alpha)/alpha at or just beyond the "
                    + "Marchenko-Pastur edge, "
                    + "and at finite D the contexts with lambda_max beyond it make the loss heavy tailed (README; "
                    + "examples/fig1/finite_d_tail.py)");
        }
        notes.add("Fig. 1c: the theory is exact (Catalan closed form); the paper's dots are trained transformers at D = 32, "
                + "the --simulate dots a Monte Carlo of L in-context GD steps at gamma* = L alpha/(1+alpha) (D = "
                + o.withDefaultDim(64).dim() + ").");
        return new Figure("1", "ISO: deep linear attention, SGD and the optimal loss", panels, notes);
    }

    /** Fig. 1a (varying α at L = 16) or 1b (varying L at α = 1). */
    private static Figure.Panel training(String name, String letter, double[] alphas, int[] depths,
            PaperFigures.Options o, List<String> notes) {
        boolean a = alphas != null;
        int n = a ? alphas.length : depths.length;
        double[] steps = new double[121];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i * 50.0;
        }
        double[] time = Curves.scale(steps, ETA);
        Chart.Builder c = new Chart.Builder(name, letter, Chart.Axis.linear("t (SGD steps)", "$t$", -300, 6299),
                Chart.Axis.linear(a ? "ℒ(t, α)" : "ℒ(t, L)", a ? "$\\mathcal{L}(t, \\alpha)$" : "$\\mathcal{L}(t, L)$",
                        a ? -0.049 : 0.112, a ? 1.116 : 1.100)).legend(a ? "lower left" : "lower left");
        Report r = new Report(name).column("step", steps).column("time", time);
        List<double[]> sim = new ArrayList<>();
        PaperFigures.Options so = o.withDefaultDim(SIM_DIM);
        for (int i = 0; i < n; i++) {
            double alpha = a ? alphas[i] : 1.0;
            int l = a ? 16 : depths[i];
            String label = a ? "α = " + (alpha == Math.rint(alpha) ? alpha + "" : Curves.fmt(alpha)) : "L = " + l;
            String tex = a ? "$\\alpha = " + Curves.fmt(alpha) + "$" : "$L = " + l + "$";
            String color = Curves.rocket(i, n);
            IsoModel m = FigureLandscapes.iso(alpha, l, 0);
            double[] loss = BalancedAttentionFlow.integrate(m, INIT, 1.0, time).loss();
            r.column(a ? "alpha" + Curves.fmt(alpha) : "L" + l, loss);
            String theoryName = o.simulate() ? "Theory (" + label + ")" : label;
            c.add(Curves.line(theoryName, tex, Chart.Kind.THEORY,
                    o.simulate() ? Chart.Line.DASHED : Chart.Line.SOLID, color, steps, loss));
            if (o.simulate()) {
                int d = so.dim();
                int p = (int) Math.max(1, Math.round(alpha * d));
                ContextSampler sampler = new ContextSampler(Setting.ISO, d, p, d, 0, null);
                TrainingOverlay.Curve run = TrainingOverlay.runUntilDivergence(name, i, so.seed(),
                        seed -> new FullAttentionTrainer(sampler, l, false, false, ETA, d, INIT, seed, so.trials()),
                        so.runs(), SIM_STEPS);
                if (run.divergence() != null) {
                    notes.add(name + ": " + label + " drawn up to step " + (int) run.steps()[run.steps().length - 1]
                            + ": " + run.divergence());
                }
                // the legend names each colour once (its theory line) and the markers once, as "SGD"
                Chart.Series dots = Curves.markers(label, "SGD", color, run.steps(), run.mean(), run.standardError());
                c.add(sim.isEmpty() ? dots : dots.hiddenFromLegend());
                double[] th = BalancedAttentionFlow.integrate(m, INIT, 1.0, Curves.scale(run.steps(), ETA)).loss();
                for (int k = 0; k < run.steps().length; k++) {
                    sim.add(new double[] {alpha, l, run.steps()[k], run.mean()[k], run.standardError()[k], th[k]});
                }
            }
        }
        r.put("depth", a ? 16 : "1..16").put("alpha", a ? "0.2..8" : 1.0).put("initScale", INIT).put("eta", ETA)
                .put("convention", "x = SGD step n of the trainer; flow time t = eta n (dw/dt = -1/2 dLoss/dw)")
                .put("method", "balanced full-attention flow gamma = w^5 (Result 9) on the exact Marchenko-Pastur landscape");
        Figure.Panel panel = new Figure.Panel(name, a ? "training dynamics, L = 16, varying alpha"
                : "training dynamics, alpha = 1, varying L", c.build(), r);
        if (o.simulate() && !sim.isEmpty()) {
            Report s = Curves.table(name + "-simulation", sim, "alpha", "depth", "step", "loss", "standardError",
                    "theoryLoss");
            s.put("dim", so.dim()).put("runs", so.runs()).put("testContexts", so.trials()).put("seed", so.seed())
                    .put("batch", so.dim()).put("method", "online SGD of full linear attention (FullAttentionTrainer, width "
                            + "D + 1, tied, w_y, w_o frozen, balanced start sigma0 = " + INIT + "), P = alpha D, K = B = D");
            panel = panel.with("-simulation", s);
        }
        return panel;
    }

    /** Fig. 1c: optimal ISO loss against α for L = 1..16, σ = 0 (Result 1, notes §3.1). */
    static Figure.Panel fig1c(PaperFigures.Options options) {
        PaperFigures.Options o = options.withDefaultDim(64);
        double[] alpha = new double[161];
        for (int k = -64; k <= 96; k++) {
            alpha[k + 64] = Math.pow(2, k / 24.0); // contains 0.25, 0.5, 1, 2, 4, 8 exactly
        }
        Report r = new Report("fig1c").column("alpha", alpha);
        Chart.Builder c = new Chart.Builder("fig1c", "(c)", Chart.Axis.log("α", "$\\alpha$", 0.0794, 12.59),
                Chart.Axis.linear("ℒ(α)", "$\\mathcal{L}(\\alpha)$", -0.115, 0.958)).legend("upper right");
        for (int j = 0; j < DEPTHS.length; j++) {
            int l = DEPTHS[j];
            double[] loss = new double[alpha.length];
            double[] gamma = new double[alpha.length];
            for (int i = 0; i < alpha.length; i++) {
                OptimumSearch.Optimum opt = OptimumSearch.minimise(FigureLandscapes.iso(alpha[i], l, 0));
                loss[i] = opt.loss();
                gamma[i] = opt.gamma();
            }
            r.column("L" + l, loss);
            r.column("gammaStarL" + l, gamma);
            Chart.Series s = Curves.theory("Theory (L=" + l + ")", "Theory", Curves.rocket(j, DEPTHS.length), alpha, loss);
            c.add(j == 0 ? s : s.hiddenFromLegend());
        }
        double[] inf = new double[alpha.length];
        for (int i = 0; i < alpha.length; i++) {
            inf[i] = IsoModel.optimalNoiselessLoss(alpha[i], Depth.INFINITE);
        }
        r.column("Linf", inf);
        r.put("sigma", 0.0).put("method", "global grid + Brent on the exact Marchenko-Pastur quadrature; L = inf: [1 - alpha]_+");
        Report sim = null;
        if (o.simulate()) {
            double[] alphas = {0.25, 0.5, 1, 2, 4, 8};
            List<double[]> rows = new ArrayList<>();
            for (int j = 0; j < DEPTHS.length; j++) {
                int l = DEPTHS[j];
                double[] mean = new double[alphas.length];
                double[] se = new double[alphas.length];
                for (int i = 0; i < alphas.length; i++) {
                    double gamma = IsoModel.optimalNoiselessGamma(alphas[i], l);
                    MonteCarloResult mc = new IsoSimulator(o.dim(), alphas[i], l, gamma, 0).run(o.trials(),
                            TrainingOverlay.seed(o.seed(), "fig1c", j, i));
                    mean[i] = mc.loss();
                    se[i] = mc.standardError();
                    rows.add(new double[] {l, alphas[i], gamma, mc.loss(), mc.standardError(),
                        IsoModel.optimalNoiselessLoss(alphas[i], Depth.of(l))});
                }
                c.add(Curves.markers("L=" + l, "$L=" + l + "$", Curves.rocket(j, DEPTHS.length), alphas, mean, se));
            }
            sim = Curves.table("fig1c-simulation", rows, "depth", "alpha", "gamma", "loss", "standardError", "theoryLoss");
            sim.put("dim", o.dim()).put("trials", o.trials()).put("seed", o.seed())
                    .put("method", "Monte Carlo of L in-context GD steps (IsoSimulator), P = round(alpha D)");
        }
        Figure.Panel p = new Figure.Panel("fig1c", "optimal loss vs alpha, L = 1..16 (theory of Fig. 1c)", c.build(), r);
        return sim == null ? p : p.with("-simulation", sim);
    }
}
