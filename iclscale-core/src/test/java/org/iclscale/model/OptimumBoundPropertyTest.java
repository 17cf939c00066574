package org.iclscale.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.iclscale.theory.GammaLandscape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16 "must show": no reported optimum sits at a bound of its search unless the loss is still falling there,
 * and then the output says so. Over every regime of the dispatcher (several depths, noise levels, widths and
 * contexts, including D = 400, N = 50, L = 4, where the optimum used to stop at the false edge 13.95 without a
 * word), with the landscape's own search and with a caller's gammaMax below (½γ*) and above (1.2γ*) the minimiser:
 * <ul>
 *   <li>not at the bound ⇒ a local minimum: the loss at γ*(1 ± 1e-3) is not below the loss at γ* (to rounding);</li>
 *   <li>at the bound ⇒ γ* is the bound, d𝓛/dγ &lt; 0 there, and a note says the loss still decreases beyond it.</li>
 * </ul>
 */
class OptimumBoundPropertyTest {

    private static final PowerLaw LAW = PowerLaw.of(1.25, 0.75, 64);

    static Stream<Arguments> specs() {
        List<ModelSpec> s = new ArrayList<>();
        for (int l : new int[] {1, 3, 8}) {
            s.add(ModelSpec.iso().alpha(0.5).depth(l).sigma(0.5).build());
            s.add(ModelSpec.iso().alpha(1.0).depth(l).build());
            s.add(ModelSpec.rrs(LAW).depth(l).sigma(0.3).build());
            s.add(ModelSpec.fs(LAW).alpha(2).depth(l).build());
            s.add(ModelSpec.rrs(LAW).width(8).depth(l).build());
            s.add(ModelSpec.rrs(LAW).width(16).depth(l).sigma(0.5).build());
            s.add(ModelSpec.rrs(LAW).alpha(1).depth(l).sigma(0.5).build());
            s.add(ModelSpec.rrs(LAW).alpha(1).width(16).depth(l).build());
            s.add(ModelSpec.rrs(LAW).alpha(0.5).width(16).depth(l).sigma(1).build());
        }
        s.add(ModelSpec.rrs(new Continuum(1.5, 0.8)).depth(4).build());
        s.add(ModelSpec.rrs(PowerLaw.of(1.25, 0.75, 400)).width(50).depth(4).build());
        return s.stream().map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void anOptimumAtABoundHasAFallingLossAndSaysSo(ModelSpec spec) {
        Theory t = Theory.standard();
        OptimumResult own = t.optimum(spec);
        check(spec, own);
        if (!own.infimum()) {
            check(spec, t.optimum(spec, Method.THEORY, 0.5 * own.gamma()));
            // above γ*: 1.2 γ* (the contour routes refuse much larger γL, exit 1 naming their tolerance)
            check(spec, t.optimum(spec, Method.THEORY, 1.2 * own.gamma()));
        }
    }

    private static void check(ModelSpec spec, OptimumResult o) {
        if (o.infimum()) {
            return;
        }
        GammaLandscape l = Landscapes.of(spec);
        String notes = String.join(" | ", o.notes());
        assertTrue(o.gamma() <= o.searchBound() * (1 + 1e-12), o.gamma() + " beyond the searched " + o.searchBound());
        if (o.atUpperBound()) {
            assertEquals(o.searchBound(), o.gamma(), 1e-6 * o.searchBound(), spec.toString());
            assertTrue(l.lossDerivative(o.gamma()) < 0, "at the bound with a rising loss: " + spec);
            assertTrue(notes.contains("still decreases beyond gamma = " + org.iclscale.core.Numbers.prose(o.searchBound())),
                    spec + ": " + notes);
        } else {
            double tol = 1e-12 * o.loss();
            double left = l.loss(o.gamma() * (1 - 1e-3));
            double right = l.loss(o.gamma() * (1 + 1e-3));
            assertTrue(left >= o.loss() - tol && right >= o.loss() - tol, spec + ": not a local minimum at "
                    + o.gamma() + " (" + left + ", " + o.loss() + ", " + right + ")");
            assertTrue(!notes.contains("still decreases"), spec + ": " + notes);
        }
    }
}
