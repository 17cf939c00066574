package org.iclscale.figures;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.iclscale.core.ComputationException;
import org.iclscale.io.Report;
import org.iclscale.model.TheoryCurve;
import org.iclscale.model.Theory;
import org.iclscale.model.TrainSpec;
import org.iclscale.model.TrainingTheory;
import org.iclscale.plot.Chart;
import org.iclscale.simulate.ContextSampler;
import org.iclscale.simulate.Trainer;

/**
 * The experiment overlay of a paper panel ({@code figure --simulate}): for each curve a training run
 * ({@link TrainSpec}) simulated by {@link TrainingOverlay} (independent runs, mean ± SE) and its theory from the
 * library, {@code Theory.standard().trainingTheory(spec, steps, all curves)} (the regime's curve, the α = ∞ flow and,
 * at depth 1, the exact finite-(D, P) flow), on the trainer's clock t = n·{@link TrainSpec#flowTimePerStep()}. The
 * learning rates are chosen by the figures so that this clock is the panel's: trainer step n is drawn at x = n
 * times {@code xPerStep} of the panel's axis. Markers and the dashed theory of the run share the colour of the
 * panel's curve for the same parameter value. The wide table ({@code -simulation}) states the sizes, the clock, the
 * methods and the measured cost (wall and process CPU seconds).
 */
final class Overlay {

    /** Which theory quantity the observable is compared with. */
    enum Quantity {
        /** The ICL test loss (the trainer's default observable). */
        LOSS,
        /** The Result 10 observable (1/D)‖Γ − I‖² of the depth-1 recursion. */
        GAMMA_DISTANCE
    }

    /**
     * One simulated curve.
     *
     * @param name       the markers' curve name (the paper's legend text where the paper shows this experiment)
     * @param tex        the markers' legend text (shown for the first curve of the overlay only)
     * @param color      the colour of the panel's curve for the same parameter value
     * @param value      the curve's parameter value (first column of the table)
     * @param spec       the training run
     * @param steps      the SGD steps recorded (increasing integers ≥ 0)
     * @param xPerStep   the panel's x per trainer step (1: the panel's axis is the trainer's step)
     * @param observable what is recorded (null: the ICL test loss)
     * @param quantity   the theory quantity it is compared with
     * @param extras     further observables recorded on the same runs (returned, not drawn)
     */
    record Curve(String name, String tex, String color, double value, TrainSpec spec, double[] steps, double xPerStep,
            ToDoubleFunction<Trainer> observable, Quantity quantity, List<ToDoubleFunction<Trainer>> extras) {
        Curve {
            extras = List.copyOf(extras);
        }

        Curve(String name, String tex, String color, double value, TrainSpec spec, double[] steps, double xPerStep) {
            this(name, tex, color, value, spec, steps, xPerStep, null, Quantity.LOSS, List.of());
        }

        Curve withExtras(List<ToDoubleFunction<Trainer>> more) {
            return new Curve(name, tex, color, value, spec, steps, xPerStep, observable, quantity, more);
        }
    }

    /**
     * The table, the depth-1 exact-flow table when only some curves have that flow (null otherwise), what became of
     * each curve, the cost, and the extra observables of each curve (empty list for an omitted curve).
     */
    record Result(Report table, Report exactTable, List<String> notes, double seconds, double cpuSeconds,
            List<List<TrainingOverlay.Curve>> extras) {
    }

    private Overlay() {
    }

    /**
     * Runs every curve, adds its markers (with error bars) and its dashed theory to {@code chart}, and returns the
     * {@code panel-simulation} table. {@code parameter} names the first column (e.g. {@code beta}); {@code size}
     * says at which size the runs are (e.g. "the paper's size" or "reduced: D = 16 instead of 64").
     */
    static Result run(String panel, String parameter, List<Curve> curves, PaperFigures.Options o, Chart.Builder chart,
            String size) {
        long wall = System.nanoTime();
        long cpu = processCpu();
        List<double[]> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<List<TrainingOverlay.Curve>> extras = new ArrayList<>();
        String method = "";
        String clock = "";
        boolean first = true;
        for (int j = 0; j < curves.size(); j++) {
            Curve c = curves.get(j);
            ContextSampler sampler = SpecTrainers.sampler(c.spec());
            TrainingOverlay.Curve sim;
            List<ToDoubleFunction<Trainer>> observables = new ArrayList<>();
            observables.add(c.observable() == null ? t -> t.testLoss().loss() : c.observable());
            observables.addAll(c.extras());
            try {
                List<TrainingOverlay.Curve> all = TrainingOverlay.runAll(panel, j, o.seed(),
                        seed -> SpecTrainers.create(c.spec(), sampler, seed), observables, o.runs(), c.steps());
                sim = all.get(0);
                extras.add(all.subList(1, all.size()));
            } catch (ComputationException e) {
                notes.add(panel + " " + c.name() + " omitted: " + e.getMessage());
                extras.add(List.of());
                continue;
            }
            TrainingTheory th = Theory.standard().trainingTheory(c.spec(), c.steps(),
                    EnumSet.allOf(TrainingTheory.Curve.class));
            double[] theory = values(th.theory(), c.quantity(), c.steps().length);
            double[] infinite = values(th.infiniteContext(), c.quantity(), c.steps().length);
            double[] exact = values(th.exactShallow(), c.quantity(), c.steps().length);
            double[] x = Curves.scale(c.steps(), c.xPerStep());
            Chart.Series markers = Curves.markers(c.name(), c.tex(), c.color(), x, sim.mean(), sim.standardError());
            chart.add(first ? markers : markers.hiddenFromLegend());
            double[] dense = denseSteps(c.steps());
            double[] denseTheory = values(Theory.standard().trainingTheory(c.spec(), dense,
                    EnumSet.of(TrainingTheory.Curve.THEORY)).theory(), c.quantity(), dense.length);
            if (!Double.isNaN(denseTheory[0])) {
                Chart.Series line = Curves.line("SGD theory (" + c.name() + ")", "theory at the SGD's size",
                        Chart.Kind.THEORY, Chart.Line.DOTTED, c.color(), Curves.scale(dense, c.xPerStep()), denseTheory);
                chart.add(first ? line : line.hiddenFromLegend());
            }
            first = false;
            for (int i = 0; i < x.length; i++) {
                rows.add(new double[] {c.value(), c.steps()[i], x[i], th.times()[i], sim.mean()[i], sim.standardError()[i],
                    theory[i], infinite[i], exact[i]});
            }
            if (method.isEmpty()) {
                method = th.method();
                clock = th.timeConvention();
            }
        }
        double seconds = (System.nanoTime() - wall) / 1e9;
        double cpuSeconds = (processCpu() - cpu) / 1e9;
        Report r = table(panel + "-simulation", rows, parameter);
        List<double[]> exactRows = new ArrayList<>();
        for (double[] row : rows) {
            if (!Double.isNaN(row[8])) {
                exactRows.add(new double[] {row[0], row[1], row[2], row[3], row[8]});
            }
        }
        Report exactTable = exactRows.isEmpty() || exactRows.size() == rows.size() ? null
                : Curves.table(panel + "-simulation-exact", exactRows, parameter, "step", "x", "time",
                        "exactShallowTheoryLoss").put("method", "Theory.trainingTheory: the exact finite-(D, P) depth-1 "
                                + "flow of the curves that have one");
        if (!curves.isEmpty()) {
            TrainSpec s = curves.get(0).spec();
            r.put("setting", s.model().setting().cliName()).put("model", s.architecture().cliName())
                    .put("dim", s.dim()).put("contextLength", s.contextLength()).put("alpha", s.realisedAlpha())
                    .put("queries", s.queries()).put("batch", s.batch()).put("untied", s.untied())
                    .put("init", s.init()).put("queryLabels", s.queryLabels().cliName());
        }
        r.put("runs", o.runs()).put("testContexts", o.trials()).put("seed", o.seed()).put("size", size)
                .put("quantity", curves.isEmpty() || curves.get(0).quantity() == Quantity.LOSS ? "ICL test loss"
                        : "(1/D)|Gamma - I|^2")
                .put("costSeconds", round(seconds)).put("costCpuSeconds", round(cpuSeconds))
                .put("clock", clock + "; x = step * " + (curves.isEmpty() ? 1 : curves.get(0).xPerStep()))
                .put("method", "online SGD (" + (curves.isEmpty() ? "" : curves.get(0).spec().architecture().cliName())
                        + " model), mean +- SE of independent runs (TrainingOverlay, chained seeds); theory columns: "
                        + "Theory.trainingTheory (theoryLoss: the regime's curve; infiniteContextTheoryLoss: the same flow "
                        + "at alpha = inf; exactShallowTheoryLoss: depth 1, the exact finite-(D, P) flow; a column only where every "
                        + "curve has it, else in the -exact table): "
                        + method)
                .put("omitted", notes.isEmpty() ? "none" : String.join("; ", notes));
        return new Result(r, exactTable, notes, seconds, cpuSeconds, extras);
    }

    private static final String[] THEORY_COLUMNS = {"theoryLoss", "infiniteContextTheoryLoss", "exactShallowTheoryLoss"};

    /**
     * The wide table: parameter, step, x, time, loss, SE and each theory column that every curve has (a CSV holds
     * no NaN; a column some curves lack is left out here, the depth-1 exact flow then goes to the -exact table).
     */
    private static Report table(String title, List<double[]> rows, String parameter) {
        Report r = Curves.table(title, rows, parameter, "step", "x", "time", "loss", "standardError");
        for (int c = 0; c < THEORY_COLUMNS.length; c++) {
            final int col = 6 + c;
            if (!rows.isEmpty() && rows.stream().noneMatch(x -> Double.isNaN(x[col]))) {
                r.column(THEORY_COLUMNS[c], rows.stream().mapToDouble(x -> x[col]).toArray());
            }
        }
        return r;
    }

    /** The theory quantity of a curve, NaN where the library gives none. */
    private static double[] values(Optional<TheoryCurve> curve, Quantity q, int n) {
        double[] nan = new double[n];
        java.util.Arrays.fill(nan, Double.NaN);
        if (curve.isEmpty()) {
            return nan;
        }
        return q == Quantity.LOSS ? curve.get().loss() : curve.get().gammaDistance().orElse(nan);
    }

    /** The recorded steps of an overlay: {@link GradientDescent#logSteps} without step 0 (the axes are log). */
    static double[] logSteps(int last, int perDecade) {
        return java.util.Arrays.stream(GradientDescent.logSteps(last, perDecade)).filter(v -> v > 0).toArray();
    }

    /** Integer steps from the first recorded (at least 1) to the last, 20 per decade, for the dashed theory. */
    static double[] denseSteps(double[] steps) {
        int last = (int) steps[steps.length - 1];
        int from = Math.max(1, (int) steps[0]);
        java.util.TreeSet<Long> s = new java.util.TreeSet<>();
        s.add((long) from);
        for (double e = Math.log10(from); e < Math.log10(last); e += 0.05) {
            s.add(Math.round(Math.pow(10, e)));
        }
        s.add((long) last);
        return s.stream().mapToDouble(Long::doubleValue).toArray();
    }

    private static long processCpu() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.1f", v));
    }
}
