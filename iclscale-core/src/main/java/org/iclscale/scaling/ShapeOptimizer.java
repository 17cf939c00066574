package org.iclscale.scaling;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.iclscale.core.ComputationException;
import org.iclscale.core.InvalidInputException;

/**
 * Compute-optimal shape for a budget C: minimise Σ_x term_x(x) over the resources of the compute formula subject
 * to Π x^{b_x} = C. Over log-resources u_x = ln x, one resource (t if present) is eliminated by the budget and the
 * others are optimised with bounds x ≥ 1 (Hipparchus BOBYQA, or Brent when one free variable remains); then the
 * integer resources N, L, P are rounded by a local search over ±1 neighbours (t re-solved from the budget).
 */
public final class ShapeOptimizer {

    /** Optimal shape: resource values (continuous and integer-rounded), losses, evaluations. */
    public record Shape(Map<Character, Double> continuous, double continuousLoss, Map<Character, Double> rounded,
            double roundedLoss, int evaluations) {
        public Shape {
            continuous = Collections.unmodifiableMap(new LinkedHashMap<>(continuous));
            rounded = Collections.unmodifiableMap(new LinkedHashMap<>(rounded));
        }
    }

    /** The loss model: term of resource x at value v. */
    @FunctionalInterface
    public interface Terms {
        double term(char x, double v);
    }

    private final Terms terms;
    private final ComputeFormula formula;

    public ShapeOptimizer(Terms terms, ComputeFormula formula) {
        this.terms = terms;
        this.formula = formula;
    }

    private char eliminated() {
        return formula.contains('t') ? 't' : formula.powers().keySet().iterator().next();
    }

    private double loss(Map<Character, Double> x) {
        double s = 0;
        for (Map.Entry<Character, Double> e : x.entrySet()) {
            s += terms.term(e.getKey(), e.getValue());
        }
        return s;
    }

    /** Completes {@code free} with the eliminated resource from the budget. */
    private Map<Character, Double> complete(double logC, List<Character> free, double[] u) {
        char el = eliminated();
        double rest = logC;
        Map<Character, Double> x = new LinkedHashMap<>();
        for (int i = 0; i < free.size(); i++) {
            rest -= formula.power(free.get(i)) * u[i];
        }
        x.put(el, Math.exp(rest / formula.power(el)));
        for (int i = 0; i < free.size(); i++) {
            x.put(free.get(i), Math.exp(u[i]));
        }
        return x;
    }

    public Shape optimise(double budget) {
        if (!(budget > 1) || !Double.isFinite(budget)) {
            throw new InvalidInputException("compute", budget, "a finite budget > 1");
        }
        double logC = Math.log(budget);
        char el = eliminated();
        List<Character> free = formula.powers().keySet().stream().filter(c -> c != el).toList();
        int n = free.size();
        double total = formula.powers().values().stream().mapToDouble(Double::doubleValue).sum();
        double[] start = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            start[i] = logC / total;
            hi[i] = logC / formula.power(free.get(i));
        }
        int[] evals = {0};
        double[] best;
        try {
            if (n == 0) {
                best = new double[0];
            } else if (n == 1) {
                BrentOptimizer brent = new BrentOptimizer(1e-12, 1e-14);
                best = new double[] {brent.optimize(new MaxEval(10_000), GoalType.MINIMIZE, new SearchInterval(0, hi[0], start[0]),
                        new UnivariateObjectiveFunction(u -> {
                            evals[0]++;
                            return loss(complete(logC, free, new double[] {u}));
                        })).getPoint()};
            } else {
                BOBYQAOptimizer bobyqa = new BOBYQAOptimizer(2 * n + 1, 0.5, 1e-10);
                best = bobyqa.optimize(new MaxEval(100_000), GoalType.MINIMIZE, new InitialGuess(start),
                        new SimpleBounds(lo, hi), new ObjectiveFunction(u -> {
                            evals[0]++;
                            return loss(complete(logC, free, u));
                        })).getPoint();
            }
        } catch (MathIllegalStateException e) {
            throw new ComputationException(n == 1 ? "Brent (ln resource)" : "BOBYQA (ln resources)",
                    "did not converge within the evaluation limit (tolerance 1e-10): " + e.getMessage(), e);
        }
        Map<Character, Double> cont = complete(logC, free, best);
        double contLoss = loss(cont);
        // integer rounding by local search on N, L, P
        Map<Character, Double> cur = new LinkedHashMap<>();
        for (char c : free) {
            cur.put(c, Math.max(1, (double) Math.round(cont.get(c))));
        }
        Map<Character, Double> curFull = roundedComplete(logC, cur);
        double curLoss = curFull == null ? Double.POSITIVE_INFINITY : loss(curFull);
        boolean improved = true;
        while (improved) {
            improved = false;
            for (char c : free) {
                for (int d : new int[] {-1, 1}) {
                    Map<Character, Double> cand = new LinkedHashMap<>(cur);
                    double v = cand.get(c) + d;
                    if (v < 1) {
                        continue;
                    }
                    cand.put(c, v);
                    Map<Character, Double> full = roundedComplete(logC, cand);
                    if (full == null) {
                        continue;
                    }
                    double l = loss(full);
                    evals[0]++;
                    if (l < curLoss) {
                        cur = cand;
                        curFull = full;
                        curLoss = l;
                        improved = true;
                    }
                }
            }
        }
        if (curFull == null) {
            throw new ComputationException("integer rounding", "no integer shape fits the budget " + budget);
        }
        return new Shape(cont, contLoss, curFull, curLoss, evals[0]);
    }

    private Map<Character, Double> roundedComplete(double logC, Map<Character, Double> ints) {
        List<Character> free = List.copyOf(ints.keySet());
        double[] u = new double[free.size()];
        for (int i = 0; i < u.length; i++) {
            u[i] = Math.log(ints.get(free.get(i)));
        }
        Map<Character, Double> x = complete(logC, free, u);
        x.putAll(ints); // exact integers (exp(ln v) is not)
        char el = eliminated();
        if (el != 't') {
            double v = Math.floor(x.get(el));
            if (v < 1) {
                return null;
            }
            x.put(el, v);
        }
        return x;
    }
}
