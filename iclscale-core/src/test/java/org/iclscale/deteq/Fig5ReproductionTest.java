package org.iclscale.deteq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.core.Depth;
import org.iclscale.core.Setting;
import org.iclscale.core.Extent;
import org.iclscale.model.ExplicitSpectrum;
import org.iclscale.model.Landscapes;
import org.iclscale.model.ModelSpec;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.OptimumSearch;
import org.iclscale.theory.RrsModel;
import org.junit.jupiter.api.Test;

/**
 * Paper Fig. 5 (notes §6): D = 64, ν = 1.25, β = 0.75, P = ∞. Panel (a) depth bottleneck L = 1 with N → ∞
 * (floor 0.2341 at γ = 1.1); width-limited optimal losses compared with the notes' finite-size Monte Carlo
 * (200 Haar draws, γ optimised): the asymptotic one-point density sits below it by a finite-size offset
 * (notes §8 item 13 quotes 10-15 % at N = 8; measured here 2-8 %), which must shrink as N grows.
 */
class Fig5ReproductionTest {

    private static final Spectrum S = Spectrum.powerLaw(1.25, 0.75, 64);

    private static double optimal(int width, int depth) {
        GammaLandscape l = Landscapes.of(ModelSpec.rrs(ExplicitSpectrum.of(S)).width(width).depth(depth).build());
        // γ optimised freely as in the notes' Monte Carlo (the loss stays finite beyond the edge 2L/s_top)
        return OptimumSearch.minimise(l, 3 * l.stabilityEdge(), 768).loss();
    }

    @Test
    void panelAFloorAndWidthLimitedPlateaus() {
        assertEquals(0.2341, new RrsModel(S, Depth.of(1), 0).loss(1.1), 5e-5);
        double n16 = optimal(16, 1);
        double n32 = optimal(32, 1);
        // notes §6 Monte Carlo: N = 16 -> 0.374, N = 32 -> 0.2835
        double off16 = (0.374 - n16) / 0.374;
        double off32 = (0.2835 - n32) / 0.2835;
        System.out.printf(java.util.Locale.ROOT, "Fig5a L=1: N=16 asymptotic %.4f (MC 0.374, offset %.1f%%), N=32 %.4f (MC 0.2835, %.1f%%)%n",
                n16, 100 * off16, n32, 100 * off32);
        assertTrue(off16 > -0.02 && off16 < 0.15, "N=16 offset " + off16);
        assertTrue(Math.abs(off32) < Math.abs(off16) + 0.01, "N=32 offset " + off32);
        // width-limited plateaus lie above the N -> ∞ floor at the same depth
        double floor = OptimumSearch.minimise(new RrsModel(S, Depth.of(1), 0)).loss();
        assertTrue(n32 > floor && n16 > n32);
    }

    @Test
    void panelBWidthBottleneck() {
        double[] mc = {0.4837, 0.4040, 0.3565, 0.3307, 0.3212}; // notes §6, L = 1, 2, 4, 8, 16
        double prev = Double.POSITIVE_INFINITY;
        StringBuilder line = new StringBuilder("Fig5b N=8:");
        for (int i = 0; i < mc.length; i++) {
            int depth = 1 << i;
            double v = optimal(8, depth);
            double off = (mc[i] - v) / mc[i];
            line.append(String.format(java.util.Locale.ROOT, " L=%d %.4f (MC %.4f, %.1f%%)", depth, v, mc[i], 100 * off));
            assertTrue(off > -0.02 && off < 0.15, "L=" + depth + " offset " + off);
            assertTrue(v < prev);
            prev = v;
        }
        double floor = Floors.width(S, 8).excessLoss();
        line.append(String.format(java.util.Locale.ROOT, "; width floor %.4f (figure 0.3285, exact finite-size MC 0.325)", floor));
        System.out.println(line);
        assertTrue(prev > floor);
    }
}
