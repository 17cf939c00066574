package org.iclscale.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.iclscale.check.Comparison.Counterexample;
import org.iclscale.check.Comparison.Verdict;

/**
 * Compares a candidate source with a reference source at seeded random points of a domain (the engine of
 * {@code check}; the sources are any functions of a point, e.g. a user's expression evaluated by Symja and a
 * stored formula, or the numeric model through the theory facade). Every point is evaluated (no early stop) so
 * that the reported counterexample is the worst one. Points are drawn variable by variable in domain order, one
 * uniform number per variable that is not fixed, from {@code new Random(seed)}: the same seed gives the same points.
 */
public final class PointComparison {

    /** A source of values: the value at a point (variable name → number), or a {@link Sample#notReal} reason. */
    @FunctionalInterface
    public interface Source {
        Sample at(Map<String, Double> point);
    }

    private final List<Interval> domain;
    private final Map<String, Double> fixed;
    private final int points;
    private final long seed;
    private final Tolerance tolerance;
    private final UnaryOperator<Map<String, Double>> resolver;

    /**
     * @param domain the variables and their intervals (sampled where not fixed)
     * @param fixed values of some variables (each inside its interval; checked by the caller)
     * @param points number of points, at least 1
     * @param seed seed of the points
     * @param tolerance the equality test
     */
    public PointComparison(List<Interval> domain, Map<String, Double> fixed, int points, long seed, Tolerance tolerance) {
        this(domain, fixed, points, seed, tolerance, UnaryOperator.identity());
    }

    /**
     * As above, with a resolver applied to every drawn point before both sources see it (and before it is reported):
     * a variable drawn relative to the model, e.g. γ as a fraction of the optimal γ of that point, becomes its value.
     */
    public PointComparison(List<Interval> domain, Map<String, Double> fixed, int points, long seed, Tolerance tolerance,
            UnaryOperator<Map<String, Double>> resolver) {
        if (points < 1) {
            throw new IllegalArgumentException("points must be >= 1: " + points);
        }
        this.domain = List.copyOf(domain);
        this.fixed = Map.copyOf(fixed);
        this.points = points;
        this.seed = seed;
        this.tolerance = tolerance;
        this.resolver = resolver;
    }

    /** The points, in order (deterministic in the seed). */
    public List<Map<String, Double>> points() {
        Random random = new Random(seed);
        List<Map<String, Double>> out = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            Map<String, Double> point = new LinkedHashMap<>();
            for (Interval r : domain) {
                Double f = fixed.get(r.variable());
                point.put(r.variable(), f != null ? f : r.at(random.nextDouble()));
            }
            out.add(resolver.apply(point));
        }
        return out;
    }

    /** Evaluates both sources at every point and decides. */
    public Comparison compare(Source candidate, Source reference) {
        int checked = 0;
        int skipped = 0;
        int withinFloor = 0;
        boolean candidateReal = false;
        double maxRelative = 0;
        double maxAbsolute = 0;
        Counterexample worst = null;
        for (Map<String, Double> point : points()) {
            Sample r = reference.at(point);
            if (!r.isReal()) {
                skipped++;
                continue;
            }
            checked++;
            Sample c = candidate.at(point);
            if (!c.isReal()) {
                if (worst == null || worst.relativeDifference() < Double.POSITIVE_INFINITY) {
                    worst = new Counterexample(point, c, r, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
                }
                continue;
            }
            candidateReal = true;
            double d = Math.abs(c.value() - r.value());
            double scale = Math.max(Math.abs(c.value()), Math.abs(r.value()));
            double relative = scale > 0 ? d / scale : 0;
            maxAbsolute = Math.max(maxAbsolute, d);
            boolean floorOnly = tolerance.onlyByFloor(c, r);
            if (floorOnly) {
                withinFloor++;
            } else {
                maxRelative = Math.max(maxRelative, relative);
            }
            if (!(d <= tolerance.allowance(c, r)) && (worst == null || relative > worst.relativeDifference())) {
                worst = new Counterexample(point, c, r, relative, d);
            }
        }
        Verdict verdict = checked == 0 ? Verdict.UNDECIDED : worst == null ? Verdict.EQUAL : Verdict.DIFFERENT;
        return new Comparison(verdict, checked, skipped, withinFloor, candidateReal, maxRelative, maxAbsolute, worst,
                tolerance, seed);
    }
}
