package org.iclscale.scaling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Depth;
import org.iclscale.core.Extent;
import org.iclscale.core.InvalidInputException;

/**
 * Compute-optimal integer shape on the exact joint loss ({@link ExactJointLoss}) for a budget C = Π x^{b_x}.
 * Each exact evaluation is a gradient-flow solve on a memoised landscape (0.01-0.5 s), so the integer resources
 * N, L, P are searched directly on the lattice, and t (the only continuous resource) is fixed by the budget:
 * t = (C / Π_{x≠t} x^{b_x})^{1/b_t}. Without t in the formula the first resource is eliminated instead
 * (rounded down, the loss then uses the optimal γ, t = ∞).
 *
 * <p>Search: a discrete compass search in ln x started from the rounded four-term optimum — moves x → x·f
 * and x → x/f (rounded, at least ±1) for f = 2, 1.25, 1.1, accepted when the exact loss drops, each f until no
 * move improves — then ±1 moves until the shape is a local minimum on the integer lattice (every ±1 neighbour
 * with t re-solved from the budget has a loss ≥ the optimum's). Bounds: x ≥ 1, N ≤ D (N = D is full width). Shapes where the
 * exact method does not apply (the contour's growth limit at large γ·L) are skipped and counted.
 */
public final class ExactShapeOptimizer {

    /** Largest number of distinct exact evaluations per optimisation. */
    public static final int MAX_EVALUATIONS = 400;
    private static final double[] FACTORS = {2, 1.25, 1.1};
    /** Largest start value of an integer resource (a +1 move stays an int; a larger move that leaves it is skipped). */
    private static final int LARGEST_START = Integer.MAX_VALUE - 1;

    /**
     * @param shape the optimal resources (t, N, L, P as present in the formula)
     * @param loss the exact loss there
     * @param evaluations exact evaluations made (memoised ones not counted twice)
     * @param skipped candidate shapes where the exact method failed or that violate the bounds
     * @param atBound resources sitting at a bound (1, or D for N: full width)
     */
    public record Result(Map<Character, Double> shape, double loss, int evaluations, int skipped, List<String> atBound) {
        public Result {
            shape = Collections.unmodifiableMap(new LinkedHashMap<>(shape));
            atBound = List.copyOf(atBound);
        }
    }

    private final ExactJointLoss exact;
    private final ComputeFormula formula;
    private final char eliminated;
    private final List<Character> free;

    public ExactShapeOptimizer(ExactJointLoss exact, ComputeFormula formula) {
        this.exact = exact;
        this.formula = formula;
        this.eliminated = formula.contains('t') ? 't' : formula.powers().keySet().iterator().next();
        this.free = formula.powers().keySet().stream().filter(c -> c != eliminated).toList();
        if (!formula.contains('t') && !formula.contains('L')) {
            throw new InvalidInputException("computeFormula", formula.text(),
                    "a formula containing t or L for the exact optimisation (t = L = inf has no finite optimal gamma)");
        }
    }

    /** How the exact loss is evaluated for this formula (the regime of its finite resources). */
    public String method() {
        // a finite resource stands for its regime (N < D, finite P); an absent one is infinite
        Extent width = formula.contains('N') ? Extent.of(1) : Extent.INFINITE;
        Extent context = formula.contains('P') ? Extent.of(1) : Extent.INFINITE;
        String flow = !formula.contains('t') ? "optimal gamma (t = inf)"
                : "gradient flow dgamma/dt = -1/2 dLoss/dgamma from gamma = 0 to t (" + (formula.contains('L')
                        ? "t(gamma) = int dgamma/(-1/2 dLoss/dgamma) by Gauss-Legendre, inverted by Newton; Dormand-Prince "
                                + "where no minimiser is bracketed"
                        : "Dormand-Prince") + ")";
        return "exact joint loss: " + exact.method(width, context)
                + (formula.contains('N') ? " (N = D: exact mode sum / full-width contour)" : "") + ", " + flow;
    }

    /** D of the exact loss at finite N or P (N ≤ D). */
    public int dim() {
        return exact.dim();
    }

    /** The free (integer) resources searched. */
    public List<Character> free() {
        return free;
    }

    /** The full shape for the integer values of the free resources (null when infeasible). */
    public Map<Character, Double> complete(double budget, Map<Character, Integer> ints) {
        double rest = Math.log(budget);
        for (char c : free) {
            rest -= formula.power(c) * Math.log(ints.get(c));
        }
        double v = Math.exp(rest / formula.power(eliminated));
        if (eliminated != 't') {
            v = Math.floor(v * (1 + 1e-12));
            if (v < 1 || (eliminated == 'N' && v > exact.dim())) {
                return null;
            }
        } else if (!(v > 0) || !Double.isFinite(v)) {
            return null;
        }
        Map<Character, Double> x = new LinkedHashMap<>();
        for (char c : formula.powers().keySet()) {
            x.put(c, c == eliminated ? v : (double) ints.get(c));
        }
        return x;
    }

    /** Exact loss at a full shape (absent resources infinite; no t: optimal γ). */
    public double loss(Map<Character, Double> x) {
        double t = x.containsKey('t') ? x.get('t') : Double.POSITIVE_INFINITY;
        Depth depth = x.containsKey('L') ? Depth.of((int) Math.round(x.get('L'))) : Depth.INFINITE;
        return exact.loss(t, extentOf(x, 'N'), depth, extentOf(x, 'P'));
    }

    /** The integer resource {@code c} of the shape, or ∞ when the formula does not contain it. */
    private static Extent extentOf(Map<Character, Double> x, char c) {
        return x.containsKey(c) ? Extent.of(Math.round(x.get(c))) : Extent.INFINITE;
    }

    private final class Search {
        final double budget;
        int skipped;
        final Map<Map<Character, Integer>, Double> seen = new LinkedHashMap<>();

        Search(double budget) {
            this.budget = budget;
        }

        double value(Map<Character, Integer> ints) {
            Double v = seen.get(ints);
            if (v != null) {
                return v;
            }
            if (seen.size() >= MAX_EVALUATIONS) {
                throw new ComputationException("exact shape search (integer compass search)",
                        "no local minimum within " + MAX_EVALUATIONS + " exact evaluations at C = " + budget);
            }
            double l = Double.POSITIVE_INFINITY;
            boolean ok = true;
            for (char c : free) {
                int n = ints.get(c);
                ok &= n >= 1 && (c != 'N' || n <= exact.dim());
            }
            Map<Character, Double> full = ok ? complete(budget, ints) : null;
            if (full == null) {
                skipped++;
            } else {
                try {
                    l = loss(full);
                } catch (ComputationException e) {
                    skipped++;
                }
            }
            seen.put(Map.copyOf(ints), l);
            return l;
        }
    }

    /**
     * Minimises the exact loss at budget C from {@code start} (e.g. the rounded four-term optimum; values of the
     * free resources are used, clamped to the bounds).
     */
    public Result optimise(double budget, Map<Character, Double> start) {
        if (!(budget > 1) || !Double.isFinite(budget)) {
            throw new InvalidInputException("compute", budget, "a finite budget > 1");
        }
        Search s = new Search(budget);
        Map<Character, Integer> cur = new LinkedHashMap<>();
        for (char c : free) {
            long v = Math.round(start.getOrDefault(c, 1.0));
            v = Math.max(1, Math.min(v, c == 'N' ? exact.dim() : LARGEST_START));
            cur.put(c, (int) v);
        }
        double best = s.value(cur);
        for (double f : FACTORS) {
            boolean improved = true;
            while (improved) {
                improved = false;
                for (char c : free) {
                    for (int dir : new int[] {1, -1}) {
                        int x = cur.get(c);
                        int y = dir > 0 ? (int) Math.max(x + 1L, Math.round(x * f)) : (int) Math.min(x - 1L, Math.round(x / f));
                        if (y < 1) {
                            continue;
                        }
                        Map<Character, Integer> cand = new LinkedHashMap<>(cur);
                        cand.put(c, y);
                        double l = s.value(cand);
                        if (l < best) {
                            best = l;
                            cur = cand;
                            improved = true;
                        }
                    }
                }
            }
        }
        // ±1 polish: local minimum on the integer lattice
        boolean improved = true;
        while (improved) {
            improved = false;
            for (char c : free) {
                for (int d : new int[] {-1, 1}) {
                    Map<Character, Integer> cand = new LinkedHashMap<>(cur);
                    cand.put(c, cur.get(c) + d);
                    double l = s.value(cand);
                    if (l < best) {
                        best = l;
                        cur = cand;
                        improved = true;
                    }
                }
            }
        }
        if (!Double.isFinite(best)) {
            throw new ComputationException("exact shape search (integer compass search)",
                    "no shape near the start where the exact method applies at C = " + budget + " (" + s.skipped
                            + " candidates skipped)");
        }
        List<String> atBound = new ArrayList<>();
        for (char c : free) {
            int v = cur.get(c);
            if (v == 1 || (c == 'N' && v == exact.dim())) {
                atBound.add(String.valueOf(c));
            }
        }
        return new Result(complete(budget, cur), best, s.seen.size(), s.skipped, atBound);
    }
}
