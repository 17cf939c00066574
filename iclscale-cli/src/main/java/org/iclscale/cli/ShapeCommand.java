package org.iclscale.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.iclscale.core.Inputs;
import org.iclscale.core.InvalidInputException;
import org.iclscale.io.CsvWriter;
import org.iclscale.io.JsonWriter;
import org.iclscale.io.OutputFormat;
import org.iclscale.io.Report;
import org.iclscale.io.ReportWriter;
import org.iclscale.model.FrontierRequest;
import org.iclscale.model.FrontierResult;
import org.iclscale.model.FrontierRows;
import org.iclscale.model.ShapeRequest;
import org.iclscale.model.ShapeResult;
import org.iclscale.model.Theory;
import org.iclscale.scaling.ComputeFormula;
import org.iclscale.scaling.ExactShapeOptimizer;
import org.iclscale.scaling.ExactTerms;
import org.iclscale.scaling.ShapeOptimizer;
import org.iclscale.scaling.Slopes;
import org.iclscale.sweep.Shard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code shape}: the compute-optimal integer width, depth, context and time for a budget C
 * ({@link Theory#shape(ShapeRequest)}: the four-term law of Result 8, and with {@code --exact} also the exact joint
 * loss), or with {@code --compute-range} the frontier and its fitted slopes next to the exponents of the Lagrange
 * rule ({@link Theory#shape(FrontierRequest)}). {@code --shard I/N} splits the frontier's budgets into contiguous
 * blocks as {@code sweep --shard} splits a grid ({@link Theory#shapeRows}: rows only, the slopes need every budget).
 * This verb maps options to the request and the typed result to the report; the algorithms live in the model and
 * scaling packages.
 */
@Command(name = "shape", mixinStandardHelpOptions = true,
        description = {"Compute-optimal width N, depth L, context P and time t for a budget C (four-term law of Result 8,",
            "prefactors from the tail sums; BOBYQA over log-resources + integer local search).",
            "--exact also minimises the exact joint RRS loss (gradient flow on the exact landscape at integer N, L, P:",
            "D = inf for (t, L); one-point density at finite N, two-point contour at finite P, both at D = --dim).",
            "--compute-range C1:C2:log:K prints the frontier and its fitted slopes vs the symbolic exponents",
            "(four-term: milliseconds; with --exact: the per-budget cost below times K)."})
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

    @Option(names = "--dim", description = "dimension D of the exact loss when N or P is finite (N <= D; the N = P = inf "
            + "loss is at D = inf; default " + DEFAULT_DIM + "; only with --exact)")
    String dimText;

    /** D of the exact loss when {@code --dim} is not given. */
    static final int DEFAULT_DIM = 256;

    @Option(names = "--shard", paramLabel = "I/N", description = {"With --compute-range: only the budgets "
            + "[floor(I*K/N), floor((I+1)*K/N)) of the K budgets, one row per budget as CSV (header on shard 0 only) or",
        "JSON lines (--format csv|json); shards 0..N-1 concatenated are --shard 0/1. The fitted slopes need every",
        "budget and are not written."})
    String shardText;

    @Option(names = "--no-header", description = "With --shard and --format csv: no header line, not even on shard 0.")
    boolean noHeader;

    /** The text options checked up front ({@code sweep} calls this for every swept value). */
    @Override
    protected void validate() {
        ComputeFormula formula = ComputeFormula.parse("--compute-formula", formulaText);
        OptionalInt dim = exactDim();
        shard();
        if (rangeText != null) {
            frontierRequest(exponents.nu(), exponents.beta(), formula, dim);
        } else if (budgetText != null) {
            Inputs.greaterThan("--compute", budgetText, 1);
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
            throw new InvalidInputException("--format", f.name().toLowerCase(Locale.ROOT),
                    "csv or json with --shard (shards are concatenated row by row)");
        }
        return s;
    }

    /** With {@code --shard}: the block's rows, CSV (header on shard 0 unless --no-header) or JSON lines. */
    @Override
    public Integer call() {
        Shard s = shard();
        if (s == null) {
            return super.call();
        }
        Report r = shardReport(s);
        PrintWriter out = spec.commandLine().getOut();
        if (output.format() == OutputFormat.JSON) {
            ReportWriter.requireFinite(r);
            Map<String, Object> doc = JsonWriter.asMap(r);
            doc.remove("columns");
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

    /** The report of block {@code s} of the frontier's budgets (no slopes). */
    private Report shardReport(Shard s) {
        double nu = exponents.nu();
        double beta = exponents.beta();
        ComputeFormula formula = ComputeFormula.parse("--compute-formula", formulaText);
        OptionalInt dim = exactDim();
        Report r = new Report("shape").put("nu", nu).put("beta", beta).put("computeFormula", formula.text());
        dim.ifPresent(d -> r.put("dim", d));
        FrontierRequest request = frontierRequest(nu, beta, formula, dim);
        FrontierRows f = Theory.standard().shapeRows(request, s.block(request.budgets()));
        rows(r, f);
        exactRowFlags(r, f);
        return r;
    }

    /** The rows' columns (and the Lagrange exponents) of a frontier or of a block of its budgets. */
    private static void rows(Report r, FrontierRows f) {
        r.column("compute", f.compute()).column("loss", f.loss());
        Map<String, Object> symbolic = new LinkedHashMap<>();
        symbolic.put("loss", f.computeOptimal().loss());
        f.resources().keySet().forEach(x -> symbolic.put(name(x), f.computeOptimal().resources().get(x)));
        r.put("computeOptimal", symbolic);
        f.resources().forEach((x, v) -> r.column(name(x), v));
        f.exact().ifPresent(e -> {
            r.column("exactLoss", e.loss());
            e.resources().forEach((x, v) -> r.column("exact" + Character.toUpperCase(name(x).charAt(0))
                    + name(x).substring(1), v));
        });
    }

    /** The exact rows' flags after the columns (and, for the whole frontier, the slopes before them). */
    private static void exactRowFlags(Report r, FrontierRows f) {
        f.exact().ifPresent(e -> {
            r.put("exactAtBound", e.atBound());
            r.put("exactMethod", e.method());
        });
        r.put("fitWindow", f.fitWindow());
        r.put("method", f.method());
    }

    @Override
    protected Report compute() {
        double nu = exponents.nu();
        double beta = exponents.beta();
        ComputeFormula formula = ComputeFormula.parse("--compute-formula", formulaText);
        OptionalInt dim = exactDim();
        if (budgetText != null && rangeText != null) {
            throw new InvalidInputException("--compute-range", rangeText + " cannot be combined with --compute "
                    + budgetText + " (give one budget --compute C, or a frontier --compute-range C1:C2:log:K)");
        }
        Report r = new Report("shape").put("nu", nu).put("beta", beta).put("computeFormula", formula.text());
        dim.ifPresent(d -> r.put("dim", d));
        if (rangeText != null) {
            return frontier(r, Theory.standard().shape(frontierRequest(nu, beta, formula, dim)));
        }
        if (budgetText == null) {
            throw new InvalidInputException("--compute", "(missing)", "a budget C > 1, or --compute-range C1:C2:log:K");
        }
        ShapeRequest request = ShapeRequest.of(nu, beta, formula, Inputs.greaterThan("--compute", budgetText, 1));
        return single(r, Theory.standard().shape(dim.isPresent() ? request.withExact(dim.getAsInt()) : request));
    }

    /** D of the exact loss: {@code --dim} (only with {@code --exact}) or the default; empty without {@code --exact}. */
    private OptionalInt exactDim() {
        Integer given = dimText == null ? null
                : Inputs.integer("--dim", dimText, ShapeRequest.MIN_EXACT_DIM, ShapeRequest.MAX_EXACT_DIM);
        if (!exact) {
            if (given != null) {
                throw new InvalidInputException("--dim", given + " applies only with --exact (the dimension D of the "
                        + "exact joint loss at finite N or P)");
            }
            return OptionalInt.empty();
        }
        return OptionalInt.of(given == null ? DEFAULT_DIM : given);
    }

    /** {@code C1:C2:log:K} as a frontier request; an invalid range is refused quoting the text as given. */
    private FrontierRequest frontierRequest(double nu, double beta, ComputeFormula formula, OptionalInt dim) {
        String[] parts = rangeText.split(":", -1);
        try {
            if (parts.length != 4 || !parts[2].equals("log")) {
                throw new InvalidInputException("--compute-range", rangeText, FrontierRequest.VALID);
            }
            FrontierRequest request = FrontierRequest.of(nu, beta, formula,
                    Inputs.parseDouble("--compute-range", parts[0], FrontierRequest.VALID),
                    Inputs.parseDouble("--compute-range", parts[1], FrontierRequest.VALID),
                    Inputs.integer("--compute-range", parts[3], FrontierRequest.MIN_BUDGETS, FrontierRequest.MAX_BUDGETS,
                            FrontierRequest.VALID));
            return dim.isPresent() ? request.withExact(dim.getAsInt()) : request;
        } catch (InvalidInputException e) {
            if (e.parameter().equals("--compute-range") || e.parameter().equals("computeRange")) {
                throw new InvalidInputException("--compute-range", rangeText, FrontierRequest.VALID);
            }
            throw e;
        }
    }

    private static Report single(Report r, ShapeResult result) {
        ShapeOptimizer.Shape s = result.fourTerm();
        r.put("compute", result.request().budget());
        putResources(r, s.rounded());
        r.put("loss", s.roundedLoss()).put("excessLoss", s.roundedLoss());
        Map<String, Object> cont = new LinkedHashMap<>();
        s.continuous().forEach((k, v) -> cont.put(name(k), v));
        cont.put("loss", s.continuousLoss());
        r.put("continuous", cont);
        r.put("evaluations", s.evaluations());
        result.exactTerms().ifPresent(t -> r.put("exactTerms", exactTerms(t)));
        result.exact().ifPresent(e -> r.put("exact", exactBlock(e)));
        r.put("method", result.method());
        result.notes().forEach(r::note);
        return r;
    }

    private static Map<String, Object> exactBlock(ShapeResult.ExactShape exact) {
        ExactShapeOptimizer.Result e = exact.optimum();
        Map<String, Object> m = new LinkedHashMap<>();
        for (char k : new char[] {'N', 'L', 'P', 't'}) {
            m.put(name(k), resource(e.shape(), k));
        }
        m.put("loss", e.loss());
        m.put("excessLoss", e.loss());
        m.put("fourTermShapeLoss", exact.fourTermShapeLoss().isPresent() ? (Object) exact.fourTermShapeLoss().getAsDouble()
                : (Object) exact.fourTermShapeNotEvaluated().orElseThrow());
        m.put("evaluations", e.evaluations());
        m.put("skipped", e.skipped());
        m.put("atBound", e.atBound());
        m.put("method", exact.method());
        return m;
    }

    private static Map<String, Object> exactTerms(ExactTerms t) {
        Map<String, Object> m = new LinkedHashMap<>();
        t.timeDepthLoss().ifPresent(v -> m.put("timeDepthLoss", v));
        t.depthLoss().ifPresent(v -> m.put("depthLoss", v));
        t.widthFloor().ifPresent(v -> m.put("widthFloor", v));
        t.contextFloor().ifPresent(v -> m.put("contextFloor", v));
        m.put("sum", t.sum());
        return m;
    }

    private static Report frontier(Report r, FrontierResult f) {
        r.put("fittedSlopes", slopes(f.fittedSlopes()));
        rows(r, f.rows());
        f.exactSlopes().ifPresent(e -> {
            r.put("exactFittedSlopes", slopes(e.fittedSlopes()));
            r.put("exactLastSlopes", slopes(e.lastSlopes()));
        });
        exactRowFlags(r, f.rows());
        f.notes().forEach(r::note);
        return r;
    }

    private static Map<String, Object> slopes(Slopes s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss", s.loss());
        s.resources().forEach((x, v) -> m.put(name(x), v));
        return m;
    }

    /** N, L, P as integers, t as a number, an absent resource as "inf". */
    private static Object resource(Map<Character, Double> x, char k) {
        if (!x.containsKey(k)) {
            return "inf";
        }
        double v = x.get(k);
        return k == 't' ? (Object) v : (Object) Math.round(v);
    }

    private static void putResources(Report r, Map<Character, Double> x) {
        for (char k : new char[] {'N', 'L', 'P', 't'}) {
            r.put(name(k), resource(x, k));
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
