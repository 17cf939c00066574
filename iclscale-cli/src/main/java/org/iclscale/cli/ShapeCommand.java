package org.iclscale.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iclscale.core.Inputs;
import org.iclscale.core.InvalidInputException;
import org.iclscale.io.CsvWriter;
import org.iclscale.io.JsonWriter;
import org.iclscale.io.OutputFormat;
import org.iclscale.io.Report;
import org.iclscale.io.ReportWriter;
import org.iclscale.scaling.ComputeFormula;
import org.iclscale.scaling.ComputeOptimal;
import org.iclscale.scaling.ExactJointLoss;
import org.iclscale.scaling.ExactLosses;
import org.iclscale.scaling.ExactShapeOptimizer;
import org.iclscale.scaling.ExponentTable;
import org.iclscale.scaling.FourTermLaw;
import org.iclscale.scaling.ShapeOptimizer;
import org.iclscale.sweep.IndexRange;
import org.iclscale.sweep.Shard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code shape}: the compute-optimal integer width, depth, context and time for a budget C, minimising the
 * four-term law of Result 8 with prefactors derived from the tail sums ({@link FourTermLaw}) subject to the
 * compute formula (Hipparchus BOBYQA over log-resources, then integer local search), and with {@code --exact}
 * also the exact joint loss ({@link ExactJointLoss}, {@link ExactShapeOptimizer}). {@code --compute-range}
 * gives the frontier and its fitted slopes next to the exponents of the Lagrange rule; {@code --shard I/N} splits
 * the frontier's budgets into contiguous blocks as {@code sweep --shard} splits a grid (rows only: the slopes need
 * every budget).
 */
@Command(name = "shape", mixinStandardHelpOptions = true,
        description = {"Compute-optimal width N, depth L, context P and time t for a budget C (four-term law of Result 8,",
            "prefactors from the tail sums; BOBYQA over log-resources + integer local search).",
            "--exact also minimises the exact joint RRS loss (gradient flow on the exact landscape at integer N, L, P:",
            "D = inf for (t, L); one-point density at finite N, two-point contour at finite P, both at D = --dim).",
            "--compute-range C1:C2:log:K prints the frontier and its fitted slopes vs the symbolic exponents",
            "(four-term: milliseconds; with --exact: the per-budget cost below times K);",
            "--shard I/N computes only block I of the K budgets (rows as CSV or JSON lines, for job arrays)."})
public final class ShapeCommand extends Verb {

    @Mixin
    ScalingOptions exponents;

    @Option(names = "--compute", description = "compute budget C > 1")
    String budgetText;

    @Option(names = "--compute-formula", defaultValue = ComputeFormula.DEFAULT,
            description = "compute formula (default ${DEFAULT-VALUE}, Result 8)")
    String formulaText;

    @Option(names = "--compute-range", description = "frontier C1:C2:log:K (K >= 3 budgets, log-spaced)")
    String rangeText;

    @Option(names = "--exact", description = {"also minimise the exact joint loss (block 'exact'): RRS gradient flow on the "
            + "exact landscape at (N, L, P), t from the budget, integer search from the four-term optimum.",
        "Cost: C = L*t about 1-5 s; t*N^2*L about 10-20 s; t*P^2*N^2*L about 10-30 s per budget at --dim 256",
        "(with --compute-range: that per budget, e.g. C = L*t 1e3:1e7:log:5 about 15 s)."})
    boolean exact;

    @Option(names = "--shard", paramLabel = "I/N", description = {"With --compute-range: only the budgets "
            + "[floor(I*K/N), floor((I+1)*K/N)) of the K budgets, one row per budget as CSV (header on shard 0 only) or",
        "JSON lines (--format csv|json); shards 0..N-1 concatenated are --shard 0/1. The fitted slopes need every",
        "budget and are not written."})
    String shardText;

    @Option(names = "--no-header", description = "With --shard and --format csv: no header line, not even on shard 0.")
    boolean noHeader;

    @Option(names = "--dim", defaultValue = "256", description = "dimension D of the exact loss when N or P is finite "
            + "(N <= D; the N = P = inf loss is at D = inf; default ${DEFAULT-VALUE})")
    String dimText;

    /** The text options checked up front ({@code sweep} calls this for every swept value). */
    @Override
    protected void validate() {
        ComputeFormula.parse("--compute-formula", formulaText);
        shard();
        if (rangeText != null) {
            budgets();
        } else if (budgetText != null) {
            Inputs.greaterThan("--compute", budgetText, 1);
        }
        if (exact) {
            Inputs.integer("--dim", dimText, 2, 4096);
        }
    }

    /** {@code --shard} (null without it); only with {@code --compute-range} and CSV or JSON output. */
    private Shard shard() {
        if (shardText == null) {
            return null;
        }
        Shard s = Shard.parse("--shard", shardText);
        if (rangeText == null) {
            throw new InvalidInputException("--shard", shardText, "only with --compute-range (its budgets are split)");
        }
        OutputFormat f = output.format();
        if (f != OutputFormat.CSV && f != OutputFormat.JSON) {
            throw new InvalidInputException("--format", f.name().toLowerCase(java.util.Locale.ROOT),
                    "csv or json with --shard (shards are concatenated row by row)");
        }
        return s;
    }

    /** With {@code --shard}: the frontier's rows, CSV (header on shard 0 unless --no-header) or JSON lines. */
    @Override
    public Integer call() {
        Shard s = shard();
        if (s == null) {
            return super.call();
        }
        Report r = compute();
        PrintWriter out = spec.commandLine().getOut();
        if (output.format() == OutputFormat.JSON) {
            ReportWriter.requireFinite(r);
            Map<String, Object> doc = JsonWriter.asMap(r);
            @SuppressWarnings("unchecked")
            Map<String, Object> columns = (Map<String, Object>) doc.remove("columns");
            doc.remove("notes");
            for (int i = 0; i < r.rows(); i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (Map.Entry<String, double[]> c : r.columns().entrySet()) {
                    row.put(c.getKey(), c.getValue()[i]);
                }
                doc.forEach(row::putIfAbsent);
                out.println(JsonWriter.line(row));
            }
        } else {
            StringWriter csv = new StringWriter();
            new CsvWriter().write(r, new PrintWriter(csv));
            List<String> lines = csv.toString().lines().toList();
            boolean header = s.first() && !noHeader;
            lines.subList(header ? 0 : 1, lines.size()).forEach(out::println);
        }
        out.flush();
        return Main.EXIT_OK;
    }

    @Override
    protected Report compute() {
        double nu = exponents.nu();
        double beta = exponents.beta();
        ComputeFormula formula = ComputeFormula.parse("--compute-formula", formulaText);
        FourTermLaw law = new FourTermLaw(nu, beta);
        ShapeOptimizer opt = new ShapeOptimizer(law::term, formula);
        ComputeOptimal exps = ComputeOptimal.of(new ExponentTable(nu, beta), formula);
        Report r = new Report("shape").put("nu", nu).put("beta", beta).put("computeFormula", formula.text());
        ExactShapeOptimizer exactOpt = null;
        if (exact) {
            int dim = Inputs.integer("--dim", dimText, 2, 4096);
            r.put("dim", dim);
            exactOpt = new ExactShapeOptimizer(new ExactJointLoss(nu, beta, dim), formula);
        }
        if (rangeText != null) {
            return frontier(r, opt, exactOpt, exps, shard());
        }
        if (budgetText == null) {
            throw new InvalidInputException("--compute", "(missing)", "a budget C > 1, or --compute-range C1:C2:log:K");
        }
        double budget = Inputs.greaterThan("--compute", budgetText, 1);
        ShapeOptimizer.Shape s = opt.optimise(budget);
        r.put("compute", budget);
        putResources(r, s.rounded(), "");
        r.put("loss", s.roundedLoss()).put("excessLoss", s.roundedLoss());
        Map<String, Object> cont = new LinkedHashMap<>();
        s.continuous().forEach((k, v) -> cont.put(name(k), v));
        cont.put("loss", s.continuousLoss());
        r.put("continuous", cont);
        r.put("evaluations", s.evaluations());
        if (exact) {
            r.put("exactTerms", exactTerms(nu, beta, s.rounded()));
            r.put("exact", exactBlock(exactOpt, budget, s.rounded()));
            if (formula.contains('N') || formula.contains('P')) {
                r.note("exact: the exact joint loss at finite N or P is that of the finite-D model (D = --dim); at N << D "
                    + "its learning is slowed by the Haar rank-N read-in (loss ~ F_N(gamma/D)), which the four-term law "
                    + "ignores, so the exact optimum moves N towards D");
            }
        }
        r.put("method", "four-term law (Result 8) with tail-sum prefactors (FourTermLaw), BOBYQA over log-resources "
                + "with t from the budget, integer local search on N, L, P"
                + (exact ? "; exact: see exact.method" : ""));
        r.note("exactTerms: exact single-bottleneck losses at the four-term shape (joint (t, L) flow at D = inf + width "
                + "and context floors), their sum is Result 8's additive composition");
        return r;
    }

    /** The exact optimisation at one budget, with the exact loss at the four-term shape for comparison. */
    private static Map<String, Object> exactBlock(ExactShapeOptimizer eo, double budget, Map<Character, Double> fourTerm) {
        ExactShapeOptimizer.Result e = eo.optimise(budget, fourTerm);
        Map<String, Object> m = new LinkedHashMap<>();
        for (char k : new char[] {'N', 'L', 'P', 't'}) {
            if (e.shape().containsKey(k)) {
                double v = e.shape().get(k);
                m.put(name(k), k == 't' ? (Object) v : (Object) Math.round(v));
            } else {
                m.put(name(k), "inf");
            }
        }
        m.put("loss", e.loss());
        m.put("excessLoss", e.loss());
        // the four-term shape may exceed the exact model's width bound N <= D
        m.put("fourTermShapeLoss", fourTerm.getOrDefault('N', 0.0) > eo.dim()
                ? (Object) ("not evaluated: four-term width N = " + Math.round(fourTerm.get('N')) + " > D = " + eo.dim())
                : (Object) eo.loss(fourTerm));
        m.put("evaluations", e.evaluations());
        m.put("skipped", e.skipped());
        m.put("atBound", e.atBound());
        m.put("method", eo.method() + "; integer compass search in ln N, ln L, ln P (factors 2, 1.25, 1.1, then +-1) "
                + "from the rounded four-term optimum, t from the budget; the result is a local minimum on the integer "
                + "lattice (every +-1 neighbour has a loss >= this one)");
        return m;
    }

    /**
     * Exact single-bottleneck losses at the shape (power law at D = inf): the joint (t, L) RRS gradient-flow loss at
     * N = P = inf plus the width-floor and context-floor losses; their sum is Result 8's additive composition with
     * exact terms (no validated joint exact loss in all four resources: notes 8.6).
     */
    private static Map<String, Object> exactTerms(double nu, double beta, Map<Character, Double> x) {
        ExactLosses e = new ExactLosses(nu, beta);
        Map<String, Object> m = new LinkedHashMap<>();
        double total = 0;
        if (x.containsKey('t')) {
            int depth = x.containsKey('L') ? (int) Math.round(x.get('L')) : 0;
            double l = depth > 0 ? e.timeAtDepth(x.get('t'), depth) : e.time(new double[] {x.get('t')})[0];
            m.put("timeDepthLoss", l);
            total += l;
        } else if (x.containsKey('L')) {
            double l = e.depth((int) Math.round(x.get('L')));
            m.put("depthLoss", l);
            total += l;
        }
        if (x.containsKey('N')) {
            double l = e.width(x.get('N'));
            m.put("widthFloor", l);
            total += l;
        }
        if (x.containsKey('P')) {
            double l = e.context(x.get('P'));
            m.put("contextFloor", l);
            total += l;
        }
        m.put("sum", total);
        return m;
    }

    /** {@code --compute-range} C1:C2:log:K: its ends and its K budgets C_i = C1 (C2/C1)^(i/(K-1)). */
    private record Budgets(double c1, double c2, double[] values) {
    }

    private Budgets budgets() {
        String[] parts = rangeText.split(":");
        String range = "C1:C2:log:K with 1 < C1 < C2 finite and integer K >= 3";
        double c1;
        double c2;
        int k;
        try {
            c1 = Double.parseDouble(parts[0]);
            c2 = Double.parseDouble(parts[1]);
            k = Integer.parseInt(parts[3]);
        } catch (RuntimeException e) {
            throw new InvalidInputException("--compute-range", rangeText, range);
        }
        if (parts.length != 4 || !parts[2].equals("log") || !(c1 > 1) || !(c2 > c1) || !Double.isFinite(c2) || k < 3 || k > 1000) {
            throw new InvalidInputException("--compute-range", rangeText, range);
        }
        double[] all = new double[k];
        for (int i = 0; i < k; i++) {
            all[i] = c1 * Math.pow(c2 / c1, i / (double) (k - 1));
        }
        return new Budgets(c1, c2, all);
    }

    /**
     * The frontier over the budgets of {@code --compute-range}, or over block {@code shard} of them (then without the
     * fitted slopes, which need every budget).
     */
    private Report frontier(Report r, ShapeOptimizer opt, ExactShapeOptimizer exactOpt, ComputeOptimal exps, Shard shard) {
        Budgets range = budgets();
        double[] budgets = range.values();
        IndexRange block = shard == null ? new IndexRange(0, budgets.length) : shard.block(budgets.length);
        int k = (int) block.size();
        double[] c = new double[k];
        double[] loss = new double[k];
        Map<Character, double[]> cols = new LinkedHashMap<>();
        for (char x : new char[] {'t', 'N', 'L', 'P'}) {
            if (exps.resources().get(x) > 0) {
                cols.put(x, new double[k]);
            }
        }
        double[] exLoss = new double[k];
        List<List<String>> exBound = new java.util.ArrayList<>();
        Map<Character, double[]> exCols = new LinkedHashMap<>();
        cols.keySet().forEach(x -> exCols.put(x, new double[k]));
        for (int i = 0; i < k; i++) {
            c[i] = budgets[(int) block.from() + i];
            ShapeOptimizer.Shape s = opt.optimise(c[i]);
            loss[i] = s.continuousLoss();
            for (Map.Entry<Character, double[]> e : cols.entrySet()) {
                e.getValue()[i] = s.continuous().get(e.getKey());
            }
            if (exactOpt != null) {
                ExactShapeOptimizer.Result e = exactOpt.optimise(c[i], s.rounded());
                exLoss[i] = e.loss();
                exBound.add(e.atBound());
                for (Map.Entry<Character, double[]> col : exCols.entrySet()) {
                    col.getValue()[i] = e.shape().get(col.getKey());
                }
            }
        }
        r.column("compute", c).column("loss", loss);
        Map<String, Object> symbolic = new LinkedHashMap<>();
        symbolic.put("loss", exps.loss());
        cols.keySet().forEach(x -> symbolic.put(name(x), exps.resources().get(x)));
        if (shard == null) {
            r.put("fittedSlopes", slopes(c, loss, cols));
        }
        r.put("computeOptimal", symbolic);
        for (Map.Entry<Character, double[]> e : cols.entrySet()) {
            r.column(name(e.getKey()), e.getValue());
        }
        if (exactOpt != null) {
            r.column("exactLoss", exLoss);
            for (Map.Entry<Character, double[]> e : exCols.entrySet()) {
                r.column("exact" + Character.toUpperCase(name(e.getKey()).charAt(0)) + name(e.getKey()).substring(1),
                        e.getValue());
            }
            if (shard == null) {
                r.put("exactFittedSlopes", slopes(c, exLoss, exCols));
                double[] cLast = {c[k - 2], c[k - 1]};
                double[] l2 = {exLoss[k - 2], exLoss[k - 1]};
                Map<Character, double[]> last = new LinkedHashMap<>();
                exCols.forEach((x, v) -> last.put(x, new double[] {v[k - 2], v[k - 1]}));
                r.put("exactLastSlopes", slopes(cLast, l2, last));
            }
            r.put("exactAtBound", exBound);
            r.put("exactMethod", exactOpt.method() + "; integer compass search from the rounded four-term optimum at "
                    + "each budget, t from the budget");
        }
        r.put("fitWindow", List.of(range.c1(), range.c2()));
        r.put("method", "continuous optimum of the four-term law at each budget (BOBYQA); slopes = least squares of "
                + "ln resource (and -ln loss) vs ln C over fitWindow; computeOptimal = Lagrange exponents");
        r.note("finite budgets: the prefactors of each term make the local slopes approach the exponents only as C grows"
                + (exactOpt == null ? "" : "; exactFittedSlopes fit the integer exact optima over fitWindow, "
                        + "exactLastSlopes the last two budgets (integer rounding makes resource slopes step-like); "
                        + "exactAtBound lists per budget the resources at a bound (N = D: its slope is not an exponent)"));
        return r;
    }

    /** −d ln loss/d ln C and d ln x/d ln C by least squares. */
    private static Map<String, Object> slopes(double[] c, double[] loss, Map<Character, double[]> cols) {
        Map<String, Object> slopes = new LinkedHashMap<>();
        slopes.put("loss", ExactLosses.fittedSlope(c, loss));
        for (Map.Entry<Character, double[]> e : cols.entrySet()) {
            double[] inv = new double[c.length];
            for (int i = 0; i < c.length; i++) {
                inv[i] = 1 / e.getValue()[i];
            }
            slopes.put(name(e.getKey()), ExactLosses.fittedSlope(c, inv));
        }
        return slopes;
    }

    private static void putResources(Report r, Map<Character, Double> x, String suffix) {
        for (char k : new char[] {'N', 'L', 'P', 't'}) {
            if (x.containsKey(k)) {
                double v = x.get(k);
                r.put(name(k) + suffix, k == 't' ? (Object) v : (Object) Math.round(v));
            } else {
                r.put(name(k) + suffix, "inf");
            }
        }
    }

    private static String name(char x) {
        return switch (x) {
            case 't' -> "time";
            case 'N' -> "width";
            case 'L' -> "depth";
            case 'P' -> "context";
            default -> String.valueOf(x);
        };
    }
}
