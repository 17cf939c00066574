package org.iclscale.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The exact optimum is a minimiser: below the four-term shape and every +-1 integer neighbour. */
class ExactShapeOptimizerTest {

    private static ShapeOptimizer.Shape fourTerm(double nu, double beta, ComputeFormula f, double c) {
        return new ShapeOptimizer(new FourTermLaw(nu, beta)::term, f).optimise(c);
    }

    /** Every +-1 neighbour of the free resources, re-evaluated on a fresh ExactJointLoss (no shared memo). */
    private static void assertLocalMinimum(ExactShapeOptimizer.Result r, ExactShapeOptimizer fresh, double c) {
        Map<Character, Integer> ints = new LinkedHashMap<>();
        for (char x : fresh.free()) {
            ints.put(x, (int) Math.round(r.shape().get(x)));
        }
        assertEquals(r.loss(), fresh.loss(r.shape()), 1e-12 * r.loss(), "re-evaluated optimum");
        int checked = 0;
        for (char x : fresh.free()) {
            for (int d : new int[] {-1, 1}) {
                Map<Character, Integer> n = new LinkedHashMap<>(ints);
                n.put(x, ints.get(x) + d);
                if (n.get(x) < 1) {
                    continue;
                }
                Map<Character, Double> full = fresh.complete(c, n);
                if (full == null) {
                    continue;
                }
                double l;
                try {
                    l = fresh.loss(full);
                } catch (RuntimeException e) {
                    continue; // outside the exact method's range (N > D): not a candidate
                }
                checked++;
                assertTrue(r.loss() <= l, "neighbour " + full + " has loss " + l + " < " + r.loss());
            }
        }
        assertTrue(checked >= 1);
    }

    /** C = L t (D = inf): the compass search finds the global integer optimum (brute force over L = 1..24). */
    @Test
    void depthTimeOptimumIsGlobal() {
        ComputeFormula f = ComputeFormula.parse("--compute-formula", "L*t");
        double c = 1e4;
        ExactShapeOptimizer opt = new ExactShapeOptimizer(new ExactJointLoss(1.5, 0.8, 64), f);
        ShapeOptimizer.Shape s = fourTerm(1.5, 0.8, f, c);
        ExactShapeOptimizer.Result r = opt.optimise(c, s.rounded());
        assertTrue(r.loss() <= opt.loss(s.rounded()), "exact optimum below the exact loss at the four-term shape");
        assertEquals(c, r.shape().get('t') * r.shape().get('L'), 1e-9 * c);
        ExactShapeOptimizer fresh = new ExactShapeOptimizer(new ExactJointLoss(1.5, 0.8, 64), f);
        double best = Double.POSITIVE_INFINITY;
        int bestL = 0;
        for (int l = 1; l <= 24; l++) {
            double v = fresh.loss(fresh.complete(c, Map.of('L', l)));
            if (v < best) {
                best = v;
                bestL = l;
            }
        }
        assertEquals(bestL, (int) Math.round(r.shape().get('L')));
        assertEquals(best, r.loss(), 1e-12);
        assertLocalMinimum(r, fresh, c);
    }

    /** C = t N^2 L at D = 64 (one-point density / exact sum at N = D): below the four-term shape, local minimum. */
    @Test
    void widthDepthTimeOptimum() {
        ComputeFormula f = ComputeFormula.parse("--compute-formula", "t*N^2*L");
        double c = 1e6;
        ExactShapeOptimizer opt = new ExactShapeOptimizer(new ExactJointLoss(1.5, 0.8, 64), f);
        ShapeOptimizer.Shape s = fourTerm(1.5, 0.8, f, c);
        ExactShapeOptimizer.Result r = opt.optimise(c, s.rounded());
        assertTrue(r.loss() < opt.loss(s.rounded()));
        assertEquals(c, f.compute(r.shape()), 1e-9 * c);
        assertLocalMinimum(r, new ExactShapeOptimizer(new ExactJointLoss(1.5, 0.8, 64), f), c);
    }

    /** Formula without t: the eliminated resource is an integer rounded down, the loss uses the optimal gamma. */
    @Test
    void noTimeUsesOptimalGamma() {
        ComputeFormula f = ComputeFormula.parse("--compute-formula", "L*N");
        ExactShapeOptimizer opt = new ExactShapeOptimizer(new ExactJointLoss(1.5, 0.8, 64), f);
        double c = 200;
        ExactShapeOptimizer.Result r = opt.optimise(c, Map.of('N', 20.0));
        double l = r.shape().get('L');
        assertEquals(Math.floor(l), l);
        assertTrue(l * r.shape().get('N') <= c);
        assertLocalMinimum(r, new ExactShapeOptimizer(new ExactJointLoss(1.5, 0.8, 64), f), c);
    }

    /**
     * C = L t frontier on the exact (t, L) loss at D = inf: the loss slope approaches beta/(3 + beta) (notes 5.3 (d);
     * 0.2105 at beta = 0.8) and L ~ C^{1/(3+beta)}, t ~ C^{(2+beta)/(3+beta)}.
     */
    @Test
    @Tag("slow")
    void depthTimeFrontierSlopes() {
        ComputeFormula f = ComputeFormula.parse("--compute-formula", "L*t");
        ExactShapeOptimizer opt = new ExactShapeOptimizer(new ExactJointLoss(1.5, 0.8, 64), f);
        double[] c = {1e5, 1e6, 1e7, 1e8, 1e9};
        double[] loss = new double[c.length];
        double[] invL = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            ExactShapeOptimizer.Result r = opt.optimise(c[i], fourTerm(1.5, 0.8, f, c[i]).rounded());
            loss[i] = r.loss();
            invL[i] = 1 / r.shape().get('L');
        }
        double target = 0.8 / 3.8;
        double early = ExactLosses.fittedSlope(new double[] {c[0], c[1]}, new double[] {loss[0], loss[1]});
        double late = ExactLosses.fittedSlope(new double[] {c[3], c[4]}, new double[] {loss[3], loss[4]});
        assertEquals(target, late, 3e-3);
        assertTrue(Math.abs(late - target) <= Math.abs(early - target) + 1e-4, early + " -> " + late);
        assertEquals(1 / 3.8, ExactLosses.fittedSlope(c, invL), 0.03);
    }

    /** Result 8's C = t P^2 N^2 L at D = 48 (two-point contour): below the four-term shape, local minimum. */
    @Test
    @Tag("slow")
    void allFourResourcesOptimum() {
        ComputeFormula f = ComputeFormula.parse("--compute-formula", ComputeFormula.DEFAULT);
        double c = 1e7;
        ExactShapeOptimizer opt = new ExactShapeOptimizer(new ExactJointLoss(1.5, 0.8, 48), f);
        ShapeOptimizer.Shape s = fourTerm(1.5, 0.8, f, c);
        ExactShapeOptimizer.Result r = opt.optimise(c, s.rounded());
        assertTrue(r.loss() < opt.loss(s.rounded()));
        assertEquals(c, f.compute(r.shape()), 1e-9 * c);
        assertLocalMinimum(r, new ExactShapeOptimizer(new ExactJointLoss(1.5, 0.8, 48), f), c);
    }
}
