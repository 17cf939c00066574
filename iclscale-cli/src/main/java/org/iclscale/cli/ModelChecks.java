package org.iclscale.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iclscale.check.Comparison;
import org.iclscale.check.Comparison.Counterexample;
import org.iclscale.check.Interval;
import org.iclscale.check.PointComparison;
import org.iclscale.check.Sample;
import org.iclscale.check.ScalingCheck;
import org.iclscale.check.Tolerance;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Inputs;
import org.iclscale.core.InvalidInputException;
import org.iclscale.io.Report;
import org.iclscale.model.FrontierProbe;
import org.iclscale.model.ModelProbe;
import org.iclscale.model.ModelProbe.GammaScale;
import org.iclscale.model.Quantity;
import org.iclscale.symbolic.ModelCheck;
import org.iclscale.symbolic.SymbolicException;

/**
 * The two model modes of {@code check}: an expression against the numeric model at seeded points of declared
 * ranges ({@code --against-model --quantity Q --vary ...}) and a claimed power law against the model's local
 * log-log slope ({@code --scaling CLAIM --as X}). Maps the options to a {@link ModelProbe} and the comparison
 * classes of {@code org.iclscale.check}, and their results to the report.
 *
 * <p>{@code --vary} entries: {@code name=lo:hi} (a real range), {@code name=lo..hi} (an integer range),
 * {@code name=value} (fixed); γ also relative to the point's model: {@code gamma=0:opt}, {@code gamma=0.5opt:2opt},
 * {@code gamma=0:edge} (fractions of the optimal γ or of the stability edge).
 */
final class ModelChecks {

    /** Variables that are integers (depth, width, context length, modes; SGD steps). */
    private static final Set<String> INTEGER = Set.of("L", "N", "P", "D");

    private static final Pattern RELATIVE = Pattern.compile("(?:([0-9.eE+-]+)\\s*\\*?\\s*)?(opt|edge)");

    private ModelChecks() {
    }

    /** A parsed {@code --vary}: the sampled intervals, the fixed values, and how γ is given. */
    record Ranges(List<Interval> intervals, Map<String, Double> fixed, GammaScale gammaScale) {
        Set<String> names() {
            Set<String> out = new LinkedHashSet<>();
            intervals.forEach(i -> out.add(i.variable()));
            out.addAll(fixed.keySet());
            return out;
        }
    }

    static Ranges ranges(List<String> vary, List<String> settings, Quantity quantity) {
        List<Interval> intervals = new ArrayList<>();
        Map<String, Double> fixed = new LinkedHashMap<>();
        GammaScale scale = GammaScale.ABSOLUTE;
        List<String> entries = new ArrayList<>();
        for (String v : vary) {
            for (String e : v.split(",")) {
                if (!e.isBlank()) {
                    entries.add(e.trim());
                }
            }
        }
        entries.addAll(settings);
        Set<String> seen = new LinkedHashSet<>();
        for (String e : entries) {
            int eq = e.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("--vary", Inputs.excerpt(e), "NAME=LO:HI, NAME=LO..HI or NAME=VALUE");
            }
            String name = e.substring(0, eq).trim();
            String value = e.substring(eq + 1).trim();
            if (!seen.add(name)) {
                throw new InvalidInputException("--vary", Inputs.excerpt(e), "each variable once (" + name + " repeated)");
            }
            boolean integer = INTEGER.contains(name) || (name.equals("t") && quantity == Quantity.SGD_LOSS);
            String[] bounds = value.contains("..") ? value.split("\\.\\.", -1) : value.split(":", -1);
            if (bounds.length == 1) {
                fixed.put(name, number(e, bounds[0], integer));
                continue;
            }
            if (bounds.length != 2) {
                throw new InvalidInputException("--vary", Inputs.excerpt(e), "NAME=LO:HI, NAME=LO..HI or NAME=VALUE");
            }
            if (value.contains("..") && !integer) {
                throw new InvalidInputException("--vary", Inputs.excerpt(e), "LO:HI for " + name + " (LO..HI is for the "
                        + "integer variables " + INTEGER + (quantity == Quantity.SGD_LOSS ? " and t" : "") + ")");
            }
            double lo;
            double hi;
            Matcher rl = RELATIVE.matcher(bounds[0].trim());
            Matcher rh = RELATIVE.matcher(bounds[1].trim());
            if (name.equals("gamma") && rh.matches()) {
                scale = rh.group(2).equals("opt") ? GammaScale.OPTIMAL : GammaScale.EDGE;
                hi = rh.group(1) == null ? 1 : number(e, rh.group(1), false);
                if (rl.matches() && rl.group(2).equals(rh.group(2))) {
                    lo = rl.group(1) == null ? 1 : number(e, rl.group(1), false);
                } else {
                    lo = number(e, bounds[0], false);
                    if (lo != 0) {
                        throw new InvalidInputException("--vary", Inputs.excerpt(e), "a lower bound 0 or in the same "
                                + "units as the upper (e.g. gamma=0.5opt:2opt)");
                    }
                }
            } else {
                lo = number(e, bounds[0], integer);
                hi = number(e, bounds[1], integer);
            }
            if (!(lo <= hi)) {
                throw new InvalidInputException("--vary", Inputs.excerpt(e), "LO <= HI");
            }
            intervals.add(new Interval(name, lo, false, hi, false, integer));
        }
        return new Ranges(intervals, fixed, scale);
    }

    private static double number(String entry, String text, boolean integer) {
        double v;
        try {
            v = Inputs.parseDouble("--vary", text.trim(), "a number");
        } catch (InvalidInputException x) {
            throw new InvalidInputException("--vary", Inputs.excerpt(entry), "numbers as bounds");
        }
        if (!Double.isFinite(v) || (integer && v != Math.rint(v))) {
            throw new InvalidInputException("--vary", Inputs.excerpt(entry), integer ? "integer bounds" : "finite bounds");
        }
        return v;
    }

    /** {@code check EXPR --against-model ...}. */
    static Report compare(CheckCommand c, ModelProbe probe, Ranges ranges) {
        probe.requireVariables(ranges.names());
        Duration limit = CheckCommand.timeLimit(c.timeLimit);
        PointComparison unresolved = new PointComparison(ranges.intervals(), ranges.fixed(), c.points, c.seed,
                new Tolerance(0.5, 0));
        double accuracy = 0;
        Set<String> methods = new TreeSet<>();
        for (Map<String, Double> p : unresolved.points()) {
            accuracy = Math.max(accuracy, probe.accuracy(p));
            methods.add(probe.method(p));
        }
        double tolerance = c.toleranceGiven() ? c.tolerance : accuracy;
        Tolerance tol = new Tolerance(tolerance, c.floor);
        PointComparison comparison = new PointComparison(ranges.intervals(), ranges.fixed(), c.points, c.seed, tol,
                probe::resolve);
        Set<String> variables = probe.variables();
        ModelCheck.Result result;
        try {
            result = ModelCheck.run(c.expression, variables, comparison, probe, limit);
        } catch (SymbolicException e) {
            throw SymbolicFailures.map(e, "EXPR", c.expression);
        }
        Comparison cmp = result.comparison();
        if (cmp.verdict() == Comparison.Verdict.UNDECIDED) {
            throw new ComputationException("model probe", "the model's " + probe.quantity().key()
                    + " could not be evaluated at any of " + c.points + " points");
        }
        if (!cmp.candidateEverReal()) {
            throw new InvalidInputException("EXPR", "'" + SymbolicFailures.excerpt(c.expression) + "' is not a real number "
                    + "at any of " + cmp.pointsChecked() + " points (" + SymbolicFailures.excerpt(cmp.worst().candidate()
                            .failure()) + ")");
        }
        Report r = new Report("check");
        r.put("expression", c.expression).put("againstModel", probe.quantity().key());
        r.put("quantity", probe.quantity().description());
        r.putAll(c.modelEcho(ranges.names()));
        r.put("vary", describe(ranges));
        r.put("verdict", cmp.verdict().text());
        r.put("pointsChecked", cmp.pointsChecked()).put("pointsSkipped", cmp.pointsSkipped());
        r.put("pointsWithinFloor", cmp.pointsWithinFloor());
        r.put("seed", c.seed).put("tolerance", tolerance).put("absoluteFloor", c.floor);
        r.put("toleranceFrom", c.toleranceGiven() ? "--tolerance" : "the model's accuracy (" + String.join(", ", methods)
                + ")");
        r.put("maxRelativeDifference", finiteOr(cmp.maxRelativeDifference()));
        r.put("maxAbsoluteDifference", finiteOr(cmp.maxAbsoluteDifference()));
        if (cmp.worst() != null) {
            Counterexample w = cmp.worst();
            Map<String, Object> out = new LinkedHashMap<>();
            Set<String> shown = new LinkedHashSet<>(ranges.names());
            shown.addAll(result.relevant());
            Map<String, Object> point = new LinkedHashMap<>();
            w.point().forEach((k, v) -> {
                if (shown.contains(k)) {
                    point.put(k, v);
                }
            });
            out.put("point", point);
            out.put("expressionValue", value(w.candidate()));
            out.put("modelValue", value(w.reference()));
            if (w.reference().standardError() > 0) {
                out.put("modelStandardError", w.reference().standardError());
            }
            if (Double.isFinite(w.relativeDifference())) {
                out.put("relativeDifference", w.relativeDifference());
            }
            r.put("counterexample", out);
        }
        r.put("method", "the model through the Theory facade (" + String.join(", ", methods) + ") at " + cmp.pointsChecked()
                + " seeded random points of the --vary ranges, against the expression evaluated by Symja; equal when "
                + "|e - m| <= max(tol*max(|e|,|m|), floor) + 3 SE (Monte Carlo)");
        return r;
    }

    /**
     * {@code check --scaling CLAIM --as X --against-model ...}, and with {@code --along VAR=EXPR,...} the claim along
     * a path: model variables tied to X ({@link ModelPath}), set at every point of X's geometric sequence.
     */
    static Report scaling(CheckCommand c, ModelProbe probe, Ranges ranges) {
        String x = c.as;
        Interval range = rangeOf(x, ranges);
        if (ranges.gammaScale() != GammaScale.ABSOLUTE) {
            throw new InvalidInputException("--vary", "gamma", "an absolute gamma for --scaling");
        }
        requireScalingOptions(c);
        Duration limit = CheckCommand.timeLimit(c.timeLimit);
        ModelPath path = c.along == null ? null : ModelPath.parse(c.along, x, probe, ranges, limit);
        Set<String> given = new LinkedHashSet<>(ranges.names());
        if (path != null) {
            given.remove(x);
            if (probe.variables().contains(x)) {
                given.add(x);
            }
            given.addAll(path.variables());
        }
        probe.requireVariables(given);
        Set<String> variables = new LinkedHashSet<>(probe.variables());
        variables.add(x);
        UnaryOperator<Map<String, Double>> at = path == null ? p -> p : path::point;
        PointComparison.Source model = p -> probe.at(at.apply(p));
        UnaryOperator<Map<String, Double>> resolve = p -> probe.resolve(at.apply(p));
        Map<String, Double> last = new LinkedHashMap<>(ranges.fixed());
        last.put(x, range.upper());
        Map<String, Object> echo = c.modelEcho(given);
        return claimReport(c, range, ranges.fixed(), variables, model, resolve, probe.quantity().key(),
                path == null ? null : path.describe(), probe.quantity().description(), echo, describe(ranges),
                probe.method(at.apply(last)));
    }

    /**
     * {@code check --scaling CLAIM --as C --along frontier|exact-frontier --against-model --nu --beta ...}: the claim
     * in the budget C against the compute-optimal frontier ({@link FrontierProbe}): at each C of the geometric
     * sequence the loss is minimised over the other resources, and the optimal loss or one allocation is fitted.
     */
    static Report frontier(CheckCommand c, boolean exact) {
        String x = c.as;
        FrontierProbe.Value value = FrontierProbe.Value.parse(c.quantity);
        Ranges ranges = ranges(c.vary, c.settings, Quantity.LOSS);
        Interval range = rangeOf(x, ranges);
        if (!ranges.fixed().isEmpty()) {
            String name = ranges.fixed().keySet().iterator().next();
            throw new InvalidInputException("--vary", name, "only the range of the budget " + x + " along the frontier "
                    + "(nu and beta come from --nu and --beta; the other resources are optimised)");
        }
        if (!x.matches("[A-Za-z][A-Za-z0-9]*") || FRONTIER_RESERVED.contains(x)) {
            throw new InvalidInputException("--as", x, "a name for the budget that is not " + FRONTIER_RESERVED
                    + " (e.g. --as C)");
        }
        if (!(range.lower() > 1)) {
            throw new InvalidInputException("--vary", range.toString(), "budgets " + x + " > 1 along the frontier (e.g. "
                    + x + "=1e8:1e14)");
        }
        requireScalingOptions(c);
        FrontierProbe probe = c.frontierProbe(value, exact, x);
        Set<String> variables = new LinkedHashSet<>(List.of(x, "nu", "beta"));
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("setting", "rrs");
        echo.put("nu", probe.spectrum().nu());
        echo.put("beta", probe.spectrum().beta());
        echo.put("computeFormula", probe.formula().text());
        if (exact && (probe.formula().contains('N') || probe.formula().contains('P'))) {
            echo.put("dim", c.frontierDim()); // finite N or P: the exact loss at D = --dim (else D = inf)
        }
        String description = value == FrontierProbe.Value.LOSS ? "the compute-optimal loss L*(" + x + ")"
                : "the compute-optimal " + value.key() + " " + value.resource() + "*(" + x + ")";
        Report r = claimReport(c, range, Map.of(), variables, probe, probe::resolve, value.key(),
                exact ? "exact-frontier" : "frontier", description, echo, describe(ranges), probe.method());
        if (exact && value != FrontierProbe.Value.LOSS && value != FrontierProbe.Value.TIME) {
            r.note("the exact frontier's " + value.key() + " is an integer: its local slopes are step-like (compare the "
                    + "loss, or widen the range)");
        }
        return r;
    }

    /** Names a frontier's budget may not take (the resources and the spectrum's exponents). */
    private static final Set<String> FRONTIER_RESERVED = Set.of("t", "N", "L", "P", "nu", "beta", "D", "c");

    /** The range of X in --vary; every other entry fixed. */
    private static Interval rangeOf(String x, Ranges ranges) {
        Interval range = null;
        for (Interval i : ranges.intervals()) {
            if (i.variable().equals(x)) {
                range = i;
            } else {
                throw new InvalidInputException("--vary", i.toString(), "fixed values (NAME=VALUE) besides the range of "
                        + x + " (the claim is checked along " + x + " alone)");
            }
        }
        if (range == null) {
            throw new InvalidInputException("--as", x, "a variable with a range in --vary (e.g. --vary " + x + "=8..512)");
        }
        return range;
    }

    private static void requireScalingOptions(CheckCommand c) {
        if (!(c.slopeTolerance > 0 && c.slopeTolerance < 1)) {
            throw new InvalidInputException("--slope-tolerance", c.slopeTolerance, "a number in (0, 1)");
        }
        if (c.points < ScalingCheck.MIN_POINTS || c.points > 64) {
            throw new InvalidInputException("--points", c.points, "an integer in [" + ScalingCheck.MIN_POINTS
                    + ", 64] for --scaling");
        }
    }

    /**
     * The claim against {@code model} on the geometric sequence of X ({@link ScalingCheck}), and its report.
     *
     * @param along the path ({@code --along}), null without one
     * @param variables the claim's variables (the prefactor symbol is added)
     * @param resolve the point as the claim sees it
     */
    private static Report claimReport(CheckCommand c, Interval range, Map<String, Double> fixed, Set<String> variables,
            PointComparison.Source model, UnaryOperator<Map<String, Double>> resolve, String against, String along,
            String description, Map<String, Object> echo, String vary, String modelMethod) {
        String x = range.variable();
        Duration limit = CheckCommand.timeLimit(c.timeLimit);
        Set<String> claimVariables = new LinkedHashSet<>(variables);
        claimVariables.add(c.prefactor);
        Set<String> free;
        PointComparison.Source claim;
        try {
            free = ModelCheck.freeVariables(c.scaling, claimVariables, limit);
            claim = ModelCheck.source(c.scaling, claimVariables, limit);
        } catch (SymbolicException e) {
            throw SymbolicFailures.map(e, "--scaling", c.scaling);
        }
        if (!free.contains(x)) {
            throw new InvalidInputException("--scaling", SymbolicFailures.excerpt(c.scaling), "a claim in " + x
                    + " (it does not contain " + x + ")");
        }
        boolean prefactor = free.contains(c.prefactor);
        double[] xs = ScalingCheck.sequence(x, range.lower(), range.upper(), c.points, range.integer());
        PointComparison.Source claimAt = p -> {
            Map<String, Double> q = new LinkedHashMap<>(resolve.apply(p));
            q.put(c.prefactor, 1.0);
            try {
                return claim.at(q);
            } catch (SymbolicException e) {
                throw SymbolicFailures.map(e, "--scaling", c.scaling);
            }
        };
        ScalingCheck.Result res = ScalingCheck.run(x, xs, fixed, model, claimAt, prefactor, c.slopeTolerance);
        Report r = new Report("check");
        r.put("claim", c.scaling).put("as", x).put("againstModel", against);
        if (along != null) {
            r.put("along", along);
        }
        r.put("quantity", description);
        r.putAll(echo);
        r.put("vary", vary);
        r.put("verdict", res.verdict());
        r.put("measuredExponent", res.measured()).put("claimedExponent", res.claimed());
        r.put("difference", res.measured() - res.claimed()).put("drift", res.drift());
        r.put("allowance", res.allowance()).put("slopeTolerance", c.slopeTolerance);
        if (prefactor) {
            r.put("prefactor", res.prefactor()).put("prefactorSymbol", c.prefactor);
        }
        Map<String, Object> windows = new LinkedHashMap<>();
        for (ScalingCheck.Window w : res.windows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", w.from());
            m.put("to", w.to());
            m.put("modelExponent", w.modelExponent());
            m.put("claimExponent", w.claimExponent());
            windows.put(Integer.toString(windows.size() + 1), m);
        }
        r.put("windows", windows);
        r.put("method", "local exponent -dln Q/dln " + x + " fitted by least squares over windows of three consecutive "
                + "points of a geometric sequence (the fit of exponents --verify), model (" + modelMethod
                + ") and claim alike; agrees when |measured - claimed| <= slopeTolerance*max(|claimed|, 0.01) + |drift|");
        return r;
    }

    private static String describe(Ranges ranges) {
        List<String> out = new ArrayList<>();
        for (Interval i : ranges.intervals()) {
            String u = i.variable().equals("gamma") && ranges.gammaScale() != GammaScale.ABSOLUTE
                    ? (ranges.gammaScale() == GammaScale.OPTIMAL ? " x optimal gamma" : " x stability edge") : "";
            out.add(i + u);
        }
        ranges.fixed().forEach((k, v) -> out.add(k + " = " + Inputs.excerpt(org.iclscale.core.Numbers.compact(v))));
        return String.join("; ", out);
    }

    private static double finiteOr(double x) {
        return Double.isFinite(x) ? x : Double.MAX_VALUE;
    }

    private static Object value(Sample s) {
        return s.isReal() ? (Object) s.value() : "not a real number (" + SymbolicFailures.excerpt(s.failure()) + ")";
    }
}
