package org.iclscale.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.iclscale.core.InvalidInputException;
import org.iclscale.scaling.ComputeFormula;
import org.iclscale.scaling.ExactShapeOptimizer;
import org.iclscale.scaling.ShapeOptimizer;
import org.iclscale.sweep.IndexRange;
import org.iclscale.sweep.Shard;
import org.junit.jupiter.api.Test;

/**
 * {@link Theory#shape} reproduces what {@code iclscale shape} printed before its algorithm moved to the core (values
 * recorded from main at de4e7f1, JSON output; losses to 1e-10 relative, integer shapes exactly).
 */
class ShapeTheoryTest {

    private static final Theory THEORY = Theory.standard();

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-10 * Math.abs(expected), what);
    }

    private static ComputeFormula formula(String text) {
        return ComputeFormula.parse("computeFormula", text);
    }

    /** shape --nu 1.25 --beta 0.75 --compute 1e12 (the README's first example; four-term part). */
    @Test
    void fourTermShape() {
        ShapeResult r = THEORY.shape(ShapeRequest.of(1.25, 0.75, formula(ComputeFormula.DEFAULT), 1e12));
        ShapeOptimizer.Shape s = r.fourTerm();
        assertEquals(Map.of('t', 409.1184637401375, 'P', 64.0, 'N', 223.0, 'L', 12.0).keySet(), s.rounded().keySet());
        assertEquals(223, s.rounded().get('N'));
        assertEquals(12, s.rounded().get('L'));
        assertEquals(64, s.rounded().get('P'));
        close(409.1184637401375, s.rounded().get('t'), "time");
        close(0.22205073431947203, s.roundedLoss(), "loss");
        close(411.7101492642575, s.continuous().get('t'), "continuous time");
        close(64.45902921168194, s.continuous().get('P'), "continuous context");
        close(222.90017355539817, s.continuous().get('N'), "continuous width");
        close(11.765762905607833, s.continuous().get('L'), "continuous depth");
        close(0.22204597486553376, s.continuousLoss(), "continuous loss");
        assertEquals(81, s.evaluations());
        assertTrue(r.exact().isEmpty() && r.exactTerms().isEmpty());
        assertEquals(1, r.notes().size());
    }

    /** shape --nu 1.5 --beta 0.8 --compute 1e4 --compute-formula L*t --exact --dim 64 (D = inf continuum). */
    @Test
    void exactTimeDepthShape() {
        ShapeResult r = THEORY.shape(ShapeRequest.of(1.5, 0.8, formula("L*t"), 1e4).withExact(64));
        assertEquals(13, r.fourTerm().rounded().get('L'));
        close(0.08329173388016808, r.fourTerm().roundedLoss(), "four-term loss");
        close(0.060027439503919304, r.exactTerms().orElseThrow().timeDepthLoss().getAsDouble(), "timeDepthLoss");
        close(0.060027439503919304, r.exactTerms().orElseThrow().sum(), "exactTerms.sum");
        ShapeResult.ExactShape e = r.exact().orElseThrow();
        ExactShapeOptimizer.Result o = e.optimum();
        assertEquals(64, e.dim());
        assertEquals(6, o.shape().get('L'));
        close(1666.666666666669, o.shape().get('t'), "exact time");
        close(0.048036782664872026, o.loss(), "exact loss");
        close(0.06002743950391932, e.fourTermShapeLoss().getAsDouble(), "fourTermShapeLoss");
        assertEquals(9, o.evaluations());
        assertEquals(0, o.skipped());
        assertEquals(List.of(), o.atBound());
        assertTrue(e.method().startsWith("exact joint loss: RRS sum over all modes at D = inf"), e.method());
        assertTrue(r.method().endsWith("; exact: see exact.method"));
    }

    /** shape --nu 1.5 --beta 0.8 --compute 3e4 --compute-formula t*P^2*L --exact --dim 32 (two-point contour). */
    @Test
    void exactContextShape() {
        ShapeResult r = THEORY.shape(ShapeRequest.of(1.5, 0.8, formula("t*P^2*L"), 3e4).withExact(32));
        assertEquals(4, r.fourTerm().rounded().get('L'));
        assertEquals(16, r.fourTerm().rounded().get('P'));
        close(0.28669055373534524, r.fourTerm().roundedLoss(), "four-term loss");
        close(0.14479772736531674, r.exactTerms().orElseThrow().timeDepthLoss().getAsDouble(), "timeDepthLoss");
        close(0.0690689972630152, r.exactTerms().orElseThrow().contextFloor().getAsDouble(), "contextFloor");
        ShapeResult.ExactShape e = r.exact().orElseThrow();
        assertEquals(3, e.optimum().shape().get('L'));
        assertEquals(13, e.optimum().shape().get('P'));
        close(59.171597633136095, e.optimum().shape().get('t'), "exact time");
        close(0.16370742050741022, e.optimum().loss(), "exact loss");
        close(0.1804769960385492, e.fourTermShapeLoss().getAsDouble(), "fourTermShapeLoss");
        assertEquals(14, e.optimum().evaluations());
        assertTrue(e.method().contains("two-point contour (E1)-(E3) (RRS, sigma = 0, finite P, N = D, deteq-general.md) at D = 32"),
                e.method());
        assertEquals(2, r.notes().size());
    }

    /** shape --nu 1.25 --beta 0.75 --compute-formula t*N^2*L --compute-range 1e8:1e20:log:4. */
    @Test
    void fourTermFrontier() {
        FrontierResult result = THEORY.shape(FrontierRequest.of(1.25, 0.75, formula("t*N^2*L"), 1e8, 1e20, 4));
        FrontierRows f = result.rows();
        double[] loss = {0.19332308841391377, 0.053154013332253856, 0.014614649271877013, 0.004018284978876091};
        double[] width = {195.46714706258464, 774.8267679383716, 3071.393462783226, 12174.925094371214};
        double[] depth = {9.984453594535651, 55.845457408398694, 312.35711832802804, 1747.088704437374};
        double[] time = {262.13689361849913, 29826.542710325208, 3393733.0768533377, 386146807.2189629};
        for (int i = 0; i < 4; i++) {
            close(loss[i], f.loss()[i], "loss " + i);
            close(width[i], f.resources().get('N')[i], "width " + i);
            close(depth[i], f.resources().get('L')[i], "depth " + i);
            close(time[i], f.resources().get('t')[i], "time " + i);
        }
        assertEquals(List.of('t', 'N', 'L'), List.copyOf(f.resources().keySet()));
        close(0.14018691588785046, result.fittedSlopes().loss(), "fitted loss slope");
        close(0.5140186916121839, result.fittedSlopes().resources().get('t'), "fitted time slope");
        close(0.14953271026597595, result.fittedSlopes().resources().get('N'), "fitted width slope");
        close(0.18691588785586422, result.fittedSlopes().resources().get('L'), "fitted depth slope");
        close(0.14018691588785046, f.computeOptimal().loss(), "Lagrange loss exponent");
        assertEquals(List.of(1e8, 1e20), f.fitWindow());
        assertTrue(f.exact().isEmpty());
        assertTrue(result.exactSlopes().isEmpty());
        f.resources().get('N')[0] = -1; // the record's arrays are its own
        close(width[0], result.rows().resources().get('N')[0], "width 0 after a caller's write");
    }

    /** shape --nu 1.5 --beta 0.8 --compute-formula L*t --compute-range 1e3:1e5:log:3 --exact (ShapeCommandTest's). */
    @Test
    void exactFrontier() {
        FrontierResult f = THEORY.shape(FrontierRequest.of(1.5, 0.8, formula("L*t"), 1e3, 1e5, 3).withExact(256));
        FrontierRows.ExactRows e = f.rows().exact().orElseThrow();
        FrontierResult.ExactSlopes slopes = f.exactSlopes().orElseThrow();
        double[] loss = {0.07943344622042338, 0.048036782664872026, 0.02955379584432903};
        double[] time = {249.9999999999999, 1666.666666666669, 9090.909090909092};
        double[] depth = {4, 6, 11};
        for (int i = 0; i < 3; i++) {
            close(loss[i], e.loss()[i], "exact loss " + i);
            close(time[i], e.resources().get('t')[i], "exact time " + i);
            assertEquals(depth[i], e.resources().get('L')[i], "exact depth " + i);
        }
        close(0.2146950679537746, slopes.fittedSlopes().loss(), "exact fitted loss slope");
        close(0.7803336530848686, slopes.fittedSlopes().resources().get('t'), "exact fitted time slope");
        close(0.21966634691513134, slopes.fittedSlopes().resources().get('L'), "exact fitted depth slope");
        close(0.21096064326594008, slopes.lastSlopes().loss(), "exact last loss slope");
        close(0.2632414347745816, slopes.lastSlopes().resources().get('L'), "exact last depth slope");
        assertEquals(List.of(List.of(), List.of(), List.of()), e.atBound());
        close(0.21052631578947364, f.fittedSlopes().loss(), "four-term fitted loss slope");
        assertEquals(256, e.dim());
    }

    @Test
    void refusals() {
        ComputeFormula f = formula("L*t");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ShapeRequest.of(1.5, 0.8, f, 1));
        assertEquals("compute", e.parameter());
        assertEquals("dim", assertThrows(InvalidInputException.class,
                () -> ShapeRequest.of(1.5, 0.8, f, 1e4).withExact(1)).parameter());
        assertEquals("dim", assertThrows(InvalidInputException.class,
                () -> ShapeRequest.of(1.5, 0.8, f, 1e4).withExact(4097)).parameter());
        assertEquals("computeRange", assertThrows(InvalidInputException.class,
                () -> FrontierRequest.of(1.5, 0.8, f, 1e4, 1e3, 3)).parameter());
        assertEquals("computeRange", assertThrows(InvalidInputException.class,
                () -> FrontierRequest.of(1.5, 0.8, f, 1e3, 1e4, 2)).parameter());
        assertEquals("computeRange", assertThrows(InvalidInputException.class,
                () -> FrontierRequest.of(1.5, 0.8, f, 1e3, Double.POSITIVE_INFINITY, 3)).parameter());
        assertEquals("beta", assertThrows(InvalidInputException.class, () -> ShapeRequest.of(1.5, 0, f, 1e4)).parameter());
        // the exact optimisation needs t or L in the formula
        assertEquals("computeFormula", assertThrows(InvalidInputException.class,
                () -> THEORY.shape(ShapeRequest.of(1.5, 0.8, formula("N^2*P"), 1e4).withExact(64))).parameter());
    }

    /**
     * Blocks of the frontier's budgets (shape --compute-range --shard): each block's rows are the whole frontier's
     * rows at those budgets, bit for bit, and the blocks of a split concatenate to every budget once.
     */
    @Test
    void frontierBlocksAreTheFrontiersRows() {
        FrontierRequest request = FrontierRequest.of(1.25, 0.75, formula("t*N^2*L"), 1e8, 1e20, 5);
        FrontierRows whole = THEORY.shape(request).rows();
        int next = 0;
        for (int i = 0; i < 3; i++) {
            IndexRange block = new Shard(i, 3).block(5);
            FrontierRows rows = THEORY.shapeRows(request, block);
            assertEquals(next, block.from());
            for (int j = 0; j < rows.compute().length; j++) {
                int k = (int) block.from() + j;
                assertEquals(whole.compute()[k], rows.compute()[j], "budget " + k);
                assertEquals(Double.doubleToRawLongBits(whole.loss()[k]), Double.doubleToRawLongBits(rows.loss()[j]));
                for (char x : whole.resources().keySet()) {
                    assertEquals(whole.resources().get(x)[k], rows.resources().get(x)[j], x + " at budget " + k);
                }
            }
            assertEquals(whole.computeOptimal(), rows.computeOptimal());
            assertTrue(rows.notes().get(0).contains("slopes"), rows.notes().toString());
            next = (int) block.to();
        }
        assertEquals(5, next);
        assertThrows(IllegalArgumentException.class, () -> THEORY.shapeRows(request, new IndexRange(0, 6)));
    }
}
