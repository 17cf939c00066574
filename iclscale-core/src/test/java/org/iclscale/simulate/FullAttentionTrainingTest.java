package org.iclscale.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import org.iclscale.core.Depth;
import org.iclscale.core.Setting;
import org.iclscale.theory.BalancedAttentionFlow;
import org.iclscale.theory.IsoModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Full linear attention trained by SGD against the balanced γ ↔ w⁵ flow (paper Result 9, notes §3.7). */
class FullAttentionTrainingTest {

    private static ContextSampler iso(int d) {
        return new ContextSampler(Setting.ISO, d, d, d, 0, null);
    }

    private static double[] times(TrainingLoop.Curve c, double eta) {
        double[] t = new double[c.steps().length];
        for (int i = 0; i < t.length; i++) {
            t[i] = eta * c.steps()[i];
        }
        return t;
    }

    @ParameterizedTest
    @CsvSource({"16,1,false,10", "12,2,true,20"})
    void initialGammaIsTwoSFifthAndEarlyGrowthFollowsTheW5Flow(int d, int depth, boolean untied, int steps) {
        double eta = 0.05;
        double s = 0.5;
        FullAttentionTrainer t = new FullAttentionTrainer(iso(d), depth, untied, false, eta, 8 * d, s, 3, 50);
        TrainingLoop.Curve c = TrainingLoop.run(t, steps, steps / 2, null);
        // untied: each layer's W_k, W_q, W_v feel 1/L of dL/dgamma
        BalancedAttentionFlow.Trajectory flow = BalancedAttentionFlow.integrate(new IsoModel(1, Depth.of(depth), 0), s,
                untied ? 1.0 / depth : 1.0, times(c, eta));
        assertEquals(2 * Math.pow(s, 5), c.observables().get("gamma")[0], 1e-15);
        for (int i = 1; i < c.steps().length; i++) {
            double g = c.observables().get("gamma")[i];
            assertEquals(flow.gamma()[i], g, 0.03 * flow.gamma()[i], "gamma at step " + c.steps()[i]);
        }
        // γ grows by ~85% over these steps, so the check is not a constant
        assertTrue(flow.gamma()[2] > 1.5 * flow.gamma()[0], "theory moves: " + flow.gamma()[2]);
        // conservation law of the flow: d(w_x^2)/dt = 4 gamma f, d(w_v^2)/dt = 2 gamma f / L_eff (L_eff = L untied,
        // 1 tied), so w_x^2 - 2 L_eff w_v^2 = 2 s^2 (1 - L_eff) along the trajectory
        double lEff = untied ? depth : 1;
        double wx = c.observables().get("normWx")[2];
        double wv = c.observables().get("normWv")[2];
        assertEquals(2 * s * s * (1 - lEff), wx * wx - 2 * lEff * wv * wv, 0.02);
        assertTrue(wx > 1.1 * Math.sqrt(2) * s, "w_x moved");
    }

    @Test
    void reproducibleAcrossRunsAndThreadCounts() throws Exception {
        Supplier<TrainingLoop.Curve> run = () -> TrainingLoop.run(
                new FullAttentionTrainer(iso(5), 2, true, true, 0.05, 6, 0.6, 77, 8), 6, 3, null);
        TrainingLoop.Curve a = run.get();
        TrainingLoop.Curve one = new ForkJoinPool(1).submit(run::get).get();
        TrainingLoop.Curve two = new ForkJoinPool(2).submit(run::get).get();
        for (TrainingLoop.Curve other : new TrainingLoop.Curve[] {run.get(), one, two}) {
            assertArrayEquals(a.loss(), other.loss(), 0.0);
            assertArrayEquals(a.observables().get("gamma"), other.observables().get("gamma"), 0.0);
            assertArrayEquals(a.observables().get("normWo"), other.observables().get("normWo"), 0.0);
        }
    }

    /**
     * Plateau of the trained full model vs the ISO optimum at the same α, L (notes §3.1 table: 0.5, 0.375 at
     * α = 1). The paper's Fig. 6a shows data ≈ 4.5 % above the exact optimum; at D = 16 we allow 8 %.
     */
    @Tag("slow")
    @ParameterizedTest
    @CsvSource({"1,0.5", "2,0.375"})
    void plateauReachesTheIsoOptimum(int depth, double optimum) {
        int d = 16;
        double eta = 0.02;
        FullAttentionTrainer t = new FullAttentionTrainer(iso(d), depth, false, false, eta, 8 * d, 0.5, 5, 400);
        TrainingLoop.Curve c = TrainingLoop.run(t, 600, 150, null);
        int last = c.loss().length - 1;
        double loss = c.loss()[last];
        assertTrue(loss > optimum - 4 * c.standardError()[last], "cannot beat the optimum: " + loss);
        assertEquals(optimum, loss, 0.08 * optimum, "plateau");
        BalancedAttentionFlow.Trajectory flow = BalancedAttentionFlow.integrate(new IsoModel(1, Depth.of(depth), 0),
                0.5, 1, times(c, eta));
        assertEquals(optimum, flow.loss()[last], 1e-6);
        // trained effective gamma near gamma* = L alpha/(1+alpha) = L/2
        assertEquals(depth / 2.0, c.observables().get("gamma")[last], 0.1 * depth);
    }
}
