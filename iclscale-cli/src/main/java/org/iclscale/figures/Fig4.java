package org.iclscale.figures;

import java.util.ArrayList;
import java.util.List;
import org.iclscale.core.Depth;
import org.iclscale.io.Report;
import org.iclscale.plot.Chart;
import org.iclscale.plot.Palette;
import org.iclscale.scaling.ExponentTable;
import org.iclscale.scaling.Term;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.GradientFlow;
import org.iclscale.theory.OptimumSearch;
import org.iclscale.theory.RrsContinuum;

/**
 * Fig. 4: RRS power law, reduced Γ, P = N = ∞ (notes §3.4, §6), on the paper's axes. (a) L = 8, D = 64, ν = 1.5,
 * varying β, against the paper's SGD step n at η = 5 (t = 2ηn/D, {@link Clocks}); (b) the landscape at D = ∞ (the
 * continuum: the paper's minima 0.2041 … 0.0063 are the D = ∞ values, notes §6 corrected), L = 1..64; (c) D = 45,
 * ν = 1.75, β = 0.5, untied layers at η₀ = 3 (t = 2η₀n/D), L = 1..16.
 */
final class Fig4 {

    static final double ETA_A = 5;
    static final double ETA_C = 3;
    static final double[] BETAS = {0.5, 0.75, 1, 1.5, 2, 4};

    private Fig4() {
    }

    static Figure build(PaperFigures.Options options) {
        List<Figure.Panel> panels = new ArrayList<>(List.of(fig4a(), fig4b(), fig4c()));
        List<String> notes = new ArrayList<>();
        if (options.simulate()) {
            PaperFigures.Options o = options.withDefaultDim(ReducedOverlays.SIM_DIM);
            panels.add(ReducedOverlays.rrs("fig4d", 1.75, 0.5, false, new int[] {1, 4}, o, ReducedOverlays.ALPHA,
                    ReducedOverlays.TAU, ReducedOverlays.RRS_ETA, ReducedOverlays.RRS_STEPS));
            notes.add("Fig. 4d (--simulate): online SGD of the tied reduced model on RRS contexts at D = " + o.dim()
                    + ", alpha = 8, on its own panel (the paper's D = 64, P = 512 runs exceed the budget).");
        }
        notes.add("Figs. 4a, 4c: the paper's curves are SGD runs at P = 512 (alpha = 8 and 11.4); the theory is at P = inf, "
                + "so its late-time losses lie below the paper's (4c plateaus 0.309/0.220/0.143 at P = 512, notes 3.4). "
                + "Clock: t = 2 eta n / D (Clocks).");
        return new Figure("4", "RRS power law, reduced Gamma, P = N = inf", panels, notes);
    }

    private static Figure.Panel fig4a() {
        int dim = 64;
        double c = Clocks.perStep(ETA_A, dim);
        double[] n = Curves.decades(-1, 4, 20);
        double[] t = Curves.scale(n, c);
        Report r = new Report("fig4a").column("step", n).column("time", t);
        Chart.Builder ch = new Chart.Builder("fig4a", "(a)", Chart.Axis.log("t", "$t$", 0.684, 2925),
                Chart.Axis.log("ℒ(t)", "$\\mathcal{L}(t)$", 0.00272, 1.32)).legend("lower left");
        List<Chart.Series> guides = new ArrayList<>();
        for (int j = 0; j < BETAS.length; j++) {
            double b = BETAS[j];
            double[] loss = GradientFlow.integrate(FigureLandscapes.rrs(Spectrum.powerLaw(1.5, b, dim), Depth.of(8)), t)
                    .loss();
            r.column("beta" + Curves.fmt(b), loss);
            String color = Curves.rocket(j, BETAS.length);
            ch.add(Curves.theory("Theory (β = " + Curves.two(b) + ")", "$\\beta = " + Curves.two(b) + "$", color, n, loss));
            double slope = new ExponentTable(1.5, b).exponent(Term.TIME); // β/(2 + β)
            int anchor = Curves.row(n, 200);
            Chart.Series g = Curves.guide("t^(-β/(2+β)) (β = " + Curves.two(b) + ")", "$t^{-\\beta/(2+\\beta)}$",
                    Palette.BLACK, -slope, n[anchor], 0.6 * loss[anchor], 20, 2000);
            guides.add(j == 0 ? g : g.hiddenFromLegend());
        }
        guides.forEach(ch::add);
        r.put("nu", 1.5).put("dim", dim).put("depth", 8).put("alpha", "inf").put("width", "inf").put("eta", ETA_A)
                .put("convention", Clocks.describe(ETA_A, dim) + "; dGamma/dt = -1/2 dLoss/dGamma")
                .put("method", "Dormand-Prince 8(5,3) gradient flow on the exact mode sum");
        return new Figure.Panel("fig4a", "time exponent beta/(2+beta) for beta = 0.5..4", ch.build(), r);
    }

    private static Figure.Panel fig4b() {
        int[] depths = {1, 2, 4, 8, 16, 32, 64};
        List<double[]> rows = new ArrayList<>();
        List<double[]> minima = new ArrayList<>();
        Chart.Builder ch = new Chart.Builder("fig4b", "(b)", Chart.Axis.log("γ", "$\\gamma$", 0.00562, 1778),
                Chart.Axis.log("ℒ(γ)", "$\\mathcal{L}(\\gamma)$", 0.005, 2)).legend("lower left");
        for (int j = 0; j < depths.length; j++) {
            int l = depths[j];
            GammaLandscape m = FigureLandscapes.continuum(1.5, 0.8, Depth.of(l));
            double edge = m.stabilityEdge();
            double lo = 0.00562;
            double hi = 1.5 * edge; // beyond the stability edge 2L the loss leaves the frame (as in the paper)
            java.util.TreeSet<Double> grid = new java.util.TreeSet<>();
            for (int i = 0; i < 240; i++) {
                grid.add(lo * Math.pow(hi / lo, i / 239.0));
            }
            for (int i = 0; i <= 300; i++) { // the steep wall between the minimum and the frame: linear and dense
                grid.add(0.25 * edge + (1.2 * edge - 0.25 * edge) * i / 300.0);
            }
            double[] g = grid.stream().mapToDouble(Double::doubleValue).toArray();
            double[] loss = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                loss[i] = m.loss(g[i]);
                rows.add(new double[] {l, g[i], loss[i]});
            }
            ch.add(Curves.theory("L = " + l, "$L = " + l + "$", Curves.rocket(j, depths.length), g, loss));
            OptimumSearch.Optimum opt = OptimumSearch.minimise(m);
            minima.add(new double[] {l, opt.gamma(), opt.loss()});
        }
        Report rb = Curves.table("fig4b", rows, "depth", "gamma", "loss");
        rb.put("nu", 1.5).put("beta", 0.8).put("dim", "inf")
                .put("method", "D = inf continuum (exact head + Euler-Maclaurin tail), gamma up to the stability edge 2L");
        Report mb = Curves.table("fig4b-minima", minima, "depth", "gammaStar", "minLoss");
        mb.put("dim", "inf").put("method", "global grid + Brent");
        return new Figure.Panel("fig4b", "landscape vs gamma for L = 1..64 at D = inf: minima move with L", ch.build(), rb)
                .with("-minima", mb);
    }

    private static Figure.Panel fig4c() {
        int dim = 45;
        double c = Clocks.perStep(ETA_C, dim);
        double[] n = Curves.decades(-1, 5, 20);
        double[] t = Curves.scale(n, c);
        Report rc = new Report("fig4c").column("step", n).column("time", t);
        Chart.Builder ch = new Chart.Builder("fig4c", "(c)", Chart.Axis.log("t", "$t$", 0.609, 3.28e4),
                Chart.Axis.log("ℒ(t)", "$\\mathcal{L}(t)$", 0.0731, 1.13)).legend("lower left");
        Spectrum sc = Spectrum.powerLaw(1.75, 0.5, dim);
        int[] depths = {1, 2, 4, 8, 16};
        for (int j = 0; j < depths.length; j++) {
            int l = depths[j];
            GammaLandscape m = FigureLandscapes.rrs(sc, Depth.of(l));
            double[] loss = GradientFlow.integrate(m, t).loss();
            rc.column("L" + l, loss);
            ch.add(Curves.theory("Theory (L = " + l + ")", "$L = " + l + "$", Curves.rocket(j, depths.length), n, loss));
        }
        double slope = new ExponentTable(1.75, 0.5).exponent(Term.TIME);
        ch.guide("t^(-β/(2+β))", "$t^{-\\beta/(2+\\beta)}$", Palette.BLUE, -slope, 10, 0.6 * Math.pow(10, -slope), 10,
                20000);
        rc.put("nu", 1.75).put("beta", 0.5).put("dim", dim).put("alpha", "inf").put("width", "inf").put("eta0", ETA_C)
                .put("convention", Clocks.describe(ETA_C, dim) + " (untied layers at eta0 L per layer: the same clock)")
                .put("method", "Dormand-Prince 8(5,3) gradient flow (untied layers stay balanced: the tied flow)");
        return new Figure.Panel("fig4c", "learning curves: t^-beta/(2+beta) until the depth floor ~ L^-beta", ch.build(), rc);
    }
}
