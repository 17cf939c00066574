package org.iclscale.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iclscale.core.Depth;
import org.iclscale.io.Report;
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
 * the App. D convention (the earlier axis of this tool) is twice as fast. (a) γ_k(t) at L = 4 and L = ∞; (b) 𝓛(t)
 * for L = 1, 2, 4, 8 with the exponent-table guide νβ/(νβ+2ν+1); (c) OOD brittleness (Result 5).
 */
final class Fig3 {

    static final double NU = 1.25;
    static final double BETA = 1.25;
    static final int DIM = 128;
    static final double ETA = 0.5;

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
        FsModel.Trajectory ti = FigureLandscapes.fs(spec, Depth.INFINITE, conv).trajectory(t, zeroBased);
        double[] n = GradientDescent.logSteps(41500, 40);
        double[][] gd4 = GradientDescent.modes(FigureLandscapes.fs(spec, Depth.of(4), conv), ETA, n);
        Report ga = new Report("fig3a-gd").column("step", n);
        for (int m = 0; m < modes.length; m++) {
            ra.column("gammaK" + modes[m] + "L4", t4.modeGamma()[m]);
            ra.column("gammaK" + modes[m] + "Linf", ti.modeGamma()[m]);
            double[] g = new double[n.length];
            for (int i = 0; i < n.length; i++) {
                g[i] = gd4[i][zeroBased[m]];
            }
            ga.column("gammaK" + modes[m] + "L4", g);
            ca.add(Curves.line("k = " + modes[m], "$k = " + modes[m] + "$", Chart.Kind.OTHER, Chart.Line.SOLID,
                    Curves.rocket(m, modes.length), n, g));
        }
        ga.put("eta", ETA).put("depth", 4).put("convention", "x = gradient-descent step n: gamma_k <- gamma_k - eta "
                + "dLoss/dgamma_k (the paper's solid curves)").put("method", "discrete GD on the alpha = inf FS landscape");
        for (int m = 0; m < modes.length; m++) {
            Chart.Series s = Curves.line("Theory (k = " + modes[m] + ")", "Theory", Chart.Kind.THEORY, Chart.Line.DASHED,
                    Palette.BLACK, t, ti.modeGamma()[m]);
            ca.add(m == 0 ? s : s.hiddenFromLegend());
        }
        ra.put("nu", NU).put("beta", BETA).put("dim", DIM).put("eta", ETA).put("convention", clock)
                .put("method", "exact solution of the separable Result 4 flow at L = 4 and L = inf (Theory, dashed); "
                        + "the panel's solid L = 4 curves: gradient-descent iterates (fig3a-gd.csv)");
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
        List<Figure.Panel> panels = new ArrayList<>(List.of(
                new Figure.Panel("fig3a", "gamma_k(t) for k = 1, 2, 4, 8, 16 at L = 4 and L = inf", ca.build(), ra)
                        .with("-gd", ga),
                new Figure.Panel("fig3b", "loss(t) for L = 1, 2, 4, 8 with the time exponent", cb.build(), rb)
                        .with("-gd", gb), pc));
        List<String> notes = new ArrayList<>();
        if (options.simulate()) {
            PaperFigures.Options o = options.withDefaultDim(ReducedOverlays.SIM_DIM);
            panels.add(ReducedOverlays.fs("fig3d", new int[] {1, 4}, o, ReducedOverlays.ALPHA, ReducedOverlays.TAU,
                    ReducedOverlays.FS_ETA, ReducedOverlays.FS_STEPS));
            notes.add("Fig. 3d (--simulate): online SGD of the reduced model on FS contexts at D = " + o.dim()
                    + " (the paper's D = 128 and 4e4 steps exceed the budget of figure all --simulate), on its own panel.");
        }
        notes.add(String.format(Locale.ROOT, "Time: %s. The guide is the exponent table's nu beta/(nu beta + 2 nu + 1) = "
                + "%.4f; the paper's guide beta/(nu + nu beta + 1) = %.4f is an erratum (README).", clock, derived, paper));
        notes.add("Figs. 3a (solid), 3b: the paper's curves are gradient-descent iterates at eta = 0.5 (3b matches them to "
                + "0.5 %, 3a's first step exactly); at this eta the top modes overshoot, so 3a's k = 1, 2 rise above "
                + "L/lambda_k, which the flow (fig3a.csv) cannot. The dashed L = inf theory is the closed form at t = n.");
        notes.add("Fig. 3c: the paper does not specify its rotation generator S; a seeded Gaussian skew-symmetric S is "
                + "used, so the crossover angle differs from the paper's (~0.068).");
        return new Figure("3", "FS: power-law covariates, alpha = inf", panels, notes);
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
        for (int i = 0; i < points; i++) {
            theta[i] = 0.01 * (i + 1);
            OodModel.Point p = ood.evaluate(theta[i], depths);
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
