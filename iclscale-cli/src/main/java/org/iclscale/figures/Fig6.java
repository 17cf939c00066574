package org.iclscale.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Depth;
import org.iclscale.io.Report;
import org.iclscale.model.ModelSpec;
import org.iclscale.model.Theory;
import org.iclscale.model.TrainSpec;
import org.iclscale.model.TrainingTheory;
import org.iclscale.plot.Chart;
import org.iclscale.plot.Palette;
import org.iclscale.scaling.ExponentTable;
import org.iclscale.scaling.Term;
import org.iclscale.simulate.ContextSampler;
import org.iclscale.simulate.FullAttentionTrainer;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.BalancedAttentionFlow;
import org.iclscale.theory.FullAttentionFlow;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.GradientFlow;
import org.iclscale.theory.IsoModel;
import org.iclscale.theory.OptimumSearch;

/**
 * Fig. 6: full linear attention through γ = w_x²w_qw_kw_v (Result 9, App. G.2, notes §3.7), balanced small start.
 * (a) ISO, α = 1, L = 1, 2, 4, 8, plotted as 𝓛(t)/𝓛(0) as in the paper, against the SGD step n of the paper's run
 * (lr 0.1 on D = 128: t = 2·(0.1/√128)·n); (b) RRS power law of the port's run (its defaults: D = N = 80,
 * P = 256, ν = 1.25, β = 1.2 — the guide slope fixes β = 1.2 — σ₀ = 0.45), L = 1..16, against its SGD step
 * (lr 0.125 on D = 80, t = 2·(0.125/√80)·n), on the exact finite-P landscape and with the port's value scale
 * W_v = σ₀√N (γ = √N·w⁵, see {@link #VALUE_SCALE_B}); guide t^{−5β/(5β+2)} from the exponent table. 6c (softmax)
 * has no theory and is left out.
 */
final class Fig6 {

    /** Fig. 6a: gradient-descent step η = lr/√D = 0.1/√128 on the four factors (no ½): SGD step n is t = 2ηn. */
    static final double ETA_A = 0.1 / Math.sqrt(128);
    /** Fig. 6a balanced initial scale σ₀ (w_q = w_k = w_v = σ₀, w_x = √2σ₀; the port's default). */
    static final double INIT_A = 0.4;
    static final int DIM_B = 80;
    static final double NU_B = 1.25;
    static final double BETA_B = 1.2;
    static final double INIT_B = 0.45;
    /** Fig. 6b: η = lr/√D = 0.125/√80, t = 2ηn (as 6a). */
    static final double ETA_B = 0.125 / Math.sqrt(80);
    /**
     * Fig. 6b: the port's dimension-free model has W_v = σ₀√N·I, W_y = 1/√N (N = D = 80) and no 1/√D in the update
     * (6a has both), so its value factor w_v = W_yᵀW_vW_y starts at σ₀√N: γ = √N·w_x²w_qw_kw̃_v with balanced w̃_v.
     */
    static final double VALUE_SCALE_B = Math.sqrt(80);
    /** Fig. 6b: the port's context length P_tr = 256 (α = 3.2; its depth floors lie 8-64 % above P = ∞). */
    static final int CONTEXT_B = 256;
    /** Fig. 6b: sampled contexts of the finite-P landscape, and their seed. */
    static final int SAMPLES_B = 200;
    static final long SEED_B = 6;
    /** Default D of the Fig. 6a training overlay. */
    static final int SIM_DIM = 16;
    /** Depths of the Fig. 6a overlay (L = 8 can diverge at D = 16: sample eigenvalues beyond the MP edge). */
    static final int[] SIM_DEPTHS = {1, 2, 4};
    /** SGD steps at which the Fig. 6a overlay records the test loss. */
    static final double[] SIM_STEPS = {25, 50, 100, 150, 200, 250, 300, 400};
    /** Sampled contexts of the finite-size landscape of the overlay. */
    static final int FINITE_SIZE_SAMPLES = 1000;

    private Fig6() {
    }

    static Figure build(PaperFigures.Options o) {
        List<String> notes = new ArrayList<>();
        Figure.Panel a = fig6a(o, notes);
        Figure.Panel b = fig6b();
        notes.add("Fig. 6a: the paper plots L(t)/L(0); with L(0) = 0.959 at gamma(0) = 2 sigma0^5 (sigma0 = 0.4) its plateaus "
                + "0.522, 0.392, 0.286, 0.206 are the exact optima 0.5, 0.375, 0.273, 0.196 divided by 0.959.");
        notes.add("Fig. 6b: D = 80, nu = 1.25, beta = 1.2, sigma0 = 0.45 (the port's defaults; the caption's beta = 1.25 "
                + "disagrees with its own guide slope 0.750 = 5 beta/(5 beta + 2) at beta = 1.2), P = 256, and the port's "
                + "value scale W_v = sigma0 sqrt(N): gamma(0) = 2 sqrt(80) sigma0^5 = 0.330, so the curves start at "
                + "0.54-0.59 and fall at once, as the paper's (README errata).");
        notes.add("Fig. 6c (softmax attention) is not drawn: the paper gives no theory for it.");
        return new Figure("6", "Full linear attention (gamma = w^5)", List.of(a, b), notes);
    }

    private static Figure.Panel fig6a(PaperFigures.Options o, List<String> notes) {
        double[] steps = Curves.decades(0, 4, 20);
        double[] time = Curves.scale(steps, 2 * ETA_A);
        Report r = new Report("fig6a").column("step", steps).column("time", time);
        Chart.Builder c = new Chart.Builder("fig6a", "(a)", Chart.Axis.log("t", "$t$", 0.708, 1413),
                Chart.Axis.linear("ℒ(t)/ℒ(0)", "$\\mathcal{L}(t)/\\mathcal{L}(0)$", 0.159, 1.040)).legend("lower left");
        int[] depths = {1, 2, 4, 8};
        for (int j = 0; j < depths.length; j++) {
            int l = depths[j];
            IsoModel m = FigureLandscapes.iso(1.0, l, 0);
            FullAttentionFlow.Trajectory full = FullAttentionFlow.balanced(m, INIT_A, steps, 2 * ETA_A);
            double initialLoss = m.loss(2 * Math.pow(INIT_A, 5));
            double[] normalised = Curves.scale(full.loss(), 1 / initialLoss);
            r.column("L" + l, full.loss());
            r.column("gammaL" + l, full.gamma());
            r.column("normalisedL" + l, normalised);
            r.column("reducedL" + l, GradientFlow.integrate(m, time).loss());
            String color = Curves.rocket(j, depths.length);
            if (o.simulate()) {
                Chart.Series s = Curves.line("Theory (L = " + l + ")", "Theory", Chart.Kind.THEORY, Chart.Line.DASHED,
                        Palette.BLACK, steps, normalised);
                c.add(j == 0 ? s : s.hiddenFromLegend());
            } else {
                c.add(Curves.theory("Theory (L = " + l + ")", "$L = " + l + "$", color, steps, normalised));
            }
        }
        r.put("alpha", 1.0).put("sigma", 0.0).put("initScale", INIT_A).put("eta", ETA_A)
                .put("initialGamma", 2 * Math.pow(INIT_A, 5))
                .put("convention", "x = SGD step n of the paper (lr 0.1 on D = 128, eta = lr/sqrt(D)); w_i(n+1) = w_i(n) - "
                        + "eta dLoss/dw_i, gamma = w_x^2 w_q w_k w_v; flow time t = 2 eta n; y = L(t)/L(0)")
                .put("method", "Dormand-Prince 8(5,3) balanced four-factor flow (Result 9, gamma = w^5) on the exact "
                        + "Marchenko-Pastur landscape; reducedL*: the gamma flow from 0 at the same time");
        Report sim = o.simulate() ? training(c, o.withDefaultDim(SIM_DIM), 1, SIM_DEPTHS, SIM_STEPS, notes) : null;
        Figure.Panel p = new Figure.Panel("fig6a", "full-attention flow from sigma0 = 0.4: delayed drop, plateaus at the "
                + "exact optima over L(0)", c.build(), r);
        return sim == null ? p : p.with("-simulation", sim);
    }

    /**
     * Fig. 6a training overlay: online SGD of full linear attention ({@link FullAttentionTrainer}, width D + 1, tied,
     * readout frozen) from σ₀ = 0.4 at η = 2·ETA_A, so that the trainer's clock t = ηn is the figure's: step n of the
     * run is step n of the axis; α = κ = 1, B = τD. Columns: the D = ∞ theory and the same flow on the exact
     * finite-D landscape ({@link FiniteSizeLandscape}). Markers in the panel: the loss over the theory's 𝓛(0).
     */
    static Report training(Chart.Builder c, PaperFigures.Options o, double tau, int[] depths, double[] steps,
            List<String> notes) {
        int d = o.dim();
        int batch = (int) Math.max(1, Math.round(tau * d));
        double eta = 2 * ETA_A;
        double[] times = Curves.scale(steps, eta);
        List<double[]> rows = new ArrayList<>();
        List<String> omitted = new ArrayList<>();
        int[] all = {1, 2, 4, 8};
        for (int l : depths) {
            int j = java.util.Arrays.stream(all).boxed().toList().indexOf(l);
            TrainSpec spec = TrainSpec.builder(ModelSpec.iso().alpha(1).depth(l).build(), TrainSpec.Architecture.FULL)
                    .dim(d).kappa(1).tau(tau).eta(eta).init(INIT_A).steps((int) steps[steps.length - 1])
                    .testContexts(o.trials()).build();
            ContextSampler sampler = SpecTrainers.sampler(spec);
            TrainingOverlay.Curve cv;
            try {
                cv = TrainingOverlay.run("fig6a", l, o.seed(), seed -> SpecTrainers.create(spec, sampler, seed), o.runs(),
                        steps);
            } catch (ComputationException e) {
                omitted.add("L = " + l + ": " + e.getMessage());
                continue;
            }
            IsoModel m = FigureLandscapes.iso(1.0, l, 0);
            double l0 = m.loss(2 * Math.pow(INIT_A, 5));
            // the run's theory from the facade: the balanced full-attention flow (Result 9) on the D = inf landscape
            double[] theory = Theory.standard().trainingTheory(spec, steps, java.util.EnumSet.of(
                    TrainingTheory.Curve.THEORY)).theory().orElseThrow().loss();
            FiniteSizeLandscape finite = new FiniteSizeLandscape(null, d, d, l, FINITE_SIZE_SAMPLES, o.seed());
            double[] finiteLoss = BalancedAttentionFlow.integrate(finite, INIT_A, 1.0, times).loss();
            c.add(Curves.markers("L = " + l, "$L = " + l + "$", Curves.rocket(j < 0 ? 0 : j, all.length), steps,
                    Curves.scale(cv.mean(), 1 / l0), Curves.scale(cv.standardError(), 1 / l0)));
            for (int i = 0; i < steps.length; i++) {
                rows.add(new double[] {l, steps[i], times[i], cv.mean()[i], cv.standardError()[i], theory[i], finiteLoss[i]});
            }
        }
        Report r = Curves.table("fig6a-simulation", rows, "depth", "step", "time", "loss", "standardError", "theoryLoss",
                "finiteDimTheoryLoss");
        r.put("dim", d).put("width", d + 1).put("alpha", 1.0).put("kappa", 1.0).put("tau", (double) batch / d).put("eta", eta)
                .put("initScale", INIT_A).put("runs", o.runs()).put("testContexts", o.trials()).put("seed", o.seed())
                .put("finiteSizeSamples", FINITE_SIZE_SAMPLES)
                .put("omitted", omitted.isEmpty() ? "none" : String.join("; ", omitted)
                        + " (small D: sample eigenvalues beyond the Marchenko-Pastur edge destabilise deep models)")
                .put("convention", "trainer clock t = eta*n (train --model full) = 2*ETA_A*n: step n of the run is step n "
                        + "of the figure")
                .put("method", "online SGD of full linear attention (FullAttentionTrainer, tied, w_y, w_o frozen, balanced "
                        + "init); loss: exact query loss on testContexts fresh contexts per run, mean +- SE over runs; "
                        + "theoryLoss: balanced flow on the Marchenko-Pastur landscape (D = inf); finiteDimTheoryLoss: the "
                        + "same flow on the exact D-dimensional landscape (FiniteSizeLandscape)");
        notes.add("Fig. 6a overlay (--simulate): online SGD of full linear attention at D = " + d + ", P = K = B = D, mean "
                + "+- SE of " + o.runs() + " runs, L = 1, 2, 4, drawn over the theory's L(0) (the paper: D = P = 128).");
        return r;
    }

    /**
     * The port's Fig. 6b run as a flow in t = 2ηn: w_x = √2σ₀, w_q = w_k = σ₀ move at η, the value factor
     * w_v = σ₀√N at Nη (its gradient is along W_yW_yᵀ, |W_y| = 1). With w̃_v = w_v/√N all four start balanced and
     * move at η, and γ = w_x²w_qw_kw_v = √N·(w_x²w_qw_kw̃_v) = √N·2w⁵; u = (√N)^{1/5}·w obeys the γ = 2u⁵ balanced
     * flow at time factor (√N)^{2/5} ({@link FullAttentionFlow#balanced}). The returned γ is the model's γ.
     */
    static FullAttentionFlow.Trajectory portFlow(GammaLandscape m, double[] t) {
        return FullAttentionFlow.balanced(m, INIT_B * Math.pow(VALUE_SCALE_B, 0.2), t, Math.pow(VALUE_SCALE_B, 0.4));
    }

    private static Figure.Panel fig6b() {
        Spectrum spec = Spectrum.powerLaw(NU_B, BETA_B, DIM_B);
        double[] steps = Curves.decades(0, 6, 20); // SGD steps 1 .. 10^6 (the figure shows 1 .. 999; CSV: floors, slope)
        double[] t = Curves.scale(steps, 2 * ETA_B);
        double scale = VALUE_SCALE_B;
        Report r = new Report("fig6b").column("step", steps).column("time", t);
        Chart.Builder c = new Chart.Builder("fig6b", "(b)", Chart.Axis.log("t", "$t$", 0.708, 1413),
                Chart.Axis.log("ℒ(t)", "$\\mathcal{L}(t)$", 0.00445, 0.755)).legend("lower left");
        int[] depths = {1, 2, 4, 8, 16};
        double[] floor = new double[depths.length];
        double[] gammaStar = new double[depths.length];
        double[] last = new double[depths.length];
        double[][] curves = new double[depths.length][];
        double[][] gammas = new double[depths.length][];
        double[][] infinite = new double[depths.length][];
        FiniteSizeLandscape.Samples contexts = FiniteSizeLandscape.sample(spec, DIM_B, CONTEXT_B, SAMPLES_B, SEED_B);
        IntStream.range(0, depths.length).parallel().forEach(i -> {
            GammaLandscape m = new FiniteSizeLandscape(contexts, depths[i]);
            FullAttentionFlow.Trajectory flow = portFlow(m, t);
            curves[i] = flow.loss();
            gammas[i] = flow.gamma();
            infinite[i] = portFlow(FigureLandscapes.rrs(spec, Depth.of(depths[i])), t).loss();
            OptimumSearch.Optimum opt = OptimumSearch.minimise(m);
            floor[i] = opt.loss();
            gammaStar[i] = opt.gamma();
        });
        for (int i = 0; i < depths.length; i++) {
            r.column("L" + depths[i], curves[i]);
            r.column("gammaL" + depths[i], gammas[i]);
            r.column("infiniteContextL" + depths[i], infinite[i]);
            c.add(Curves.theory("Theory (L = " + depths[i] + ")", "$L = " + depths[i] + "$",
                    Curves.rocket(i, depths.length), steps, curves[i]));
            last[i] = curves[i][t.length - 1];
        }
        // L = D = P = inf (continuum) on the same clock and start: the t^-5beta/(5beta+2) law itself (CSV)
        r.column("Linf", portFlow(FigureLandscapes.continuum(NU_B, BETA_B, Depth.INFINITE), t).loss());
        ExponentTable table = new ExponentTable(NU_B, BETA_B);
        double exponent = table.exponent(Term.FULL_ATTENTION_TIME);
        String symbolic = table.tailSum(Term.FULL_ATTENTION_TIME).paper();
        // the port's guide: t^-exponent itself (no prefactor), drawn on t = 10 .. 1000
        c.add(Curves.guide("t^(-5β/(5β+2))", "$t^{-5\\beta/(5\\beta+2)}$", Palette.RED, -exponent, 1, 1, 10, 1000));
        r.put("nu", NU_B).put("beta", BETA_B).put("dim", DIM_B).put("contextLength", CONTEXT_B).put("width", DIM_B)
                .put("initScale", INIT_B).put("valueScale", scale).put("initialGamma", 2 * scale * Math.pow(INIT_B, 5))
                .put("samples", SAMPLES_B).put("seed", SEED_B)
                .put("timeExponent", exponent).put("timeExponentFormula", symbolic).put("eta", ETA_B)
                .put("convention", String.format(Locale.ROOT, "x = SGD step n of the paper (lr 0.125 sqrt(D) on W_x, W_q, "
                        + "W_k, W_v at D = N = 80: each diagonal moves by eta = 0.125/sqrt(D) dLoss/dw, the value "
                        + "w_v = W_y'W_vW_y = sigma0 sqrt(N) by lr); with w~_v = w_v/sqrt(N) all four start balanced and move "
                        + "at eta, gamma = sqrt(N) w_x^2 w_q w_k w~_v: flow time t = 2 eta n = %.5f n", 2 * ETA_B))
                .put("method", "Dormand-Prince 8(5,3) balanced four-factor flow (Result 9) with gamma = sqrt(N) w^5 "
                        + "(= the w^5 flow from sigma0 N^(1/10) at rate N^(1/5)) on the exact finite-size landscape at P = "
                        + CONTEXT_B + " (FiniteSizeLandscape, " + SAMPLES_B + " sampled contexts); infiniteContextL*: the "
                        + "same flow on the P = inf mode sum; Linf: L = D = P = inf continuum (exact head + Euler-Maclaurin tail)");
        Report floors = new Report("fig6b-floors");
        floors.column("depth", java.util.Arrays.stream(depths).asDoubleStream().toArray());
        floors.column("finalLoss", last).column("depthFloor", floor).column("gammaStar", gammaStar);
        floors.put("finalStep", steps[steps.length - 1]).put("finalTime", t[t.length - 1])
                .put("method", "depthFloor: min over gamma of the finite-P landscape (global grid + Brent)");
        return new Figure.Panel("fig6b", "full-attention learning curves of the port's run (W_v = sigma0 sqrt(N), P = "
                + CONTEXT_B + "): t^-5beta/(5beta+2) until the depth floor ~ L^-beta", c.build(), r).with("-floors", floors);
    }
}
