package org.iclscale.figures;

import java.util.ArrayList;
import java.util.List;
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

    /** Default D of the SGD overlays of 4a and 4c (the paper: 64 and 45; {@code --paper-size}). */
    static final int SIM_DIM = 16;
    /** Batch ratio τ = B/D of the default overlays (the paper's B = 256 at D = 64 and 512 at D = 45). */
    static final double SIM_TAU = 2;
    /** Last recorded SGD step of the default overlays (x = n: the paper's step axis; the paper: 2925 and 3.3e4). */
    static final int SIM_STEPS_A = 2000;
    static final int SIM_STEPS_C = 2000;

    static Figure build(PaperFigures.Options options) {
        List<String> notes = new ArrayList<>();
        Chart.Builder ca = fig4aChart();
        Chart.Builder cc = fig4cChart();
        Report ra = fig4a(ca);
        Report rc = fig4c(cc);
        Figure.Panel pa;
        Figure.Panel pc;
        if (options.simulate()) {
            Overlay.Result sa = overlayA(options, ca, notes);
            Overlay.Result sc = overlayC(options, cc, notes);
            pa = new Figure.Panel("fig4a", CAPTION_A, ca.build(), ra).with("-simulation", sa.table());
            pc = new Figure.Panel("fig4c", CAPTION_C, cc.build(), rc).with("-simulation", sc.table());
        } else {
            pa = new Figure.Panel("fig4a", CAPTION_A, ca.build(), ra);
            pc = new Figure.Panel("fig4c", CAPTION_C, cc.build(), rc);
        }
        List<Figure.Panel> panels = new ArrayList<>(List.of(pa, fig4b(), pc));
        notes.add("Figs. 4a, 4c: the paper's curves are SGD runs at P = 512 (alpha = 8 and 11.4); the theory is at P = inf, "
                + "so its late-time losses lie below the paper's (4c plateaus 0.309/0.220/0.143 at P = 512, notes 3.4). "
                + "Clock: t = 2 eta n / D (Clocks).");
        return new Figure("4", "RRS power law, reduced Gamma, P = N = inf", panels, notes);
    }

    private static final String CAPTION_A = "time exponent beta/(2+beta) for beta = 0.5..4";
    private static final String CAPTION_C = "learning curves: t^-beta/(2+beta) until the depth floor ~ L^-beta";

    /**
     * 4a with {@code --simulate}: online SGD of the tied reduced model on RRS contexts at α = 8, L = 8, for each β,
     * at the paper's flow rate per step 2η/64 (η = 5): x = n, the paper's step axis, at any D.
     */
    private static Overlay.Result overlayA(PaperFigures.Options o, Chart.Builder chart, List<String> notes) {
        int d = o.dim(64, SIM_DIM);
        boolean paper = o.atPaperDim(64, SIM_DIM);
        int last = paper ? 2925 : SIM_STEPS_A;
        double tau = paper ? 4 : SIM_TAU;
        double perX = Clocks.perStep(ETA_A, 64);
        double[] steps = Overlay.logSteps(last, 10);
        List<Overlay.Curve> curves = new ArrayList<>();
        for (int j = 0; j < BETAS.length; j++) {
            ModelSpec spec = ModelSpec.rrs(PowerLaw.of(1.5, BETAS[j], d)).alpha(8).depth(8).build();
            TrainSpec run = TrainSpec.builder(spec, TrainSpec.Architecture.REDUCED).tau(tau).eta(perX).steps(last)
                    .testContexts(o.trials()).build();
            curves.add(new Overlay.Curve("SGD (β = " + Curves.two(BETAS[j]) + ")", "SGD", Curves.rocket(j, BETAS.length),
                    BETAS[j], run, steps, run.flowTimePerStep() / perX));
        }
        String size = paper ? "the paper's D = 64, P = 512, B = 256, 2925 steps" : String.format(java.util.Locale.ROOT,
                "reduced: D = %d, P = %d, B = %d, %d steps (paper: D = 64, P = 512, B = 256; --paper-size)", d,
                curves.get(0).spec().contextLength(), curves.get(0).spec().batch(), last);
        Overlay.Result r = Overlay.run("fig4a", "beta", curves, o, chart, size);
        notes.add(String.format(java.util.Locale.ROOT, "Fig. 4a (--simulate): tied reduced-model SGD at %s, eta = %.5g "
                + "(x = n); cost %.0f s wall, %.0f s CPU.", size, perX, r.seconds(), r.cpuSeconds()));
        notes.addAll(r.notes());
        return r;
    }

    /**
     * 4c with {@code --simulate}: online SGD of the untied reduced model (rate η₀L per layer, paper §2.6) at
     * α = 512/45, L = 1..16, at the paper's flow time per step 2η₀/45 (η₀ = 3): x = n at any D.
     */
    private static Overlay.Result overlayC(PaperFigures.Options o, Chart.Builder chart, List<String> notes) {
        int d = o.dim(45, SIM_DIM);
        boolean paper = o.atPaperDim(45, SIM_DIM);
        int last = paper ? 32800 : SIM_STEPS_C;
        double tau = paper ? 512.0 / 45 : SIM_TAU;
        double kappa = 16.0 / 45;
        double perX = Clocks.perStep(ETA_C, 45);
        double[] steps = Overlay.logSteps(last, 10);
        int[] depths = {1, 2, 4, 8, 16};
        List<Overlay.Curve> curves = new ArrayList<>();
        for (int j = 0; j < depths.length; j++) {
            ModelSpec spec = ModelSpec.rrs(PowerLaw.of(1.75, 0.5, d)).alpha(512.0 / 45).depth(depths[j]).build();
            TrainSpec run = TrainSpec.builder(spec, TrainSpec.Architecture.REDUCED).kappa(kappa).tau(tau).untied(true)
                    .eta(perX * depths[j]).steps(last).testContexts(o.trials()).build();
            curves.add(new Overlay.Curve("SGD (L = " + depths[j] + ")", "SGD", Curves.rocket(j, depths.length), depths[j],
                    run, steps, run.flowTimePerStep() / perX));
        }
        String size = paper ? "the paper's D = 45, P = 512, B = 512, K = 16, 32800 steps" : String.format(
                java.util.Locale.ROOT, "reduced: D = %d, P = %d, B = %d, K = %d, %d steps (paper: D = 45, P = 512, "
                        + "B = 512, K = 16; --paper-size)", d, curves.get(0).spec().contextLength(),
                curves.get(0).spec().batch(), curves.get(0).spec().queries(), last);
        Overlay.Result r = Overlay.run("fig4c", "depth", curves, o, chart, size);
        notes.add(String.format(java.util.Locale.ROOT, "Fig. 4c (--simulate): untied reduced-model SGD at %s, eta = "
                + "%.5g L per layer (x = n); cost %.0f s wall, %.0f s CPU.", size, perX, r.seconds(), r.cpuSeconds()));
        notes.addAll(r.notes());
        return r;
    }

    private static Chart.Builder fig4aChart() {
        return new Chart.Builder("fig4a", "(a)", Chart.Axis.log("t", "$t$", 0.684, 2925),
                Chart.Axis.log("ℒ(t)", "$\\mathcal{L}(t)$", 0.00272, 1.32)).legend("lower left");
    }

    private static Chart.Builder fig4cChart() {
        return new Chart.Builder("fig4c", "(c)", Chart.Axis.log("t", "$t$", 0.609, 3.28e4),
                Chart.Axis.log("ℒ(t)", "$\\mathcal{L}(t)$", 0.0731, 1.13)).legend("lower left");
    }

    private static Report fig4a(Chart.Builder ch) {
        int dim = 64;
        double c = Clocks.perStep(ETA_A, dim);
        double[] n = Curves.decades(-1, 4, 20);
        double[] t = Curves.scale(n, c);
        Report r = new Report("fig4a").column("step", n).column("time", t);
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
        return r;
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

    private static Report fig4c(Chart.Builder ch) {
        int dim = 45;
        double c = Clocks.perStep(ETA_C, dim);
        double[] n = Curves.decades(-1, 5, 20);
        double[] t = Curves.scale(n, c);
        Report rc = new Report("fig4c").column("step", n).column("time", t);
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
        return rc;
    }
}
