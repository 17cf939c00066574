package org.iclscale.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.iclscale.io.Report;
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
        List<Figure.Panel> panels = new ArrayList<>(List.of(
                new Figure.Panel("fig8a", "loss of untied layers, L = 1, 2, 4, 8", ca.build(), flow).with("-gd", gd),
                new Figure.Panel("fig8b", "gamma^l(t) of every layer: balanced, plateaus gamma* = 1.07, 2.60, 5.95",
                        cb.build(), gd)));
        List<String> notes = new ArrayList<>(List.of("Fig. 8: the paper's curves are gradient-descent iterates at eta = "
                + ETA + " with rate eta L per layer (matched to 1e-6 rms); the flow at t = 2 eta n is in fig8a.csv. From "
                + "equal starts the layers stay equal (8b); for L >= 2 this balanced point is a saddle (README errata 11)."));
        if (options.simulate()) {
            PaperFigures.Options o = options.withDefaultDim(ReducedOverlays.SIM_DIM);
            panels.add(ReducedOverlays.rrs("fig8c", 1.5, 0.8, true, new int[] {2, 4}, o, ReducedOverlays.ALPHA,
                    ReducedOverlays.TAU, ReducedOverlays.RRS_ETA, ReducedOverlays.RRS_STEPS));
            notes.add("Fig. 8c (--simulate): online SGD of the untied reduced model on RRS contexts at D = " + o.dim()
                    + ", alpha = 8 (eta = eta0 L per layer, t = eta0 n), on its own panel.");
        }
        return new Figure("8", "Untied layers, power-law RRS", panels, notes);
    }

}
