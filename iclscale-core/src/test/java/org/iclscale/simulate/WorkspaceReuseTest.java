package org.iclscale.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.iclscale.core.Setting;
import org.iclscale.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/**
 * The simulators' runs with scratch arrays reused across the trials of a chunk (issue 17, cold run: no context matrix
 * allocated per trial) give the same bits as trials in fresh arrays ({@link MonteCarloResult#parallel(int, long,
 * java.util.function.ToDoubleFunction)} over {@code trial}), and the chunked runner gives every trial its own
 * generator exactly once.
 */
class WorkspaceReuseTest {

    private static void assertSameBits(MonteCarloResult fresh, MonteCarloResult reused, String what) {
        assertEquals(Double.doubleToRawLongBits(fresh.loss()), Double.doubleToRawLongBits(reused.loss()), what);
        assertEquals(Double.doubleToRawLongBits(fresh.standardError()), Double.doubleToRawLongBits(reused.standardError()),
                what);
        assertEquals(fresh.trials(), reused.trials(), what);
    }

    @Test
    void structuredRunsEqualFreshArraysBitForBit() {
        Spectrum s64 = Spectrum.powerLaw(1.25, 0.75, 64);
        Spectrum s30 = Spectrum.powerLaw(1.5, 0.8, 30);
        Object[][] cases = {
            {s64, Setting.RRS, 16, 2.0, 4, 3.0, 0.5},
            {s64, Setting.RRS, 63, 1.0, 3, 2.0, 0.1},
            {s64, Setting.RRS, 16, Double.POSITIVE_INFINITY, 4, 24.0, 0.0},
            {s30, Setting.RRS, Integer.MAX_VALUE, 1.5, 2, 1.0, 0.1},
            {s30, Setting.FS, Integer.MAX_VALUE, 1.0, 4, 2.0, 0.0},
            {s30, Setting.FS, Integer.MAX_VALUE, Double.POSITIVE_INFINITY, 3, 2.0, 0.2},
        };
        for (Object[] c : cases) {
            StructuredSimulator sim = new StructuredSimulator((Spectrum) c[0], (Setting) c[1], (Integer) c[2],
                    (Double) c[3], (Integer) c[4], (Double) c[5], (Double) c[6]);
            for (int trials : new int[] {2, 63, 150}) {
                assertSameBits(MonteCarloResult.parallel(trials, 5, sim::trial), sim.run(trials, 5),
                        c[1] + " N = " + c[2] + " alpha = " + c[3] + ", " + trials + " trials");
            }
        }
    }

    @Test
    void isoRunsEqualFreshArraysBitForBit() {
        double[][] cases = {{50, 0.5, 3, 1, 0.3}, {17, 2.3, 1, 0.7, 1.1}, {3, 1, 6, 2, 0.5}};
        for (double[] c : cases) {
            IsoSimulator sim = new IsoSimulator((int) c[0], c[1], (int) c[2], c[3], c[4]);
            for (int trials : new int[] {2, 65, 300}) {
                assertSameBits(MonteCarloResult.parallel(trials, 9, sim::trial), sim.run(trials, 9),
                        "iso D = " + c[0] + ", " + trials + " trials");
            }
        }
    }

    @Test
    void chunksCoverEveryTrialOnceWithOneWorkspaceEach() {
        for (int trials : new int[] {2, 3, 63, 64, 65, 1000, 1001}) {
            AtomicIntegerArray seen = new AtomicIntegerArray(trials);
            Set<Object> workspaces = ConcurrentHashMap.newKeySet();
            MonteCarloResult r = MonteCarloResult.parallel(trials, 3, Object::new, (rng, ws) -> {
                workspaces.add(ws);
                return rng.nextDouble();
            });
            MonteCarloResult fresh = MonteCarloResult.parallel(trials, 3, rng -> rng.nextDouble());
            assertSameBits(fresh, r, trials + " trials");
            assertTrue(workspaces.size() <= MonteCarloResult.MAX_CHUNKS && workspaces.size() == Math.min(trials,
                    MonteCarloResult.MAX_CHUNKS), trials + " trials: " + workspaces.size() + " workspaces");
            int chunks = Math.min(trials, MonteCarloResult.MAX_CHUNKS);
            for (int c = 0; c < chunks; c++) {
                for (int i = MonteCarloResult.chunkStart(c, chunks, trials); i < MonteCarloResult.chunkStart(c + 1, chunks,
                        trials); i++) {
                    seen.incrementAndGet(i);
                }
            }
            for (int i = 0; i < trials; i++) {
                assertEquals(1, seen.get(i), "trial " + i + " of " + trials);
            }
        }
    }
}
