package org.iclscale.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iclscale.check.Comparison;
import org.iclscale.check.Comparison.Counterexample;
import org.iclscale.check.Sample;
import org.iclscale.check.Tolerance;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Inputs;
import org.iclscale.core.InvalidInputException;
import org.iclscale.io.Report;
import org.iclscale.symbolic.Errata;
import org.iclscale.symbolic.Errata.Erratum;
import org.iclscale.symbolic.FormulaCheck;
import org.iclscale.symbolic.FormulaLibrary;
import org.iclscale.symbolic.FormulaLibrary.Formula;
import org.iclscale.symbolic.FormulaLibrary.FormulaFile;
import org.iclscale.symbolic.FormulaLibrary.Range;
import org.iclscale.symbolic.SymbolicException;
import org.iclscale.core.Setting;
import java.util.OptionalInt;
import org.iclscale.model.Continuum;
import org.iclscale.model.FrontierProbe;
import org.iclscale.model.ModelProbe;
import org.iclscale.model.ShapeRequest;
import org.iclscale.scaling.ComputeFormula;
import org.iclscale.model.ModelSpec;
import org.iclscale.model.Quantity;
import org.iclscale.model.SgdRequest;
import org.iclscale.model.Theory;
import org.iclscale.core.QueryLabels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code check EXPR --against NAME}: is a hand-derived expression equal to a built-in formula? The expression is
 * parsed without evaluation and checked against the allow-list of mathematical heads
 * ({@link org.iclscale.symbolic.ExpressionPolicy}); Symja tries to simplify the difference to 0, then both are
 * evaluated at seeded random points of the formula's validity domain and compared with a relative tolerance and a
 * separate absolute floor ({@link org.iclscale.check.PointComparison}); the worst counterexample is reported.
 * {@code check --errata} walks through the paper's inconsistencies (paper-notes §8) with a numeric witness for each.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Decide whether EXPR (Mathematica syntax, explicit '*', powers with '^') equals a formula of formulas/:",
            "symbolic simplification of the difference, then evaluation at random points of the formula's domain.",
            "EXPR may use arithmetic, elementary and special functions, Sum/Product with finite iterators, the formula",
            "library's symbols and the formula's variables; anything else (assignments, files, processes, ...) is refused.",
            "--errata walks through the paper's inconsistencies with a numeric witness for each.",
            "--against-model: EXPR against the numeric model (--quantity, model options, --vary ranges) at seeded random",
            "points, tolerance from the model's own accuracy; --scaling CLAIM --as X: a claimed power law against the",
            "model's local log-log slope along a geometric sequence of X; with --along frontier the claim in the budget",
            "C against the compute-optimal frontier (optimal loss or allocation), with --along VAR=EXPR,... along a path."})
public final class CheckCommand extends Verb {

    /** Default absolute floor: below it a difference is accepted even if relatively large (a 0 vs 1e-17). */
    static final double DEFAULT_FLOOR = 1e-14;

    @Parameters(index = "0", arity = "0..1", paramLabel = "EXPR", description = "Your expression, e.g. '(1+2*alpha)/(1+alpha)^3'.")
    String expression;

    @Option(names = "--against", paramLabel = "NAME", description = "Formula symbol to compare with (see 'derive --list').")
    String against;

    @Option(names = "--errata", description = "Walk through the paper's errata (paper-notes §8).")
    boolean errata;

    @Option(names = "--set", paramLabel = "VAR=VALUE", description = "Fix a domain variable instead of sampling it (e.g. --set L=2), inside the formula's domain; repeatable.")
    List<String> settings = new ArrayList<>();

    @Option(names = "--points", defaultValue = "24", description = "Random points of the domain (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random points (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--tolerance", defaultValue = "1e-9", description = "Relative tolerance: |e - f| <= tol*max(|e|, |f|) (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--floor", defaultValue = "1e-14", description = "Absolute floor: |e - f| <= floor is accepted even if relatively large (default: ${DEFAULT-VALUE}).")
    double floor;

    @Option(names = "--time-limit", defaultValue = "30", paramLabel = "SECONDS",
            description = "Time allowed for Symja (parse, simplification, every point) before exit 1 (default: ${DEFAULT-VALUE}).")
    double timeLimit;

    @Option(names = "--against-model", description = "Compare EXPR (or the --scaling claim) with the numeric model given "
            + "by the model options (--setting, --alpha, --depth, --sigma, --nu, --beta, --dim, --width, ...).")
    boolean againstModel;

    @Option(names = "--quantity", defaultValue = "loss", paramLabel = "Q",
            description = "With --against-model: what the model computes: loss, excessLoss, gamma (the optimal gamma), "
                    + "optimalLoss, floor, lossAfter (gradient flow, time t), sgdLoss (Result 10, step t); along the "
                    + "frontier loss, time, width, depth, context (default: ${DEFAULT-VALUE}).")
    String quantity;

    @Option(names = "--vary", paramLabel = "RANGES",
            description = {"With --against-model: sampled variables, e.g. alpha=0.1:4,L=1..8,gamma=0:opt (LO:HI real, LO..HI",
                "integer, NAME=VALUE fixed; gamma also in units of the point's optimal gamma (opt) or stability edge",
                "(edge)). Variables: alpha, P, D, N, L, sigma, nu, beta, gamma, t; for sgdLoss alpha, kappa, tau, eta,",
                "sigma, t. EXPR writes N and D as in the paper."})
    List<String> vary = new ArrayList<>();

    @Option(names = "--scaling", paramLabel = "CLAIM",
            description = "With --against-model: a claimed asymptotic law, e.g. 'c*L^(-beta)' (prefactor symbol: --prefactor).")
    String scaling;

    @Option(names = {"--as", "--variable"}, paramLabel = "X",
            description = "The variable of the --scaling claim (its range in --vary; Python: variable=).")
    String as;

    @Option(names = "--along", paramLabel = "PATH",
            description = {"With --scaling: the claim in one variable X along a path. 'frontier': the compute-optimal",
                "frontier at budget X = C of --compute-formula (four-term law of Result 8, --nu --beta; --quantity loss,",
                "time, width, depth or context: the optimal loss or allocation); 'exact-frontier': the same on the exact",
                "joint loss (integer N, L, P; finite N or P at D = --dim, default " + ShapeCommand.DEFAULT_DIM + "; seconds per",
                "budget); or VAR=EXPR,... : model variables as functions of X, e.g. 'N=C^0.5,t=C^0.5' (integers rounded)."})
    String along;

    @Option(names = "--compute-formula", paramLabel = "F",
            description = "With --along frontier|exact-frontier: the compute formula, a product of powers of t, N, L, P "
                    + "(default " + ComputeFormula.DEFAULT + ", Result 8).")
    String computeFormula;

    @Option(names = "--prefactor", defaultValue = "c",
            description = "Symbol of the claim's prefactor, fitted at the largest X (default: ${DEFAULT-VALUE}).")
    String prefactor;

    @Option(names = "--slope-tolerance", defaultValue = "0.02",
            description = "Relative tolerance on the exponent of a --scaling claim, added to the measured drift "
                    + "(default: ${DEFAULT-VALUE}).")
    double slopeTolerance;

    @Option(names = "--kappa", defaultValue = "1", description = "sgdLoss: queries per context kappa = K/D "
            + "(default: ${DEFAULT-VALUE}).")
    String kappa;

    @Option(names = "--tau", defaultValue = "1", description = "sgdLoss: batch ratio tau = B/D (default: ${DEFAULT-VALUE}).")
    String tau;

    @Option(names = "--eta", description = "sgdLoss: SGD learning rate eta (or vary eta).")
    String eta;

    @Mixin
    ModelOptions model;

    @Mixin
    SpectrumOptions structured;

    /** Options of the model modes only (refused without --against-model). */
    private static final List<String> MODEL_ONLY = List.of("--quantity", "--vary", "--scaling", "--as", "--prefactor",
            "--slope-tolerance", "--along", "--compute-formula", "--kappa", "--tau", "--eta", "--setting", "--alpha", "--depth", "--sigma", "--nu",
            "--beta", "--dim", "--spectrum", "--continuum", "--width", "--width-ratio");

    @Override
    protected Report compute() {
        if (againstModel) {
            return againstModel();
        }
        for (String o : MODEL_ONLY) {
            if (given(o)) {
                throw new InvalidInputException(o, "applies only with --against-model");
            }
        }
        if (errata) {
            if (expression != null || against != null) {
                throw new InvalidInputException("--errata", "takes no EXPR or --against");
            }
            return errataReport();
        }
        if (expression == null || against == null) {
            throw new InvalidInputException("EXPR", "usage: check EXPR --against NAME, or check --errata");
        }
        requireComparisonOptions();
        Duration limit = timeLimit(timeLimit);
        FormulaLibrary lib = FormulaLibrary.standard();
        Formula builtin = formula(lib, against, "--against");
        FormulaFile file = builtin.file();
        Map<String, Double> fixed = settings(file, settings);
        fixedNames = fixed.keySet();
        Tolerance tol = new Tolerance(tolerance, floor);
        FormulaCheck.Result result;
        try {
            result = FormulaCheck.run(lib, expression, builtin, fixed, points, seed, tol, limit);
        } catch (SymbolicException e) {
            throw SymbolicFailures.map(e, "EXPR", expression);
        }
        Comparison c = result.comparison();
        if (c.verdict() == Comparison.Verdict.UNDECIDED) {
            throw new ComputationException("Symja", "the built-in formula " + against + " could not be evaluated at any of "
                    + points + " domain points");
        }
        if (!c.candidateEverReal()) {
            Counterexample w = c.worst();
            throw new InvalidInputException("EXPR", "'" + SymbolicFailures.excerpt(expression) + "' is not a real number at any of "
                    + c.pointsChecked() + " points of the domain (at " + shown(w.point(), result.relevant()) + ": "
                    + SymbolicFailures.excerpt(w.candidate().failure()) + ")");
        }
        boolean equal = c.verdict() == Comparison.Verdict.EQUAL;
        Report r = new Report("check");
        r.put("expression", expression).put("against", against).put("file", file.name());
        r.put("domain", file.header("domain"));
        if (!fixed.isEmpty()) {
            r.put("set", new LinkedHashMap<String, Object>(fixed));
        }
        r.put("verdict", c.verdict().text());
        r.put("symbolicallyEqual", result.symbolicallyEqual());
        r.put("pointsChecked", c.pointsChecked()).put("pointsSkipped", c.pointsSkipped());
        r.put("pointsWithinFloor", c.pointsWithinFloor());
        r.put("seed", seed).put("tolerance", tolerance).put("absoluteFloor", floor);
        r.put("maxRelativeDifference", finiteOr(c.maxRelativeDifference()));
        r.put("maxAbsoluteDifference", finiteOr(c.maxAbsoluteDifference()));
        r.put("timeLimit", timeLimit);
        if (c.worst() != null) {
            r.put("counterexample", counterexample(c.worst(), result.relevant()));
        }
        String how = result.symbolicallyEqual() ? "Symja Simplify shows the difference is 0"
                : "Symja did not reduce the difference to 0";
        r.put("method", how + "; numeric comparison at " + c.pointsChecked() + " random points of the domain (relative "
                + "tolerance " + tolerance + ", absolute floor " + floor + ": |e - f| <= max(tol*max(|e|,|f|), floor))");
        if (result.symbolicNote() != null) {
            r.note(result.symbolicNote());
        }
        if (result.symbolicallyEqual() && !equal) {
            r.note("Symja simplified the difference to 0 but the numbers differ: trust the numbers and report it");
        } else if (!result.symbolicallyEqual() && equal) {
            r.note("equal at every sampled point but not proven symbolically (sums with symbolic bounds, Max/Min, ...)");
        }
        if (c.pointsWithinFloor() > 0) {
            r.note(c.pointsWithinFloor() + (c.pointsWithinFloor() == c.pointsChecked() ? " (all) " : " ")
                    + "of the compared points passed only by the absolute floor " + floor
                    + " (relatively they differ): lower --floor to compare such small values relatively");
        }
        return r;
    }

    /** --points, --tolerance, --floor: shared by the formula and the model comparisons. */
    private void requireComparisonOptions() {
        if (points < 1 || points > 10_000) {
            throw new InvalidInputException("--points", points, "an integer in [1, 10000]");
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new InvalidInputException("--tolerance", tolerance, "a number in (0, 1)");
        }
        if (!(floor >= 0 && floor < 1)) {
            throw new InvalidInputException("--floor", floor, "a number in [0, 1)");
        }
    }

    private Report againstModel() {
        if (errata || against != null) {
            throw new InvalidInputException(errata ? "--errata" : "--against", "not with --against-model (compare with "
                    + "a formula or with the model, not both)");
        }
        requireComparisonOptions();
        if (along != null && scaling == null) {
            throw new InvalidInputException("--along", "applies only with --scaling (a claim along a path)");
        }
        boolean frontier = "frontier".equals(along) || "exact-frontier".equals(along);
        if (computeFormula != null && !frontier) {
            throw new InvalidInputException("--compute-formula", "applies only with --along frontier or exact-frontier");
        }
        if (frontier) {
            if (expression != null) {
                throw new InvalidInputException("EXPR", "not with --scaling (the claim is the expression)");
            }
            if (as == null) {
                throw new InvalidInputException("--as", "missing (the budget variable of the claim, e.g. --as C)");
            }
            return ModelChecks.frontier(this, along.equals("exact-frontier"));
        }
        Quantity q = Quantity.parse(quantity);
        ModelChecks.Ranges ranges = ModelChecks.ranges(vary, settings, q);
        ModelProbe probe = probe(q, ranges);
        if (scaling != null) {
            if (expression != null) {
                throw new InvalidInputException("EXPR", "not with --scaling (the claim is the expression)");
            }
            if (as == null) {
                throw new InvalidInputException("--as", "missing (the variable of the claim, e.g. --as L)");
            }
            return ModelChecks.scaling(this, probe, ranges);
        }
        if (as != null) {
            throw new InvalidInputException("--as", "applies only with --scaling");
        }
        if (expression == null) {
            throw new InvalidInputException("EXPR", "usage: check EXPR --against-model --quantity Q --vary RANGES, or "
                    + "check --scaling CLAIM --as X --against-model ...");
        }
        if (ranges.intervals().isEmpty()) {
            throw new InvalidInputException("--vary", "missing (at least one range, e.g. --vary alpha=0.1:4)");
        }
        return ModelChecks.compare(this, probe, ranges);
    }

    private ModelProbe probe(Quantity q, ModelChecks.Ranges ranges) {
        Theory theory = Theory.standard();
        if (q == Quantity.SGD_LOSS) {
            Set<String> names = ranges.names();
            if (!names.contains("alpha") && Double.isInfinite(model.alpha())) {
                throw new InvalidInputException("--alpha", "inf", "a finite alpha for sgdLoss (or vary alpha)");
            }
            if (!names.contains("eta") && eta == null) {
                throw new InvalidInputException("--eta", "missing (sgdLoss needs the learning rate: --eta or vary eta)");
            }
            double a = Double.isFinite(model.alpha()) ? model.alpha() : lower(ranges, "alpha");
            double e = eta != null ? Inputs.positive("--eta", eta, false) : lower(ranges, "eta");
            return new ModelProbe(theory, null, new SgdRequest(a, Inputs.positive("--kappa", kappa, false),
                    Inputs.positive("--tau", tau, false), e, model.sigma(), 0, 1,
                    QueryLabels.NOISE_FREE), q, ranges.gammaScale());
        }
        ModelSpec spec = model.toSpec(structured);
        return new ModelProbe(theory, spec, null, q, ranges.gammaScale());
    }

    /** Model options that have no meaning along the frontier (its resources are optimised, sigma = 0, D = inf). */
    private static final List<String> NOT_ALONG_FRONTIER = List.of("--alpha", "--depth", "--sigma", "--width",
            "--width-ratio", "--spectrum", "--continuum", "--kappa", "--tau", "--eta");

    /** The frontier's probe: {@code --nu --beta}, {@code --compute-formula}, with the exact loss {@code --dim}. */
    FrontierProbe frontierProbe(FrontierProbe.Value value, boolean exact, String budget) {
        if (model.setting() != Setting.RRS && given("--setting")) {
            throw new InvalidInputException("--setting", model.setting().cliName(), "rrs along the frontier (Result 8's "
                    + "compute-optimal shape is that of the RRS model)");
        }
        for (String o : NOT_ALONG_FRONTIER) {
            if (given(o)) {
                throw new InvalidInputException(o, "not along the frontier (the frontier optimises t, N, L, P at "
                        + "sigma = 0 on the power law at D = inf; give --nu, --beta, --compute-formula"
                        + (exact ? ", --dim" : "") + ")");
            }
        }
        if (given("--dim") && !exact) {
            throw new InvalidInputException("--dim", "applies along exact-frontier only (D of the exact joint loss at "
                    + "finite N or P; the four-term law is at D = inf)");
        }
        if (structured.nu == null || structured.beta == null) {
            throw new InvalidInputException(structured.nu == null ? "--nu" : "--beta", "missing: the frontier needs the "
                    + "power law --nu --beta");
        }
        ComputeFormula formula = ComputeFormula.parse("--compute-formula", computeFormula == null ? ComputeFormula.DEFAULT
                : computeFormula);
        OptionalInt dim = exact ? OptionalInt.of(frontierDim()) : OptionalInt.empty();
        return new FrontierProbe(Theory.standard(), new Continuum(structured.nu, structured.beta), formula, dim, value,
                budget);
    }

    /** D of the exact frontier: --dim or shape's default. */
    int frontierDim() {
        int d = structured.dim == null ? ShapeCommand.DEFAULT_DIM : structured.dim;
        if (d < ShapeRequest.MIN_EXACT_DIM || d > ShapeRequest.MAX_EXACT_DIM) {
            throw new InvalidInputException("--dim", d, "an integer in [" + ShapeRequest.MIN_EXACT_DIM + ", "
                    + ShapeRequest.MAX_EXACT_DIM + "] along exact-frontier");
        }
        return d;
    }

    private static double lower(ModelChecks.Ranges ranges, String name) {
        for (org.iclscale.check.Interval i : ranges.intervals()) {
            if (i.variable().equals(name)) {
                return i.lower() > 0 ? i.lower() : i.upper();
            }
        }
        return ranges.fixed().get(name);
    }

    /** Whether the option was given on the command line (not only its default). */
    boolean given(String option) {
        return spec.commandLine().getParseResult() != null && spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    boolean toleranceGiven() {
        return given("--tolerance");
    }

    /** Echo keys of the point variables a range or fixed value replaces. */
    private static final Map<String, String> ECHO_KEYS = Map.of("alpha", "alpha", "L", "depth", "sigma", "sigma", "N",
            "width", "D", "dim", "nu", "nu", "beta", "beta", "kappa", "kappa", "tau", "tau", "eta", "eta");

    /** The model options, echoed in the report, without those the points set. */
    Map<String, Object> modelEcho(Set<String> pointVariables) {
        Map<String, Object> m = modelEcho();
        pointVariables.forEach(v -> m.remove(ECHO_KEYS.getOrDefault(v, v)));
        return m;
    }

    private Map<String, Object> modelEcho() {
        Map<String, Object> m = new LinkedHashMap<>(model.echo());
        if (quantity.equals(Quantity.SGD_LOSS.key())) {
            m.remove("setting");
            m.remove("depth");
            m.put("kappa", Inputs.positive("--kappa", kappa, false));
            m.put("tau", Inputs.positive("--tau", tau, false));
            if (eta != null) {
                m.put("eta", Inputs.positive("--eta", eta, false));
            }
        } else if (model.setting() != Setting.ISO) {
            m.putAll(structured.echo(model.toSpec(structured)));
        }
        return m;
    }

    private static double finiteOr(double x) {
        return Double.isFinite(x) ? x : Double.MAX_VALUE;
    }

    private Map<String, Object> counterexample(Counterexample w, Set<String> relevant) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("point", shown(w.point(), relevant));
        out.put("expressionValue", value(w.candidate()));
        out.put("builtinValue", value(w.reference()));
        if (Double.isFinite(w.relativeDifference())) {
            out.put("relativeDifference", w.relativeDifference());
        }
        return out;
    }

    private static Object value(Sample s) {
        return s.isReal() ? (Object) s.value() : "not a real number (" + SymbolicFailures.excerpt(s.failure()) + ")";
    }

    /** The Symja time limit from seconds (exit 2 outside (0, 3600]). */
    static Duration timeLimit(double seconds) {
        if (!(seconds > 0 && seconds <= 3600)) {
            throw new InvalidInputException("--time-limit", seconds, "a number of seconds in (0, 3600]");
        }
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    /** The plain formula named {@code name}, or exit 2 suggesting the nearest name. */
    static Formula formula(FormulaLibrary lib, String name, String option) {
        Formula f = lib.formula(name);
        if (f == null || f.isFunction()) {
            String near = lib.nearestName(name);
            throw new InvalidInputException(option, "'" + SymbolicFailures.excerpt(name) + "' is not a formula of formulas/"
                    + (near == null ? "" : " (did you mean " + near + "?)") + "; formulas: " + String.join(", ", lib.names()));
        }
        return f;
    }

    /** {@code --set VAR=NUMBER} values, each inside the file's domain (exit 2 otherwise). */
    static Map<String, Double> settings(FormulaFile file, List<String> items) {
        Map<String, Double> fixed = Inputs.numberAssignments("--set", items, file.domainVariables(),
                "VAR=NUMBER with VAR one of " + file.domainVariables());
        fixed.forEach((variable, value) -> requireInDomain(file, variable, value, value.toString()));
        return fixed;
    }

    static void requireInDomain(FormulaFile file, String variable, double value, String text) {
        Range range = file.range(variable);
        if (range != null && !range.contains(value)) {
            throw new InvalidInputException("--set", variable + "=" + SymbolicFailures.excerpt(text), variable + " "
                    + range.interval().describe() + ", the domain of " + file.name());
        }
    }

    /**
     * The point restricted to the sampled variables either expression depends on (fixed ones are echoed under
     * {@code set}); all sampled ones if none is known.
     */
    private Map<String, Object> shown(Map<String, Double> point, Set<String> relevant) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> sampled = new LinkedHashMap<>();
        point.forEach((k, v) -> {
            if (!fixedNames.contains(k)) {
                sampled.put(k, v);
                if (relevant.contains(k)) {
                    out.put(k, v);
                }
            }
        });
        return !out.isEmpty() ? out : !sampled.isEmpty() ? sampled : new LinkedHashMap<>(point);
    }

    private Set<String> fixedNames = Set.of();

    private static Report errataReport() {
        Report r = new Report("errata");
        List<Erratum> list = Errata.walk();
        int confirmed = 0;
        for (Erratum e : list) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("where", e.where());
            entry.put("statement", e.statement());
            entry.put("paper", e.paperForm());
            entry.put("corrected", e.correctedForm());
            entry.put("symbolicallyDifferent", e.symbolicallyDifferent());
            entry.put("at", e.point());
            entry.put("paperValue", e.paperValue());
            entry.put("correctedValue", e.correctedValue());
            entry.put("witness", e.witness());
            entry.put("witnessValue", e.witnessValue());
            entry.put("verdict", e.correctionConfirmed() ? "witness agrees with the corrected version" : "inconclusive");
            confirmed += e.correctionConfirmed() ? 1 : 0;
            r.put(e.id(), entry);
        }
        r.put("errataChecked", list.size()).put("correctionsConfirmed", confirmed);
        r.put("notCheckable", Errata.uncheckable());
        r.put("method", "paper vs corrected forms from formulas/errata.m (Symja), each with an independent numeric witness");
        return r;
    }
}
