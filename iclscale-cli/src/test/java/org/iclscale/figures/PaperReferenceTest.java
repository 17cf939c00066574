package org.iclscale.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iclscale.plot.Chart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every reproducible panel against the paper's own curves (digitized from its vector PDFs, test resources
 * {@code /paper-figures/}, README and provenance there), on the paper's axes: the same curve names, x in the paper's
 * units, y compared in the axis metric (log10 on log axes). Where the theory is exact the tolerance is the stated
 * read-off error between vertices (README §4-5); elsewhere a measured tolerance whose cause is named. The Fig. 3
 * and Fig. 4b checks fail on the earlier axes (App. D clock: 2x fast; D = 64 landscape: minima up to 2x low).
 */
class PaperReferenceTest {

    private static final Map<String, Chart> PANELS = new LinkedHashMap<>();

    @BeforeAll
    static void build() {
        for (String id : new String[] {"1c", "2", "3", "4", "5", "6", "7", "8"}) {
            for (Figure.Panel p : PaperFigures.build(id, PaperFigures.Options.THEORY_ONLY).panels()) {
                PANELS.put(p.name(), p.chart());
            }
        }
    }

    /** The paper's curves of one panel: name → {x[], y[]}. */
    static Map<String, double[][]> paper(String panel) throws IOException {
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        try (InputStream in = PaperReferenceTest.class.getResourceAsStream("/paper-figures/" + panel + ".csv")) {
            assertNotNull(in, panel + ".csv in the test resources");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",", -1);
                rows.computeIfAbsent(f[1], k -> new ArrayList<>()).add(new double[] {Double.parseDouble(f[5]),
                    Double.parseDouble(f[6])});
            }
        }
        Map<String, double[][]> out = new LinkedHashMap<>();
        rows.forEach((k, v) -> out.put(k, new double[][] {v.stream().mapToDouble(p -> p[0]).toArray(),
            v.stream().mapToDouble(p -> p[1]).toArray()}));
        return out;
    }

    static Chart.Series ours(String panel, String curve) {
        Chart c = PANELS.get(panel);
        assertNotNull(c, panel);
        return c.series().stream().filter(s -> s.name().equals(curve)).findFirst()
                .orElseThrow(() -> new AssertionError(panel + " has no curve '" + curve + "'"));
    }

    /** Our curve at x, interpolated in the axis metric; NaN outside its range. */
    static double at(Chart.Series s, double x, boolean logX, boolean logY) {
        double[] xs = s.x();
        double[] ys = s.y();
        double u = logX ? Math.log10(x) : x;
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] == x) {
                return ys[i];
            }
        }
        for (int i = 0; i + 1 < xs.length; i++) {
            double a = logX ? Math.log10(xs[i]) : xs[i];
            double b = logX ? Math.log10(xs[i + 1]) : xs[i + 1];
            if (Double.isFinite(a) && u >= a && u <= b && b > a) {
                double f = (u - a) / (b - a);
                double ya = logY ? Math.log10(ys[i]) : ys[i];
                double yb = logY ? Math.log10(ys[i + 1]) : ys[i + 1];
                double y = ya + f * (yb - ya);
                return logY ? Math.pow(10, y) : y;
            }
        }
        return Double.NaN;
    }

    /**
     * Largest deviation (axis metric: absolute on linear y, |log10 ratio| on log y) between the paper's curve and ours
     * over the paper's vertices with x in [xFrom, xTo].
     */
    static double deviation(String panel, String paperCurve, String ourCurve, double xFrom, double xTo) throws IOException {
        Chart c = PANELS.get(panel);
        double[][] p = paper(panel).get(paperCurve);
        assertNotNull(p, panel + ": paper curve " + paperCurve);
        Chart.Series s = ours(panel, ourCurve);
        double worst = 0;
        double worstX = Double.NaN;
        int compared = 0;
        for (int i = 0; i < p[0].length; i++) {
            if (p[0][i] < xFrom || p[0][i] > xTo) {
                continue;
            }
            double y = at(s, p[0][i], c.x().log(), c.y().log());
            if (Double.isNaN(y)) {
                continue;
            }
            double d = c.y().log() ? Math.abs(Math.log10(y / p[1][i])) : Math.abs(y - p[1][i]);
            if (d > worst) {
                worst = d;
                worstX = p[0][i];
            }
            compared++;
        }
        assertTrue(compared >= 3, panel + " " + paperCurve + ": only " + compared + " vertices compared");
        LAST.put(panel + " " + paperCurve, String.format(java.util.Locale.ROOT, "%.3g at x = %.4g (%d vertices)", worst,
                worstX, compared));
        return worst;
    }

    private static final Map<String, String> LAST = new java.util.TreeMap<>();

    /** Asserts the deviation is within tol, naming the measured value and where it is largest. */
    static void within(String panel, String paperCurve, String ourCurve, double xFrom, double xTo, double tol)
            throws IOException {
        double d = deviation(panel, paperCurve, ourCurve, xFrom, xTo);
        assertTrue(d <= tol, panel + " " + paperCurve + ": deviation " + LAST.get(panel + " " + paperCurve) + " > " + tol);
    }

    @org.junit.jupiter.api.AfterAll
    static void report() {
        LAST.forEach((k, v) -> System.out.println("paper-reference " + k + ": " + v));
    }

    static double log10(double relative) {
        return Math.log10(1 + relative);
    }

    @Test
    void survey() throws IOException {
        for (int l : new int[] {1, 2, 4, 8, 16}) {
            deviation("fig1c", "Theory (L=" + l + ")", "Theory (L=" + l + ")", 0, 100);
        }
        for (int l : new int[] {1, 2, 4, 8, 16, 32}) {
            deviation("fig2a", "L = " + l, "L = " + l, -1, 2);
            deviation("fig2b", "L = " + l, "L = " + l, -1, 2);
        }
        for (int k : new int[] {1, 2, 4, 8, 16}) {
            deviation("fig3a", "Theory (k = " + k + ")", "Theory (k = " + k + ")", 0.6, 4.2e4);
            deviation("fig3a", "k = " + k, "k = " + k, 0.6, 4.2e4);
        }
        for (int l : new int[] {1, 2, 4, 8}) {
            deviation("fig3b", "L = " + l, "L = " + l, 1, 4.2e4);
            deviation("fig6a", "Theory (L = " + l + ")", "Theory (L = " + l + ")", 0.7, 1413);
            deviation("fig8a", "L = " + l, "L = " + l, 0.6, 7700);
            deviation("fig8b", "L = " + l + "; ℓ = 1", "L = " + l + "; ℓ = 1", 0, 5000);
        }
        for (int l : new int[] {1, 2, 4, 8, 16, 32, 64}) {
            deviation("fig4b", "L = " + l, "L = " + l, 0.006, 1700);
        }
        for (double b : new double[] {0.5, 0.75, 1, 1.5, 2, 4}) {
            String n = String.format(java.util.Locale.ROOT, "%.2f", b);
            deviation("fig4a", "β = " + n, "Theory (β = " + n + ")", 1, 3000);
        }
        for (int l : new int[] {1, 2, 4, 8, 16}) {
            deviation("fig4c", "L = " + l, "Theory (L = " + l + ")", 1, 3.3e4);
            deviation("fig6b", "L = " + l, "Theory (L = " + l + ")", 1, 1413);
        }
        for (int n : new int[] {16, 32, 64, 128, 256}) {
            deviation("fig5a", "N = " + n, "Theory (N = " + n + ")", 200, 1e10);
        }
        for (int l : new int[] {1, 2, 4, 8, 16}) {
            deviation("fig5b", "L = " + l, "Theory (L = " + l + ")", 100, 1e10);
        }
        for (int n : new int[] {4, 8, 16, 32, 64}) {
            deviation("fig5c", "N = " + n, "Theory (N = " + n + ")", 5, 1e10);
        }
    }

    /** Fig. 1c: the exact optimum over γ at every depth (read-off 4.5e-4 between vertices). */
    @Test
    void fig1cTheory() throws IOException {
        for (int l : new int[] {1, 2, 4, 8, 16}) {
            String name = "Theory (L=" + l + ")";
            within("fig1c", name, name, 0, 100, 4.5e-4);
        }
    }

    /**
     * Fig. 2a: the exact Marchenko-Pastur landscapes. The paper's own quadrature is off by up to 0.0022 (its 𝓛(0) =
     * 0.99776, README §6.4), 5x the read-off error: allowance 0.0025 on the visible part, and 4.2e-4 near the minima.
     */
    @Test
    void fig2aLandscapes() throws IOException {
        for (int l : new int[] {1, 2, 4, 8, 16, 32}) {
            String name = "L = " + l;
            within("fig2a", name, name, -1, 1.0 / 3 + 0.005, 0.0025);
            within("fig2a", name, name, 0.3, 1.0 / 3 + 0.005, 0.0013);
        }
    }

    /** Fig. 2b: the paper's curves lie above the exact ones (its 𝓛(0) = 1.0086 ≠ 1): the erratum, measured. */
    @Test
    void fig2bPaperBias() throws IOException {
        double[][] p = paper("fig2b").get("L = 1");
        Chart.Series s = ours("fig2b", "L = 1");
        double mean = 0;
        int n = 0;
        for (int i = 0; i < p[0].length; i++) {
            double y = at(s, p[0][i], false, false);
            if (!Double.isNaN(y)) {
                mean += p[1][i] - y;
                n++;
            }
        }
        mean /= n;
        assertTrue(mean > 0.002 && mean < 0.013, "paper minus exact, mean " + mean);
        assertEquals(1.0, s.y()[0], 1e-12, "the exact landscape starts at 1");
    }

    /** Fig. 3a, L = ∞ dashed: within the read-off error (0.61 % on y) on the ½-convention clock t = n. */
    @Test
    void fig3aInfiniteDepth() throws IOException {
        for (int k : new int[] {1, 2, 4, 8, 16}) {
            String name = "Theory (k = " + k + ")";
            // k = 16 from t = 10: its first vertices lie next to the bottom edge of the frame (1.2 % off at t = 3, 0.6 % at 7)
            within("fig3a", name, name, k == 16 ? 10 : 0.6, 4.2e4, log10(0.0061));
        }
    }

    /**
     * Fig. 3a solid: the paper's curves are the gradient-descent iterates (η = 0.5) at L = 8, within the read-off
     * error (0.61 % on y) at every mode; its caption says L = 4, but L = 4 iterates miss the paper's k = 1 curve by
     * more than 5 % at late t (they converge to L/λ₁ = 4 while the paper's k = 1 curve rises beyond 4): the earlier
     * "exceeds the fixed point" gap was the depth, not finite P or SGD.
     */
    @Test
    void fig3aSolidCurvesAreDepthEight() throws IOException {
        for (int k : new int[] {1, 2, 4, 8, 16}) {
            within("fig3a", "k = " + k, "k = " + k, 0.6, 4.2e4, log10(0.0061));
        }
        // the first gradient-descent step: the paper's 0.7587 at t = 1 (the flow gives 0.46 there)
        assertEquals(paper("fig3a").get("k = 1")[1][0], at(ours("fig3a", "k = 1"), 1, true, true), 1e-4);
        org.iclscale.spectrum.Spectrum spec = org.iclscale.spectrum.Spectrum.powerLaw(Fig3.NU, Fig3.BETA, Fig3.DIM);
        double[] n = GradientDescent.logSteps(41500, 40);
        double[][] gd4 = GradientDescent.modes(FigureLandscapes.fs(spec, org.iclscale.core.Depth.of(4),
                org.iclscale.theory.TimeConvention.HALF), Fig3.ETA, n);
        double[] k1 = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            k1[i] = gd4[i][0];
        }
        double[][] p = paper("fig3a").get("k = 1");
        double worst = 0;
        for (int i = 0; i < p[0].length; i++) {
            if (p[0][i] >= 100) {
                double y = at(Curves.theory("L4", "", "#000000", n, k1), p[0][i], true, true);
                worst = Math.max(worst, Math.abs(Math.log10(y / p[1][i])));
            }
        }
        assertTrue(worst > log10(0.05), "L = 4 iterates differ from the paper's k = 1 curve: " + worst);
    }

    /** Fig. 3b: the P = ∞ flows for L = 1..8 on the clock t = n within 0.5 % (issue: < 0.5 % after t → t/2). */
    @Test
    void fig3bLearningCurves() throws IOException {
        for (int l : new int[] {1, 2, 4, 8}) {
            within("fig3b", "L = " + l, "L = " + l, 1, 4.2e4, log10(0.006));
        }
    }

    /** Fig. 4b at D = ∞: the paper's minima 0.2041 … 0.0063 to 1e-4 (D = 64 would give 0.2011 … 0.0033). */
    @Test
    void fig4bMinimaAtInfiniteDimension() throws IOException {
        Map<String, double[][]> p = paper("fig4b");
        for (int l : new int[] {1, 2, 4, 8, 16, 32, 64}) {
            double[] y = p.get("L = " + l)[1];
            double paperMin = java.util.Arrays.stream(y).min().orElseThrow();
            double ourMin = java.util.Arrays.stream(ours("fig4b", "L = " + l).y()).min().orElseThrow();
            assertEquals(paperMin, ourMin, 1e-4 + 0.01 * paperMin, "L = " + l);
            // up to 1.8 L: beyond, the wall to the stability edge 2L rises by decades within a few % of gamma
            within("fig4b", "L = " + l, "L = " + l, 0.006, 1.8 * l, log10(0.0025) + 0.004);
        }
    }

    /** Fig. 5a: the depth floor N → ∞ (read-off 0.069 %) and the clock t = 2ηn/min(N, D) on the N ≥ D curves. */
    @Test
    void fig5aFloorAndClock() throws IOException {
        double paperFloor = paper("fig5a").get("N → ∞")[1][0];
        double ours = ours("fig5a", "N → ∞").y()[0];
        assertEquals(paperFloor, ours, 0.0007 * paperFloor);
        for (int n : new int[] {64, 128, 256}) {
            // SGD noise of the paper's runs: measured rms 0.24 %, max 1.5 %
            within("fig5a", "N = " + n, "Theory (N = " + n + ")", 200, 1e9, log10(0.02));
        }
    }

    /**
     * Fig. 5a/5b at N &lt; D = 64: the finite-D model (task average exact, 400 Haar projections) follows the paper's
     * runs within 5.6 % (5a N = 16), 3.3 % (5a N = 32), 6.7 % / 9.5 % (5b L = 1 / 2) at the worst vertex, in the
     * drop, where one frozen projection of the paper's runs and its SGD noise differ from the average over
     * projections; the plateaus of 5b are the paper-notes Monte Carlo values 0.4837 / 0.4040 / 0.3565. The one-point
     * deterministic equivalent these curves used before (exact only as D → ∞) missed by 11.7 %, 6.8 %, 14 %, 19 %.
     */
    @Test
    void fig5FiniteWidthCurvesAreTheFiniteDimensionModel() throws IOException {
        within("fig5a", "N = 16", "Theory (N = 16)", 200, 1e10, log10(0.065));
        within("fig5a", "N = 32", "Theory (N = 32)", 200, 1e10, log10(0.04));
        within("fig5b", "L = 1", "Theory (L = 1)", 100, 1e10, log10(0.075));
        within("fig5b", "L = 2", "Theory (L = 2)", 100, 1e10, log10(0.105));
        // the L -> inf line: the finite-D floor 0.3187 (mean untaught weight over the projections) against the paper's
        // 0.3285, 3.0 % (the D -> inf equivalent 0.3077 was 6.3 % low; the paper's line is its own estimate)
        double paperFloor = paper("fig5b").get("L → ∞")[1][0];
        assertEquals(paperFloor, ours("fig5b", "L → ∞").y()[0], 0.035 * paperFloor);
        double[] plateau = {0.4837, 0.4040, 0.3565};
        int[] depths = {1, 2, 4};
        for (int j = 0; j < 3; j++) {
            double[] y = ours("fig5b", "Theory (L = " + depths[j] + ")").y();
            double min = java.util.Arrays.stream(y).min().orElseThrow();
            // 4 SE of the 400-projection average (SE 0.004-0.005 at the optimum)
            assertEquals(plateau[j], min, 0.02, "fig5b plateau L = " + depths[j]);
        }
    }

    /**
     * Fig. 5c is at D = 180, not 64: the same flows (L = ⌊(N/4)^ν⌋, η = 0.85, t = 2ηn/N, Haar-projection average for
     * N &lt; D) at D = 64 were about 10x too fast in steps, also at N = 64 (median 23-122 %, max 40-136 % over
     * n = 10..3000); a direct simulation of the port's SGD at D = 64 (its 5c default) reproduces that D = 64 flow, not
     * the paper. At D = 180 (the port's 5a default) the drop, n = 10..3000, is matched to a median 0.8-1.4 % and 90 % of
     * the vertices within 2.9-5.7 % (the paper's runs: B = 64 contexts a step); D = 128/160/200 give medians 19/6/4.5 %
     * (numpy, the same model) and D = 64 at η/10 fits the drop but lies 15-21 % below every paper curve beyond n = 10^4. Beyond n = 3000
     * the paper lies above on average, by 10.7 % (N = 4, 8) down to 1.0 % (N = 64): the SGD excess (README 5c row).
     */
    @Test
    void fig5cIsTheFlowAtDimension180() throws IOException {
        Map<String, double[][]> paper = paper("fig5c");
        int[] widths = {4, 8, 16, 32, 64};
        for (int n : widths) {
            double[][] p = paper.get("N = " + n);
            Chart.Series s = ours("fig5c", "Theory (N = " + n + ")");
            double perStep = n * n * Math.floor(n / 4.0);
            List<Double> drop = new ArrayList<>();
            double lateSum = 0;
            int late = 0;
            for (int i = 0; i < p[0].length; i++) {
                double step = p[0][i] / perStep;
                if (step < 10) {
                    continue;
                }
                double y = at(s, p[0][i], true, true);
                if (Double.isNaN(y)) {
                    // ours ends at its last sample time below n = 50000 (the upTo cut of the log-spaced times)
                    assertTrue(step > 3000 && p[0][i] > s.x()[s.x().length - 1], "fig5c N = " + n + " at step " + step);
                    continue;
                }
                double dev = Math.log10(y / p[1][i]);
                if (step <= 3000) {
                    drop.add(Math.abs(dev));
                } else {
                    lateSum += dev;
                    late++;
                }
            }
            double[] d = drop.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            assertTrue(d.length > 100, "fig5c N = " + n + ": " + d.length + " vertices in the drop");
            assertTrue(d[d.length / 2] <= log10(0.02), "fig5c N = " + n + " drop median " + d[d.length / 2]);
            assertTrue(d[(int) (0.9 * d.length)] <= log10(0.07), "fig5c N = " + n + " drop 90th percentile "
                    + d[(int) (0.9 * d.length)]);
            assertTrue(late > 100, "fig5c N = " + n + ": " + late + " vertices beyond n = 3000");
            assertTrue(lateSum / late < 0, "fig5c N = " + n + ": the paper's SGD lies above the flow beyond n = 3000, "
                    + "mean " + lateSum / late);
        }
    }

    /**
     * Fig. 6a: the paper's normalised theory 𝓛/𝓛(0) on the SGD-step axis. Measured worst 1.0-1.5 %, in the drop
     * (steps 119-146) where 𝓛/𝓛(0) falls by 0.5 per half-decade of steps, so it is a 0.3 % difference of clock.
     */
    @Test
    void fig6aNormalisedTheory() throws IOException {
        for (int l : new int[] {1, 2, 4, 8}) {
            String name = "Theory (L = " + l + ")";
            within("fig6a", name, name, 0.7, 1413, 0.015);
        }
    }

    /**
     * Fig. 6b is the port's run (`run_dim_free_dynamics.py`: D = N = 80, P = 256, σ₀ = 0.45, lr 0.125√D, loss recorded
     * before each step, plotted against the step index): its value matrix W_v = σ₀√N·I makes γ(0) = 2√N σ₀⁵ = 0.330,
     * not 2σ₀⁵ = 0.037, so the curves start at 0.54-0.59 and the step-1 loss is 0.48-0.55 (the earlier builder: 0.96,
     * an 80-100 % gap); P = 256 raises the depth floors 8-64 % above P = ∞ (0.137 … 0.0060 vs 0.127 … 0.0037). Measured (200 sampled contexts): step 1 within
     * 2.6 % for every L (the same sign and size at every L: the port draws step n's batch from seed n + 1 for every
     * depth, so one batch's fluctuation is common to all five curves), the median vertex within 1.0-1.3 %, 90 % of the
     * vertices within 2.4-3.5 %, every vertex within 6.0 % for L = 1, 2, 4, 16. L = 8 (γ* = 11.3 near the stability
     * edge of the sampled contexts) has single-step upward excursions of the SGD loss up to +24 % (23 vertices beyond
     * 6.5 %, all with the paper above, all at n ≥ 478); where ours is above the paper it is by at most 4.4 %.
     */
    @Test
    void fig6bIsThePortsRunAtFiniteContext() throws IOException {
        Map<String, double[][]> paper = paper("fig6b");
        for (int l : new int[] {1, 2, 4, 8, 16}) {
            String name = "L = " + l;
            double[][] p = paper.get(name);
            Chart.Series s = ours("fig6b", "Theory (L = " + l + ")");
            double[] dev = new double[p[0].length];
            double oursAbove = 0;
            for (int i = 0; i < dev.length; i++) {
                double y = at(s, p[0][i], true, true);
                assertTrue(Double.isFinite(y), "fig6b " + name + " at step " + p[0][i]);
                dev[i] = Math.log10(y / p[1][i]);
                oursAbove = Math.max(oursAbove, dev[i]);
                if (l == 8 && Math.abs(dev[i]) > log10(0.065)) {
                    assertTrue(dev[i] < 0 && p[0][i] >= 300, "fig6b L = 8 excursion at step " + p[0][i] + ": " + dev[i]);
                }
            }
            assertEquals(1, p[0][0], 0, "the paper's first vertex is step 1");
            assertTrue(Math.abs(dev[0]) <= log10(0.03), "fig6b " + name + " step 1: " + dev[0]);
            double[] sorted = java.util.Arrays.stream(dev).map(Math::abs).sorted().toArray();
            assertTrue(sorted[sorted.length / 2] <= log10(0.015), "fig6b " + name + " median " + sorted[sorted.length / 2]);
            assertTrue(sorted[(int) (0.9 * sorted.length)] <= log10(0.045), "fig6b " + name + " 90th percentile "
                    + sorted[(int) (0.9 * sorted.length)]);
            if (l != 8) {
                within("fig6b", name, "Theory (L = " + l + ")", 1, 1000, log10(0.065));
            }
            assertTrue(oursAbove <= log10(0.065), "fig6b " + name + ": ours above the paper by " + oursAbove);
        }
        // the guide: the port draws t^-(5 beta/(5 beta + 2)) itself on t = 10 .. 1000 (read-off 0.21 %)
        double[][] g = paper.get("t^(-5β/(5β+2))");
        Chart.Series guide = ours("fig6b", "t^(-5β/(5β+2))");
        for (int i = 0; i < 2; i++) {
            assertEquals(g[0][i], guide.x()[i], 1e-9 * g[0][i], "guide end " + i);
            assertEquals(0, Math.log10(guide.y()[i] / g[1][i]), log10(0.0021), "guide end " + i);
        }
    }

    /**
     * Figs. 4a and 4c are SGD at P = 512 (α = 8 and 11.4): the P = ∞ theory on the paper's clock t = 2ηn/D is below
     * them by a gap that grows with β (4a; measured at n = 1811: 5 %, 8 %, 11 %, 20 %, 32 % and 2.5x for β = 0.5 …
     * 4) and with L (4c: 10 % … 63 %), the finite-context floor; early (n ≤ 30, before any floor) within 16 % (β = 2: 13 %) and
     * 12 % (L = 1: 10.6 % at n = 8). The 12 % (earlier 10 %) is not a finite-context allowance: the finite-context
     * theory of the paper's run has the same early gap (10.8 % at n = 8, {@link #fig4FiniteContextTheoryAtThePaperSize}),
     * so before any floor the paper's SGD runs ahead of gradient flow by up to 11 %, a gap left unexplained here.
     */
    @Test
    void fig4SgdAtFiniteContext() throws IOException {
        for (double b : new double[] {0.5, 0.75, 1, 1.5, 2, 4}) {
            String n = String.format(java.util.Locale.ROOT, "%.2f", b);
            within("fig4a", "β = " + n, "Theory (β = " + n + ")", 1, 30, log10(0.16));
        }
        for (int l : new int[] {1, 2, 4, 8, 16}) {
            within("fig4c", "L = " + l, "Theory (L = " + l + ")", 1, 30, log10(0.12));
        }
    }

    /**
     * The finite-context theory of the paper's own runs (Theory.trainingTheory of a TrainSpec at the paper's D, α,
     * η: the RRS flow on the finite-α deterministic equivalent) on the paper's step axis: the largest deviation from
     * the paper's SGD curves over vertices with x in [from, to] (log10 metric).
     */
    static double finiteContextDeviation(String panel, String curve, double nu, double beta, int d, double alpha,
            int depth, boolean untied, double flowPerStep, double from, double to) throws IOException {
        double[][] p = paper(panel).get(curve);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < p[0].length; i++) {
            if (p[0][i] >= from && p[0][i] <= to) {
                xs.add(p[0][i]);
                ys.add(p[1][i]);
            }
        }
        org.iclscale.model.ModelSpec spec = org.iclscale.model.ModelSpec.rrs(org.iclscale.model.PowerLaw.of(nu, beta, d))
                .alpha(alpha).depth(depth).build();
        org.iclscale.model.TrainSpec run = org.iclscale.model.TrainSpec.builder(spec,
                org.iclscale.model.TrainSpec.Architecture.REDUCED).untied(untied)
                .eta(untied ? flowPerStep * depth : flowPerStep).steps((int) Math.ceil(to)).build();
        double[] steps = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] loss = org.iclscale.model.Theory.standard().trainingTheory(run, steps,
                java.util.EnumSet.of(org.iclscale.model.TrainingTheory.Curve.THEORY)).theory().orElseThrow().loss();
        double worst = 0;
        double signed = 0;
        double at = Double.NaN;
        double late = 0;
        for (int i = 0; i < steps.length; i++) {
            double dev = Math.log10(loss[i] / ys.get(i));
            if (Math.abs(dev) > worst) {
                worst = Math.abs(dev);
                signed = dev;
                at = steps[i];
            }
            if (steps[i] > 30) {
                late = Math.max(late, Math.abs(dev));
            }
        }
        LAST.put(panel + " " + curve + " (finite alpha)", String.format(java.util.Locale.ROOT,
                "%.3g (signed %.3g at x = %.4g; beyond x = 30: %.3g; %d vertices)", worst, signed, at, late, steps.length));
        return worst;
    }

    /**
     * Figs. 4a/4c against the finite-context theory of the paper's own runs (D = 64, P = 512, L = 8, η = 5; D = 45,
     * P = 512, untied at η₀ = 3), Theory.trainingTheory on the paper's step axis. Where the SGD noise is small against
     * the loss (4a β ≤ 1, 4c L = 1, 2, 16) the theory follows the paper beyond n = 30 within 10 % (measured at most
     * 9.0 %, 4a β = 1; P = ∞: 10-63 % on 4c), so the P = ∞ gap of {@link #fig4SgdAtFiniteContext} is the finite
     * context. Where the loss is small (4a β = 1.5, 2, 4: down to 0.004) or the untied layers deep (4c L = 4, 8),
     * the paper's curves lie above the flow (measured: 17 %, 29 %, 2.2x; 12 %, 61 %): one-sided, as the SGD-noise
     * excess of η = 5 at B = 256 (4a) and the untied saddle of L ≥ 2 (4c, README errata) are — gradient flow has
     * neither. Asserted: the bound, the improvement over P = ∞, and the sign of the rest.
     */
    @Test
    void fig4FiniteContextTheoryAtThePaperSize() throws IOException {
        double perA = Clocks.perStep(Fig4.ETA_A, 64);
        double perC = Clocks.perStep(Fig4.ETA_C, 45);
        for (double b : new double[] {0.5, 0.75, 1}) {
            String n = String.format(java.util.Locale.ROOT, "%.2f", b);
            double d = finiteContextDeviation("fig4a", "β = " + n, 1.5, b, 64, 8, 8, false, perA, 30, 3000);
            assertTrue(d <= log10(0.10), "fig4a beta = " + n + ": " + LAST.get("fig4a β = " + n + " (finite alpha)"));
        }
        for (int l : new int[] {1, 2, 16}) {
            double d = finiteContextDeviation("fig4c", "L = " + l, 1.75, 0.5, 45, 512.0 / 45, l, true, perC, 30, 3.3e4);
            assertTrue(d <= log10(0.10), "fig4c L = " + l + ": " + LAST.get("fig4c L = " + l + " (finite alpha)"));
            assertTrue(d < deviation("fig4c", "L = " + l, "Theory (L = " + l + ")", 30, 3.3e4),
                    "the finite-context theory is closer than P = inf at L = " + l);
        }
        for (double b : new double[] {1.5, 2, 4}) {
            String n = String.format(java.util.Locale.ROOT, "%.2f", b);
            finiteContextDeviation("fig4a", "β = " + n, 1.5, b, 64, 8, 8, false, perA, 30, 3000);
            assertTrue(LAST.get("fig4a β = " + n + " (finite alpha)").contains("signed -"), "fig4a beta = " + n
                    + ": the paper's SGD above the flow");
        }
        for (int l : new int[] {4, 8}) {
            finiteContextDeviation("fig4c", "L = " + l, 1.75, 0.5, 45, 512.0 / 45, l, true, perC, 30, 3.3e4);
            assertTrue(LAST.get("fig4c L = " + l + " (finite alpha)").contains("signed -"), "fig4c L = " + l
                    + ": the paper's SGD above the flow");
        }
    }

    /** Fig. 8a/8b: the untied gradient-descent iterates at η = 0.2 match the paper (read-off 0.15 % / 4.6e-3). */
    @Test
    void fig8UntiedLayers() throws IOException {
        for (int l : new int[] {1, 2, 4, 8}) {
            within("fig8a", "L = " + l, "L = " + l, 0.6, 7700, log10(0.0015));
            for (int layer = 1; layer <= l; layer++) {
                String name = "L = " + l + "; ℓ = " + layer;
                within("fig8b", name, name, 0, 5000, 4.6e-3);
            }
        }
        // plateaus and γ* of the §3.4 table (D = 64)
        double[] gammaStar = {1.072, 2.604, 5.951};
        int[] depths = {1, 2, 4};
        for (int j = 0; j < 3; j++) {
            double[] g = ours("fig8b", "L = " + depths[j] + "; ℓ = 1").y();
            assertEquals(gammaStar[j], g[g.length - 1], 2e-3, "gamma* L = " + depths[j]);
        }
    }

    /**
     * The port's notebook recursion (notes §3.2 [PORT], σ = 0, r = 1 + 1/α): a = 1 − 2ηr + η²(1 + τ⁻¹(1+κ⁻¹)r)r,
     * b = η²(1 + τ⁻¹(1+κ⁻¹)r)/(1+α), from C(0) = r⁻². Written here independently of the tool, to identify the
     * paper's plotted theory curves.
     */
    static double notebookRecursion(double t, double alpha, double kappa, double tau, double eta) {
        double r = 1 + 1 / alpha;
        double a = 1 - 2 * eta * r + eta * eta * (1 + (1 + 1 / kappa) * r / tau) * r;
        double b = eta * eta * (1 + (1 + 1 / kappa) * r / tau) / (1 + alpha);
        double c = Math.pow(a, t) / (r * r) + (1 - Math.pow(a, t)) / (1 - a) * b;
        return c + 2 / alpha / (r * r) * Math.pow(1 - eta * r, t) + 1 / ((1 + alpha) * (1 + alpha));
    }

    private static final String[] FIG7_VARIABLE = {"τ", "α", "κ"};
    private static final String[] FIG7_VALUES = {"0.10", "0.20", "0.40", "0.80", "1.60"};

    /**
     * Fig. 7's theory curves, identified: they are the port's notebook recursion at η = 0.03 with κ = 4 in 7a/7b
     * (captions: κ = 1), drawn one step early (the paper's x = t shows the value after t + 1 steps) — to 1e-6, far
     * inside the read-off error 3.4e-4. The tool draws Result 10 itself (C(0) = g⁻², exact mean part (1 − ηg)²)
     * from 𝓛(0) = 1: one step later it lies within 0.0038 of the paper's (measured, all 15 curves: the O(η²) terms in
     * which the notebook's a and b differ from Result 10), while at x = 0 the paper starts at 0.94–0.96, not 1.
     */
    @Test
    void fig7TheoryCurvesAreTheNotebookRecursionOneStepEarly() throws IOException {
        for (int p = 0; p < 3; p++) {
            String panel = "fig7" + (char) ('a' + p);
            Map<String, double[][]> paper = paper(panel);
            for (String v : FIG7_VALUES) {
                double value = Double.parseDouble(v);
                double alpha = p == 1 ? value : 1;
                double kappa = p == 2 ? value : 4;
                double tau = p == 0 ? value : 1;
                String name = "Theory (" + FIG7_VARIABLE[p] + " = " + v + ")";
                double[][] c = paper.get(name);
                assertNotNull(c, panel + " " + name);
                Chart.Series s = ours(panel, name);
                double worstNotebook = 0;
                double worstOurs = 0;
                for (int i = 0; i < c[0].length; i++) {
                    worstNotebook = Math.max(worstNotebook, Math.abs(notebookRecursion(c[0][i] + 1, alpha, kappa, tau,
                            0.03) - c[1][i]));
                    double next = at(s, c[0][i] + 1, false, false);
                    if (!Double.isNaN(next)) {
                        worstOurs = Math.max(worstOurs, Math.abs(next - c[1][i]));
                    }
                }
                assertTrue(worstNotebook <= 3.4e-4, panel + " " + name + ": notebook recursion off by " + worstNotebook);
                assertTrue(worstOurs <= 0.0045, panel + " " + name + ": Result 10 one step later off by " + worstOurs);
                assertEquals(1.0, s.y()[0], 1e-12, "Gamma(0) = 0");
                assertTrue(c[1][0] < 0.97, panel + " " + name + ": the paper's first point " + c[1][0]);
            }
        }
    }

    /**
     * Fig. 7's experiments (SGD, the paper's D) on the tool's Result 10 at η = 0.03, κ = 4 in 7a/7b: within 0.025
     * absolute at every vertex (measured 0.019, 7a τ = 0.1; 0.008 in 7b, 0.009 in 7c). At the captions' κ = 1 the
     * 7a curves miss by 0.23 (τ = 0.1), which direct SGD confirms (README errata: at D = 128, κ = 1, τ = 0.1, 100
     * steps end at 0.682 ± 0.009, κ = 4 at 0.416 ± 0.003; the paper's run ends near 0.42).
     */
    @Test
    void fig7ExperimentsLieOnResultTenAtThePapersKappa() throws IOException {
        for (int p = 0; p < 3; p++) {
            String panel = "fig7" + (char) ('a' + p);
            for (String v : FIG7_VALUES) {
                String label = FIG7_VARIABLE[p] + " = " + v;
                within(panel, label, "Theory (" + label + ")", 0, 100, 0.025);
            }
        }
        // today's (caption) κ = 1 in 7a would be far off: the recursion at τ = 0.1, t = 99
        double atCaptionKappa = org.iclscale.model.Theory.standard().sgd(org.iclscale.model.SgdRequest.of(1, 1, 0.1, 0.03,
                0, 99)).gammaDistance()[99];
        double[][] e = paper("fig7a").get("τ = 0.10");
        assertTrue(atCaptionKappa - e[1][e[1].length - 1] > 0.2, "kappa = 1: " + atCaptionKappa + " vs the paper's "
                + e[1][e[1].length - 1]);
    }
}
