package org.iclscale.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iclscale.core.Depth;
import org.iclscale.io.Report;
import org.iclscale.model.ModelSpec;
import org.iclscale.model.PowerLaw;
import org.iclscale.model.TrainSpec;
import org.iclscale.plot.Chart;
import org.iclscale.plot.Palette;
import org.iclscale.scaling.ExponentTable;
import org.iclscale.scaling.Term;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.FsModel;
import org.iclscale.theory.OodModel;
import org.iclscale.theory.TimeConvention;

/**
 * Fig. 3 (FS, α = ∞, D = 128, ν = β = 1.25, notes §3.3, §6) on the paper's clock: its x axis is the SGD step n at
 * η = 0.5 of the port's per-mode update γ_k ← γ_k − η∂𝓛/∂γ_k, i.e. the ½-convention time t = 2ηn = n ({@link Clocks});
 * the App. D convention (the earlier axis of this tool) is twice as fast. (a) γ_k(t): the paper's solid curves are
 * the gradient-descent iterates at L = 8 (measured: within 0.03 % at every vertex; the caption's L = 4 is 28 % off
 * at k = 1 — the port plots the last depth of its sweep L = 1, 2, 4, 8), dashed the L = ∞ closed form; (b) 𝓛(t)
 * for L = 1, 2, 4, 8 with the exponent-table guide νβ/(νβ+2ν+1); (c) OOD brittleness (Result 5). With
 * {@code --simulate}: online SGD of the reduced model on FS contexts on panels (a) and (b) ({@link Overlay}).
 */
final class Fig3 {

    static final double NU = 1.25;
    static final double BETA = 1.25;
    static final int DIM = 128;
    static final double ETA = 0.5;
    /** The depth of the paper's solid Fig. 3a curves (its caption says L = 4; measured: L = 8). */
    static final int DEPTH_A = 8;
    /** Context ratio of the SGD overlay (the paper's curves are at α = ∞; the simulator needs a finite P). */
    static final double SIM_ALPHA = 8;
    /** Batch ratio B/D (the port's B = 256 at D = 128) and query ratio K/D (K = 32 at D = 128) of the overlay. */
    static final double SIM_TAU = 2;
    static final double SIM_KAPPA = 0.25;
    /** Default D of the overlay and the last step it records (the paper: D = 128, 25000 steps). */
    static final int SIM_DIM = 32;
    static final int SIM_STEPS = 3000;
    static final int PAPER_STEPS = 25000;

    private Fig3() {
    }

    static Figure build(PaperFigures.Options options) {
        Spectrum spec = Spectrum.powerLaw(NU, BETA, DIM);
        double[] t = Curves.decades(-1, 5, 20);
        TimeConvention conv = TimeConvention.HALF;
        String clock = Clocks.describe(ETA, 1) + " (dGamma/dt = -1/2 dLoss/dGamma)";
        int[] modes = {1, 2, 4, 8, 16};
        int[] zeroBased = {0, 1, 3, 7, 15};
        Report ra = new Report("fig3a").column("time", t);
        Chart.Builder ca = new Chart.Builder("fig3a", "(a)", Chart.Axis.log("t", "$t$", 0.603, 4.15e4),
                Chart.Axis.log("γ_k(t)", "$\\gamma_k(t)$", 9.87e-6, 19.4)).legend("lower right");
        FsModel.Trajectory t4 = FigureLandscapes.fs(spec, Depth.of(4), conv).trajectory(t, zeroBased);
        FsModel.Trajectory t8 = FigureLandscapes.fs(spec, Depth.of(DEPTH_A), conv).trajectory(t, zeroBased);
        FsModel.Trajectory ti = FigureLandscapes.fs(spec, Depth.INFINITE, conv).trajectory(t, zeroBased);
        double[] n = GradientDescent.logSteps(41500, 40);
        double[][] gd8 = GradientDescent.modes(FigureLandscapes.fs(spec, Depth.of(DEPTH_A), conv), ETA, n);
        Report ga = new Report("fig3a-gd").column("step", n);
        double[][] solid = new double[modes.length][];
        for (int m = 0; m < modes.length; m++) {
            ra.column("gammaK" + modes[m] + "L4", t4.modeGamma()[m]);
            ra.column("gammaK" + modes[m] + "L8", t8.modeGamma()[m]);
            ra.column("gammaK" + modes[m] + "Linf", ti.modeGamma()[m]);
            double[] g = new double[n.length];
            for (int i = 0; i < n.length; i++) {
                g[i] = gd8[i][zeroBased[m]];
            }
            solid[m] = g;
            ga.column("gammaK" + modes[m] + "L8", g);
            ca.add(Curves.line("k = " + modes[m], "$k = " + modes[m] + "$", Chart.Kind.OTHER, Chart.Line.SOLID,
                    Curves.rocket(m, modes.length), n, g));
        }
        ga.put("eta", ETA).put("depth", DEPTH_A).put("convention", "x = gradient-descent step n: gamma_k <- gamma_k - "
                + "eta dLoss/dgamma_k (the paper's solid curves; its caption says L = 4, the curves are L = 8)")
                .put("method", "discrete GD on the alpha = inf FS landscape");
        for (int m = 0; m < modes.length; m++) {
            Chart.Series s = Curves.line("Theory (k = " + modes[m] + ")", "Theory", Chart.Kind.THEORY, Chart.Line.DASHED,
                    Palette.BLACK, t, ti.modeGamma()[m]);
            ca.add(m == 0 ? s : s.hiddenFromLegend());
        }
        ra.put("nu", NU).put("beta", BETA).put("dim", DIM).put("eta", ETA).put("convention", clock)
                .put("method", "exact solution of the separable Result 4 flow at L = 4, 8 and L = inf (Theory, dashed); "
                        + "the panel's solid L = 8 curves: gradient-descent iterates (fig3a-gd.csv)");
        double[] tb = withDoubledDecades(t);
        Report rb = new Report("fig3b").column("time", tb);
        Report gb = new Report("fig3b-gd").column("step", n);
        Chart.Builder cb = new Chart.Builder("fig3b", "(b)", Chart.Axis.log("t", "$t$", 0.603, 4.15e4),
                Chart.Axis.log("ℒ(t)", "$\\mathcal{L}(t)$", 0.0135, 1.23)).legend("upper right");
        Depth[] depths = {Depth.of(1), Depth.of(2), Depth.of(4), Depth.of(8), Depth.INFINITE};
        for (int j = 0; j < depths.length; j++) {
            FsModel m = FigureLandscapes.fs(spec, depths[j], conv);
            double[] loss = new double[tb.length];
            for (int i = 0; i < tb.length; i++) {
                loss[i] = m.loss(tb[i]);
            }
            boolean inf = depths[j].infinite();
            rb.column(inf ? "Linf" : "L" + depths[j].steps(), loss);
            if (!inf) {
                double[][] it = GradientDescent.modes(m, ETA, n);
                double[] gdLoss = new double[n.length];
                for (int i = 0; i < n.length; i++) {
                    gdLoss[i] = m.loss(it[i]);
                }
                gb.column("L" + depths[j].steps(), gdLoss);
                cb.add(Curves.line("L = " + depths[j].steps(), "$L = " + depths[j].steps() + "$", Chart.Kind.OTHER,
                        Chart.Line.SOLID, Curves.rocket(j, 4), n, gdLoss));
            }
        }
        double derived = new ExponentTable(NU, BETA).exponent(Term.FS_TIME); // νβ/(νβ + 2ν + 1), notes §3.3
        double paper = BETA / (NU + NU * BETA + 1);
        double[] l1 = gb.columns().get("L1");
        int anchor = Curves.row(n, 100);
        cb.guide("t^(-νβ/(νβ+2ν+1))", "$t^{-\\nu\\beta/(\\nu\\beta+2\\nu+1)}$", Palette.RED, -derived, n[anchor],
                0.7 * l1[anchor], 10, 25000);
        gb.put("eta", ETA).put("convention", "x = gradient-descent step n: gamma_k <- gamma_k - eta dLoss/dgamma_k (the "
                + "paper's curves; flow time t = 2 eta n = n)").put("method", "discrete GD on the alpha = inf FS landscape");
        rb.put("nu", NU).put("beta", BETA).put("dim", DIM).put("eta", ETA).put("convention", clock)
                .put("timeExponent", derived).put("paperTimeExponent", paper)
                .put("method", "exact solution of the separable Result 4 flow, summed over the 128 modes");
        Figure.Panel pc = fig3c();
        List<String> notes = new ArrayList<>();
        Map<String, Report> simA = new LinkedHashMap<>();
        Map<String, Report> simB = new LinkedHashMap<>();
        if (options.simulate()) {
            overlay(options, ca, cb, modes, simA, simB, notes);
        }
        Figure.Panel pa = new Figure.Panel("fig3a", "gamma_k(t) for k = 1, 2, 4, 8, 16 at L = 8 (the paper's curves) and "
                + "L = inf", ca.build(), ra).with("-gd", ga);
        Figure.Panel pb = new Figure.Panel("fig3b", "loss(t) for L = 1, 2, 4, 8 with the time exponent", cb.build(), rb)
                .with("-gd", gb);
        for (Map.Entry<String, Report> e : simA.entrySet()) {
            pa = pa.with(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Report> e : simB.entrySet()) {
            pb = pb.with(e.getKey(), e.getValue());
        }
        List<Figure.Panel> panels = new ArrayList<>(List.of(pa, pb, pc));
        notes.add(String.format(Locale.ROOT, "Time: %s. The guide is the exponent table's nu beta/(nu beta + 2 nu + 1) = "
                + "%.4f; the paper's guide beta/(nu + nu beta + 1) = %.4f is an erratum (README).", clock, derived, paper));
        notes.add("Figs. 3a (solid), 3b: the paper's curves are gradient-descent iterates at eta = 0.5 (3b within 0.5 %); "
                + "3a's solid curves are L = 8, not the caption's L = 4 (within 0.03 % at every vertex; L = 4 is 28 % "
                + "below at k = 1 late: README errata). The dashed L = inf theory is the closed form at t = n.");
        notes.add("Fig. 3c: the paper does not specify its rotation generator S; a seeded Gaussian skew-symmetric S is "
                + "used, so the crossover angle differs from the paper's (~0.068).");
        return new Figure("3", "FS: power-law covariates, alpha = inf", panels, notes);
    }

    /**
     * The SGD overlay of panels (a) and (b): online SGD of the reduced model (tied, Γ(0) = 0) on FS contexts at
     * P = αD with α = {@value #SIM_ALPHA}, B = τD, K = κD, for L = 1, 2, 4, 8 through {@link Overlay} (theory:
     * {@code Theory.trainingTheory}). The learning rate η = 1/D puts the run on the paper's axis x = n: the FS flow of
     * the trainer is dγ_k/dt = −(D/2)∂𝓛/∂γ_k at t = ηn, i.e. the paper's ½-convention time is Dηn = n. The L = 8
     * runs also record γ_k (the diagonal of Γ in the eigenbasis of Σ) for panel (a).
     */
    private static void overlay(PaperFigures.Options o, Chart.Builder ca, Chart.Builder cb, int[] modes,
            Map<String, Report> simA, Map<String, Report> simB, List<String> notes) {
        int d = o.dim(DIM, SIM_DIM);
        boolean paper = o.atPaperDim(DIM, SIM_DIM);
        int last = paper ? PAPER_STEPS : SIM_STEPS;
        double eta = 1.0 / d;
        double[] steps = Overlay.logSteps(last, 10);
        int[] depths = {1, 2, 4, 8};
        List<Overlay.Curve> curves = new ArrayList<>();
        int shown = 0;
        while (shown < modes.length && modes[shown] <= d) {
            shown++;
        }
        int[] kept = java.util.Arrays.copyOf(modes, shown);
        List<java.util.function.ToDoubleFunction<org.iclscale.simulate.Trainer>> gammas = new ArrayList<>();
        for (int k : kept) {
            gammas.add(tr -> modeGamma(tr, k - 1, d));
        }
        for (int j = 0; j < depths.length; j++) {
            ModelSpec spec = ModelSpec.fs(PowerLaw.of(NU, BETA, d)).alpha(SIM_ALPHA).depth(depths[j]).build();
            TrainSpec run = TrainSpec.builder(spec, TrainSpec.Architecture.REDUCED).dim(d).kappa(SIM_KAPPA).tau(SIM_TAU)
                    .eta(eta).steps(last).testContexts(o.trials()).build();
            Overlay.Curve c = new Overlay.Curve("SGD (L = " + depths[j] + ")", "SGD", Curves.rocket(j, 4), depths[j], run,
                    steps, d * eta);
            curves.add(depths[j] == DEPTH_A ? c.withExtras(gammas) : c);
        }
        String size = paper ? "the paper's D = 128 (P = 1024, B = 256, K = 32, 25000 steps)"
                : String.format(Locale.ROOT, "reduced: D = %d, P = %d, B = %d, K = %d, %d steps (paper: D = 128, 25000 "
                        + "steps; --paper-size)", d, curves.get(0).spec().contextLength(), curves.get(0).spec().batch(),
                        curves.get(0).spec().queries(), last);
        Overlay.Result rb = Overlay.run("fig3b", "depth", curves, o, cb, size);
        simB.put("-simulation", rb.table());
        if (rb.exactTable() != null) {
            simB.put("-simulation-exact", rb.exactTable());
        }
        List<TrainingOverlay.Curve> g = rb.extras().get(curves.size() - 1);
        if (!g.isEmpty()) {
            List<double[]> rows = new ArrayList<>();
            double[] x = Curves.scale(steps, d * eta);
            for (int m = 0; m < kept.length; m++) {
                TrainingOverlay.Curve cv = g.get(m);
                Chart.Series s = Curves.markers("SGD (k = " + kept[m] + ")", "SGD ($L = " + DEPTH_A + "$)",
                        Curves.rocket(m, modes.length), x, cv.mean(), cv.standardError());
                ca.add(m == 0 ? s : s.hiddenFromLegend());
                for (int i = 0; i < x.length; i++) {
                    rows.add(new double[] {kept[m], steps[i], x[i], cv.mean()[i], cv.standardError()[i]});
                }
            }
            Report ta = Curves.table("fig3a-simulation", rows, "mode", "step", "x", "gamma", "standardError");
            ta.put("depth", DEPTH_A).put("dim", d).put("eta", eta).put("size", size).put("runs", o.runs())
                    .put("seed", o.seed()).put("clock", "x = D eta n = n: the paper's step axis (t = n)")
                    .put("method", "gamma_k = Gamma_kk of the L = " + DEPTH_A + " runs of fig3b-simulation (the same "
                            + "runs), mean +- SE over runs");
            simA.put("-simulation", ta);
        }
        notes.add(String.format(Locale.ROOT, "Figs. 3a/3b (--simulate): online SGD of the reduced model on FS contexts at "
                + "%s, alpha = %s, eta = 1/D (x = n, the paper's axis); cost %.0f s wall, %.0f s CPU.", size,
                Curves.fmt(SIM_ALPHA), rb.seconds(), rb.cpuSeconds()));
        notes.addAll(rb.notes());
    }

    /** γ_k: the k-th diagonal entry of the tied Γ (FS: Σ is diagonal, the eigenbasis is the standard one). */
    private static double modeGamma(org.iclscale.simulate.Trainer t, int k, int d) {
        double[] g = ((org.iclscale.simulate.ReducedModelTrainer) t).gamma(0);
        return g[k * d + k];
    }

    /** The grid with 2·10^k added for k = 0..5 (the App. D reference times 10^k sit at ½-convention time 2·10^k). */
    private static double[] withDoubledDecades(double[] t) {
        java.util.TreeSet<Double> s = new java.util.TreeSet<>();
        for (double v : t) {
            s.add(v);
        }
        for (int k = 0; k <= 5; k++) {
            s.add(2 * Math.pow(10, k));
        }
        return s.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Result 5: OOD loss at Γ = LΣ⁻¹ under Σ′ = e^{θS}Σe^{−θS}, S seeded skew-symmetric. */
    private static Figure.Panel fig3c() {
        Spectrum spec = Spectrum.powerLaw(NU, BETA, DIM);
        OodModel ood = new OodModel(spec, 1L, 0);
        int[] depths = {1, 2, 4, 8};
        int points = 26;
        double[] theta = new double[points];
        double[][] oodLoss = new double[depths.length][points];
        double[] radius = new double[points];
        // θ = 0.01, 0.02, …: the rotations as powers of e^{0.01 S} (one product per angle, OodModel.evaluateGrid)
        OodModel.Point[] grid = ood.evaluateGrid(0.01, points, depths);
        for (int i = 0; i < points; i++) {
            OodModel.Point p = grid[i];
            theta[i] = p.theta();
            radius[i] = p.spectralRadius();
            for (int d = 0; d < depths.length; d++) {
                oodLoss[d][i] = p.loss()[d];
            }
        }
        Report rc = new Report("fig3c").column("theta", theta);
        Chart.Builder c = new Chart.Builder("fig3c", "(c)", Chart.Axis.linear("θ", "$\\theta$", -0.0125, 0.2625),
                Chart.Axis.log("ℒ_OOD", "$\\mathcal{L}_{\\mathrm{OOD}}$", 0.01, 100)).legend("lower right");
        for (int d = 0; d < depths.length; d++) {
            rc.column("L" + depths[d], oodLoss[d]);
            c.add(Curves.theory("L = " + depths[d], "$L = " + depths[d] + "$", Curves.rocket(d, depths.length), theta,
                    oodLoss[d]));
        }
        rc.column("spectralRadius", radius);
        rc.put("nu", NU).put("beta", BETA).put("dim", DIM).put("seed", 1)
                .put("method", "Result 5 by eigen-decomposition (ood verb); S = (G - G^T)/(2 sqrt D), G Gaussian, seed 1");
        return new Figure.Panel("fig3c", "OOD brittleness (Result 5): deeper is better for small theta, much worse once the "
                + "spectral radius of I - Sigma^-1 Sigma' exceeds 1", c.build(), rc);
    }
}
