package org.iclscale.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.iclscale.io.Report;
import org.iclscale.model.ModelSpec;
import org.iclscale.model.PowerLaw;
import org.iclscale.model.TrainSpec;
import org.iclscale.plot.Chart;
import org.iclscale.plot.Palette;
import org.iclscale.scaling.ExponentTable;
import org.iclscale.scaling.Term;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.UntiedLayers;

/**
 * Fig. 8 (App. G): untied layers Γ^ℓ = γ^ℓI, RRS power law D = 64, ν = 1.5, β = 0.8, P = N = ∞. The paper's curves
 * are the discrete iterates of gradient descent on the untied landscape with the per-layer rate ηL (paper §2.6),
 * γ^ℓ_{n+1} = γ^ℓ_n − ηL ∂𝓛/∂γ^ℓ at η = {@value #ETA} (measured: they match these iterates to 1e-6 rms, while the
 * flow at t = 2ηn is off by up to a few % at intermediate n). Drawn: those iterates, one γ^ℓ per layer (8b: they
 * coincide, the balanced solution); the CSV adds the untied gradient flow ({@link UntiedLayers#flow}) at t = 2ηn.
 */
final class Fig8 {

    static final double ETA = 0.2;
    static final int DIM = 64;
    static final int[] DEPTHS = {1, 2, 4, 8};
    static final int STEPS = 7655;

    private Fig8() {
    }

    static Figure build(PaperFigures.Options options) {
        Spectrum spec = Spectrum.powerLaw(1.5, 0.8, DIM);
        double[] t = Curves.decades(-1, 4, 10);
        Report flow = new Report("fig8a").column("time", t);
        TreeSet<Integer> plotted = new TreeSet<>();
        for (double v : Curves.decades(0, 4, 40)) {
            if (v <= STEPS) {
                plotted.add((int) Math.round(v));
            }
        }
        for (int n = 0; n <= 5000; n += 25) {
            plotted.add(n);
        }
        double[] n = plotted.stream().mapToDouble(Integer::doubleValue).toArray();
        Report gd = new Report("fig8-gd").column("step", n);
        Chart.Builder ca = new Chart.Builder("fig8a", "(a)", Chart.Axis.log("t", "$t$", 0.653, 7655),
                Chart.Axis.log("ℒ(t)", "$\\mathcal{L}(t)$", 0.0297, 1.18)).legend("lower left");
        Chart.Builder cb = new Chart.Builder("fig8b", "(b)", Chart.Axis.linear("t", "$t$", -250, 5249),
                Chart.Axis.linear("γ^ℓ(t)", "$\\gamma^\\ell(t)$", -0.5, 10.57)).legend("outside");
        Chart.Line[] styles = {Chart.Line.SOLID, Chart.Line.DOTTED, Chart.Line.DASHED, Chart.Line.DASHDOT};
        double[] first = null;
        for (int j = 0; j < DEPTHS.length; j++) {
            int l = DEPTHS[j];
            UntiedLayers model = new UntiedLayers(spec, l);
            double[][] g = model.flow(new double[l], t);
            double[] loss = new double[t.length];
            double[] gamma = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                loss[i] = model.signal(g[i]);
                gamma[i] = g[i][0];
            }
            flow.column("lossL" + l, loss).column("gammaL" + l, gamma);
            double[][] it = GradientDescent.untied(model, ETA, n);
            double[] gdLoss = new double[n.length];
            for (int i = 0; i < n.length; i++) {
                gdLoss[i] = model.signal(it[i]);
            }
            gd.column("lossL" + l, gdLoss);
            ca.add(Curves.line("L = " + l, "$L = " + l + "$", Chart.Kind.OTHER, Chart.Line.SOLID, Curves.rocket(j, 4), n,
                    gdLoss));
            if (first == null) {
                first = gdLoss;
            }
            for (int layer = 0; layer < l; layer++) {
                double[] gl = new double[n.length];
                for (int i = 0; i < n.length; i++) {
                    gl[i] = it[i][layer];
                }
                gd.column("gammaL" + l + "layer" + (layer + 1), gl);
                double[] xs = java.util.Arrays.stream(n).filter(v -> v <= 5000).toArray();
                double[] ys = java.util.Arrays.copyOfRange(gl, 0, xs.length);
                cb.add(new Chart.Series("L = " + l + "; ℓ = " + (layer + 1), "$L = " + l + "$; $\\ell = " + (layer + 1) + "$",
                        Chart.Kind.OTHER, styles[j], Curves.rocket(layer, 8), xs, ys, null, layer == l - 1 || l == 8));
            }
        }
        double slope = new ExponentTable(1.5, 0.8).exponent(Term.TIME);
        int anchor = Curves.row(n, 100);
        ca.add(Curves.guide("t^(-β/(2+β))", "$t^{-\\beta/(2+\\beta)}$", Palette.RED, -slope, n[anchor],
                0.7 * first[anchor], 10, 5000));
        flow.put("nu", 1.5).put("beta", 0.8).put("dim", DIM)
                .put("convention", "time = flow time t, dgamma^l/dt = -1/2 L dLoss/dgamma^l (the paper's step n ~ t/(2 eta))")
                .put("method", "untied-layer gradient flow (UntiedLayers.flow) from gamma^l = 0; every layer equal");
        gd.put("nu", 1.5).put("beta", 0.8).put("dim", DIM).put("eta", ETA)
                .put("convention", "x = gradient-descent step n: gamma^l <- gamma^l - eta L dLoss/dgamma^l, eta = " + ETA
                        + " (the paper's Fig. 8 iterates; flow time t ~ 2 eta n)")
                .put("method", "gradient descent on the untied P = inf landscape (UntiedLayers.signalGradient) from 0");
        List<String> notes = new ArrayList<>(List.of("Fig. 8: the paper's curves are gradient-descent iterates at eta = "
                + ETA + " with rate eta L per layer (matched to 1e-6 rms); the flow at t = 2 eta n is in fig8a.csv. From "
                + "equal starts the layers stay equal (8b); for L >= 2 this balanced point is a saddle (README errata 11)."));
        Overlay.Result sim = options.simulate() ? overlay(options, ca, notes) : null;
        Figure.Panel pa = new Figure.Panel("fig8a", "loss of untied layers, L = 1, 2, 4, 8", ca.build(), flow).with("-gd", gd);
        if (sim != null) {
            pa = pa.with("-simulation", sim.table());
            if (sim.exactTable() != null) {
                pa = pa.with("-simulation-exact", sim.exactTable());
            }
        }
        List<Figure.Panel> panels = new ArrayList<>(List.of(pa,
                new Figure.Panel("fig8b", "gamma^l(t) of every layer: balanced, plateaus gamma* = 1.07, 2.60, 5.95",
                        cb.build(), gd)));
        return new Figure("8", "Untied layers, power-law RRS", panels, notes);
    }

    /** Default D, context ratio and last SGD step of the 8a overlay (the paper's curves: D = 64, P = ∞, x ≤ 7655). */
    static final int SIM_DIM = 16;
    static final double SIM_ALPHA = 8;
    static final double SIM_TAU = 2;
    static final int SIM_STEPS = 4000;
    /** Flow time per SGD step of the overlay: half the panel's 2η per x (per-layer rate 0.2L; x = n/2). */
    static final double SIM_FLOW_PER_STEP = ETA;

    /**
     * 8a with {@code --simulate}: online SGD of the untied reduced model (per-layer rate ηL, paper §2.6) on RRS
     * contexts at α = {@value #SIM_ALPHA}, L = 1, 2, 4, 8, at flow time {@value #SIM_FLOW_PER_STEP} per step: the
     * panel's x (the paper's step at flow time 2η = 0.4 per step) is n/2.
     */
    private static Overlay.Result overlay(PaperFigures.Options o, Chart.Builder chart, List<String> notes) {
        int d = o.dim(DIM, SIM_DIM);
        boolean paper = o.atPaperDim(DIM, SIM_DIM);
        double perX = 2 * ETA;
        int last = paper ? (int) Math.round(STEPS * perX / SIM_FLOW_PER_STEP) : SIM_STEPS;
        double[] steps = Overlay.logSteps(last, 10);
        List<Overlay.Curve> curves = new ArrayList<>();
        for (int j = 0; j < DEPTHS.length; j++) {
            ModelSpec spec = ModelSpec.rrs(PowerLaw.of(1.5, 0.8, d)).alpha(SIM_ALPHA).depth(DEPTHS[j]).build();
            TrainSpec run = TrainSpec.builder(spec, TrainSpec.Architecture.REDUCED).tau(SIM_TAU).untied(true)
                    .eta(SIM_FLOW_PER_STEP * DEPTHS[j]).steps(last).testContexts(o.trials()).build();
            curves.add(new Overlay.Curve("SGD (L = " + DEPTHS[j] + ")", "SGD", Curves.rocket(j, 4), DEPTHS[j], run, steps,
                    run.flowTimePerStep() / perX));
        }
        String size = String.format(java.util.Locale.ROOT, "%s: D = %d, P = %d, B = %d, %d steps%s",
                paper ? "the paper's D" : "reduced", d, curves.get(0).spec().contextLength(), curves.get(0).spec().batch(),
                last, paper ? " (the paper's curves: P = inf)" : " (paper: D = 64, P = inf; --paper-size: D = 64, P = 512)");
        Overlay.Result r = Overlay.run("fig8a", "depth", curves, o, chart, size);
        notes.add(String.format(java.util.Locale.ROOT, "Fig. 8a (--simulate): untied reduced-model SGD at %s, alpha = %s, "
                + "per-layer rate %.2g L (x = n/2); cost %.0f s wall, %.0f s CPU.", size, Curves.fmt(SIM_ALPHA),
                SIM_FLOW_PER_STEP, r.seconds(), r.cpuSeconds()));
        notes.addAll(r.notes());
        return r;
    }

}
