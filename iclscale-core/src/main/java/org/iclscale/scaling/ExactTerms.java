package org.iclscale.scaling;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * The exact single-bottleneck losses at a shape (power law at D = ∞, {@link ExactLosses}): the joint (t, L) RRS
 * gradient-flow loss at N = P = ∞ (or, without t, the depth loss at the optimal γ), plus the width floor and the
 * context floor. Their sum is Result 8's additive composition with exact terms; there is no validated joint exact
 * loss in all four resources (notes §8.6), which {@link ExactJointLoss} gives at finite D instead.
 *
 * @param timeDepthLoss the (t, L) loss, present when t is (at L = ∞ when L is absent)
 * @param depthLoss min_γ Σ p_k (1 − γλ_k/L)^{2L}, present when L is and t is not
 * @param widthFloor present when N is
 * @param contextFloor present when P is
 * @param sum the sum of the present terms
 */
public record ExactTerms(OptionalDouble timeDepthLoss, OptionalDouble depthLoss, OptionalDouble widthFloor,
        OptionalDouble contextFloor, double sum) {

    /** The terms at {@code shape} (resources t, N, L, P; absent ones infinite). */
    public static ExactTerms at(double nu, double beta, Map<Character, Double> shape) {
        ExactLosses e = new ExactLosses(nu, beta);
        OptionalDouble timeDepth = OptionalDouble.empty();
        OptionalDouble depth = OptionalDouble.empty();
        OptionalDouble width = OptionalDouble.empty();
        OptionalDouble context = OptionalDouble.empty();
        double total = 0;
        if (shape.containsKey('t')) {
            double t = shape.get('t');
            double l = shape.containsKey('L') ? e.timeAtDepth(t, (int) Math.round(shape.get('L')))
                    : e.time(new double[] {t})[0];
            timeDepth = OptionalDouble.of(l);
            total += l;
        } else if (shape.containsKey('L')) {
            double l = e.depth((int) Math.round(shape.get('L')));
            depth = OptionalDouble.of(l);
            total += l;
        }
        if (shape.containsKey('N')) {
            double l = e.width(shape.get('N'));
            width = OptionalDouble.of(l);
            total += l;
        }
        if (shape.containsKey('P')) {
            double l = e.context(shape.get('P'));
            context = OptionalDouble.of(l);
            total += l;
        }
        return new ExactTerms(timeDepth, depth, width, context, total);
    }
}
