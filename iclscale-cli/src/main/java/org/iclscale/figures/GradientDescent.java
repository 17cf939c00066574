package org.iclscale.figures;

import org.iclscale.theory.ModeLandscape;
import org.iclscale.theory.UntiedLayers;

/**
 * The discrete gradient-descent iterates that some of the paper's panels plot instead of the flow (measured against
 * the digitized figures): Fig. 3's solid curves are γ_k ← γ_k − η∂𝓛/∂γ_k at η = 0.5 on the FS mode landscape
 * (3b to 0.5 %, and 3a's first step exactly), Fig. 8's curves γ^ℓ ← γ^ℓ − ηL∂𝓛/∂γ^ℓ at η = 0.2 on the untied
 * landscape (to 1e-6). The flow dγ/dt = −½∂𝓛/∂γ at t = 2ηn is their small-η limit; at the paper's η the top modes
 * overshoot (Fig. 3a, k = 1, 2 rise above L/λ_k), which the flow cannot.
 */
final class GradientDescent {

    private GradientDescent() {
    }

    /** Iterates on a mode landscape from γ = 0, recorded at the (increasing integer) steps: [step][mode]. */
    static double[][] modes(ModeLandscape landscape, double eta, double[] steps) {
        double[] g = new double[landscape.dim()];
        double[][] out = new double[steps.length][];
        int next = 0;
        for (long k = 0; next < steps.length; k++) {
            while (next < steps.length && steps[next] == k) {
                out[next++] = g.clone();
            }
            double[] grad = landscape.gradient(g);
            for (int i = 0; i < g.length; i++) {
                g[i] -= eta * grad[i];
            }
        }
        return out;
    }

    /** Iterates γ^ℓ ← γ^ℓ − ηL ∂𝓛/∂γ^ℓ on the untied landscape from 0, recorded at the steps: [step][layer]. */
    static double[][] untied(UntiedLayers model, double eta, double[] steps) {
        int l = model.layers();
        double[] g = new double[l];
        double[][] out = new double[steps.length][];
        int next = 0;
        for (long k = 0; next < steps.length; k++) {
            while (next < steps.length && steps[next] == k) {
                out[next++] = g.clone();
            }
            double[] grad = model.signalGradient(g);
            for (int i = 0; i < l; i++) {
                g[i] -= eta * l * grad[i];
            }
        }
        return out;
    }

    /** Distinct integer steps: the rounded log grid 10^{i/perDecade} up to max, plus 0 and max. */
    static double[] logSteps(int max, int perDecade) {
        java.util.TreeSet<Long> s = new java.util.TreeSet<>();
        s.add(0L);
        for (int i = 0; Math.pow(10, (double) i / perDecade) <= max; i++) {
            s.add(Math.round(Math.pow(10, (double) i / perDecade)));
        }
        s.add((long) max);
        return s.stream().mapToDouble(Long::doubleValue).toArray();
    }
}
