package org.iclscale.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.iclscale.scaling.ComputeFormula;
import org.iclscale.scaling.ComputeOptimal;
import org.iclscale.scaling.ExactJointLoss;
import org.iclscale.scaling.ExactShapeOptimizer;
import org.iclscale.scaling.ExactTerms;
import org.iclscale.scaling.ExponentTable;
import org.iclscale.scaling.FourTermLaw;
import org.iclscale.scaling.ShapeOptimizer;
import org.iclscale.scaling.Slopes;
import org.iclscale.sweep.IndexRange;

/**
 * The compute-optimal shape and frontier behind {@link Theory#shape(ShapeRequest)} and
 * {@link Theory#shape(FrontierRequest)}: the four-term law of Result 8 with tail-sum prefactors
 * ({@link FourTermLaw}) minimised by {@link ShapeOptimizer}, and, when asked, the exact joint loss
 * ({@link ExactJointLoss}, whose landscapes and solvers come from {@link Landscapes}) minimised over integer
 * shapes by {@link ExactShapeOptimizer} from the rounded four-term optimum.
 */
final class Shapes {

    private Shapes() {
    }

    /** The four-term optimum at one budget; with the exact loss, its exact terms and the exact integer optimum. */
    static ShapeResult shape(ShapeRequest request) {
        Continuum law = request.spectrum();
        ComputeFormula formula = request.formula();
        ShapeOptimizer four = new ShapeOptimizer(new FourTermLaw(law.nu(), law.beta())::term, formula);
        ExactShapeOptimizer exactOptimizer = exactOptimizer(law, formula, request.exactDim());
        ShapeOptimizer.Shape s = four.optimise(request.budget());
        Optional<ExactTerms> terms = Optional.empty();
        Optional<ShapeResult.ExactShape> exact = Optional.empty();
        List<String> notes = new ArrayList<>();
        if (exactOptimizer != null) {
            terms = Optional.of(ExactTerms.at(law.nu(), law.beta(), s.rounded()));
            exact = Optional.of(exactShape(exactOptimizer, request.budget(), s.rounded()));
            if (formula.contains('N') || formula.contains('P')) {
                notes.add("exact: the exact joint loss at finite N or P is that of the finite-D model (D = --dim); at N << D "
                        + "its learning is slowed by the Haar rank-N read-in (loss ~ F_N(gamma/D)), which the four-term law "
                        + "ignores, so the exact optimum moves N towards D");
            }
        }
        notes.add("exactTerms: exact single-bottleneck losses at the four-term shape (joint (t, L) flow at D = inf + width "
                + "and context floors), their sum is Result 8's additive composition");
        String method = "four-term law (Result 8) with tail-sum prefactors (FourTermLaw), BOBYQA over log-resources "
                + "with t from the budget, integer local search on N, L, P" + (exactOptimizer != null ? "; exact: see exact.method" : "");
        return new ShapeResult(request, s, terms, exact, method, notes);
    }

    /** The exact optimisation at one budget, with the exact loss at the four-term shape for comparison. */
    private static ShapeResult.ExactShape exactShape(ExactShapeOptimizer eo, double budget, Map<Character, Double> fourTerm) {
        ExactShapeOptimizer.Result e = eo.optimise(budget, fourTerm);
        OptionalDouble fourTermLoss = OptionalDouble.empty();
        Optional<String> notEvaluated = Optional.empty();
        // the four-term shape may exceed the exact model's width bound N <= D
        if (fourTerm.getOrDefault('N', 0.0) > eo.dim()) {
            notEvaluated = Optional.of("not evaluated: four-term width N = " + Math.round(fourTerm.get('N')) + " > D = "
                    + eo.dim());
        } else {
            fourTermLoss = OptionalDouble.of(eo.loss(fourTerm));
        }
        String method = eo.method() + "; integer compass search in ln N, ln L, ln P (factors 2, 1.25, 1.1, then +-1) "
                + "from the rounded four-term optimum, t from the budget; the result is a local minimum on the integer "
                + "lattice (every +-1 neighbour has a loss >= this one)";
        return new ShapeResult.ExactShape(eo.dim(), e, fourTermLoss, notEvaluated, method);
    }

    /**
     * The frontier: the continuous four-term optimum at each budget and its least-squares slopes over the fit window;
     * with the exact loss the integer exact optimum at each budget (started from the rounded four-term optimum there),
     * its slopes over the window and over the last two budgets.
     */
    static FrontierResult frontier(FrontierRequest request) {
        FrontierRows rows = rows(request, new IndexRange(0, request.budgets()));
        double[] c = rows.compute();
        int k = c.length;
        Optional<FrontierResult.ExactSlopes> exact = rows.exact().map(e -> {
            double[] exLoss = e.loss();
            Map<Character, double[]> last = new LinkedHashMap<>();
            e.resources().forEach((x, v) -> last.put(x, new double[] {v[k - 2], v[k - 1]}));
            Slopes lastSlopes = Slopes.fit(new double[] {c[k - 2], c[k - 1]}, new double[] {exLoss[k - 2], exLoss[k - 1]},
                    last);
            return new FrontierResult.ExactSlopes(Slopes.fit(c, exLoss, e.resources()), lastSlopes);
        });
        String note = "finite budgets: the prefactors of each term make the local slopes approach the exponents only as C grows"
                + (exact.isEmpty() ? "" : "; exactFittedSlopes fit the integer exact optima over fitWindow, "
                        + "exactLastSlopes the last two budgets (integer rounding makes resource slopes step-like); "
                        + "exactAtBound lists per budget the resources at a bound (N = D: its slope is not an exponent)");
        return new FrontierResult(rows, Slopes.fit(c, rows.loss(), rows.resources()), exact, List.of(note));
    }

    /**
     * The frontier's budgets C_i, i in {@code block}: the continuous four-term optimum and, with the exact loss, the
     * integer exact optimum at each (each budget is optimised on its own, so a block's rows are those of the whole).
     */
    static FrontierRows rows(FrontierRequest request, IndexRange block) {
        if (block.to() > request.budgets()) {
            throw new IllegalArgumentException("block " + block + " of " + request.budgets() + " budgets");
        }
        Continuum law = request.spectrum();
        ComputeFormula formula = request.formula();
        ShapeOptimizer four = new ShapeOptimizer(new FourTermLaw(law.nu(), law.beta())::term, formula);
        ComputeOptimal exponents = ComputeOptimal.of(new ExponentTable(law.nu(), law.beta()), formula);
        ExactShapeOptimizer exactOptimizer = exactOptimizer(law, formula, request.exactDim());
        double[] all = request.compute();
        int k = (int) block.size();
        double[] c = new double[k];
        double[] loss = new double[k];
        Map<Character, double[]> cols = new LinkedHashMap<>();
        for (char x : new char[] {'t', 'N', 'L', 'P'}) {
            if (exponents.resources().get(x) > 0) {
                cols.put(x, new double[k]);
            }
        }
        double[] exLoss = new double[k];
        List<List<String>> exBound = new ArrayList<>();
        Map<Character, double[]> exCols = new LinkedHashMap<>();
        cols.keySet().forEach(x -> exCols.put(x, new double[k]));
        for (int i = 0; i < k; i++) {
            c[i] = all[(int) block.from() + i];
            ShapeOptimizer.Shape s = four.optimise(c[i]);
            loss[i] = s.continuousLoss();
            for (Map.Entry<Character, double[]> e : cols.entrySet()) {
                e.getValue()[i] = s.continuous().get(e.getKey());
            }
            if (exactOptimizer != null) {
                ExactShapeOptimizer.Result e = exactOptimizer.optimise(c[i], s.rounded());
                exLoss[i] = e.loss();
                exBound.add(e.atBound());
                for (Map.Entry<Character, double[]> col : exCols.entrySet()) {
                    col.getValue()[i] = e.shape().get(col.getKey());
                }
            }
        }
        Optional<FrontierRows.ExactRows> exact = exactOptimizer == null ? Optional.empty()
                : Optional.of(new FrontierRows.ExactRows(exactOptimizer.dim(), exLoss, exCols, exBound,
                        exactOptimizer.method() + "; integer compass search from the rounded four-term optimum at each "
                                + "budget, t from the budget"));
        String method = "continuous optimum of the four-term law at each budget (BOBYQA); slopes = least squares of "
                + "ln resource (and -ln loss) vs ln C over fitWindow; computeOptimal = Lagrange exponents";
        List<String> notes = block.size() == request.budgets() ? List.of()
                : List.of("budgets " + block.from() + " to " + (block.to() - 1) + " of " + request.budgets()
                        + ": the fitted slopes need every budget and are left out");
        return new FrontierRows(request, block, c, loss, cols, exponents, exact, method, notes);
    }

    /** The exact optimiser at D = {@code dim} (null without the exact loss); refuses formulas it cannot optimise. */
    private static ExactShapeOptimizer exactOptimizer(Continuum law, ComputeFormula formula, OptionalInt dim) {
        return dim.isEmpty() ? null
                : new ExactShapeOptimizer(new ExactJointLoss(law.nu(), law.beta(), dim.getAsInt()), formula);
    }
}
