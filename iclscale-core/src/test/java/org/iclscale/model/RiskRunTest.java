package org.iclscale.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.iclscale.core.Gamma;
import org.junit.jupiter.api.Test;

/**
 * {@link Theory#riskRun}: its primitive numbers are those of its results, and each result is
 * {@link Theory#risks}' at that γ (notes, diagnostics, the round-off clamp); away from the interpolated runs
 * (fewer than 64 γ) also {@link Theory#risk}'s, record for record.
 */
class RiskRunTest {

    private static final PowerLaw LAW = PowerLaw.of(1.5, 0.8, 64);

    @Test
    void numbersAreThoseOfTheResults() {
        ModelSpec[] specs = {ModelSpec.rrs(LAW).width(16).depth(4).build(),
            ModelSpec.rrs(LAW).alpha(0.5).depth(4).sigma(0.5).build(),
            ModelSpec.rrs(LAW).alpha(0.5).width(16).depth(4).sigma(0.3).build(),
            ModelSpec.iso().alpha(0.5).depth(8).sigma(0.5).build(),
            ModelSpec.rrs(LAW).width(16).depth(org.iclscale.core.Depth.INFINITE).build()};
        Theory theory = Theory.standard();
        for (ModelSpec spec : specs) {
            for (int n : new int[] {20, 200}) {
                double[] g = new double[n];
                for (int k = 0; k < n; k++) {
                    g[k] = 0.3 + 9.0 * k / (n - 1); // crosses the stability edge of the contours
                }
                RiskRun run = theory.riskRun(spec, g);
                RiskResult[] all = theory.risks(spec, g);
                assertEquals(n, run.size());
                for (int k = 0; k < n; k++) {
                    RiskResult r = run.result(k);
                    assertEquals(all[k], r, spec + ", gamma " + g[k]);
                    assertEquals(r.gamma(), run.gamma(k));
                    assertEquals(Double.doubleToRawLongBits(r.loss()), Double.doubleToRawLongBits(run.loss(k)));
                    assertEquals(Double.doubleToRawLongBits(r.excessLoss()), Double.doubleToRawLongBits(run.excessLoss(k)));
                    assertEquals(Double.doubleToRawLongBits(r.gammaPerLayer()), Double.doubleToRawLongBits(run.gammaPerLayer(k)));
                    assertEquals(Double.doubleToRawLongBits(r.stabilityEdge()), Double.doubleToRawLongBits(run.stabilityEdge()));
                    if (n < 64) {
                        assertEquals(theory.risk(spec, Gamma.of(g[k])), r, spec + ", gamma " + g[k]);
                    }
                }
            }
        }
    }
}
