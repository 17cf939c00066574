package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.iclscale.core.Depth;
import org.iclscale.io.CsvTable;
import org.iclscale.theory.BalancedAttentionFlow;
import org.iclscale.theory.IsoModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code figure}: every theory figure is written (valid PNG ≤ 100 KB, SVG with an svg root, non-empty CSV) and
 * its CSV values equal the reference tables of paper-notes §3.1, §3.2, §3.4 and §6.
 */
class FigureCommandTest {

    @TempDir
    static Path dir;

    private static CliHarness.Run all;

    @BeforeAll
    static void writeAll() {
        // every figure but 5 (FigureFiveTest: the finite-width flows are the slowest part)
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int code = 0;
        for (String id : new String[] {"1c", "2", "3", "4", "6", "7", "8"}) {
            CliHarness.Run r = CliHarness.run("figure", id, "--out", dir.toString(), "--format", "json");
            code = Math.max(code, r.code());
            out.append(r.out());
            err.append(r.err());
        }
        all = new CliHarness.Run(code, out.toString(), err.toString());
    }

    private static CsvTable csv(String name) throws IOException {
        return CsvTable.parse(Files.readString(dir.resolve(name + ".csv")), name);
    }

    private static double cell(CsvTable t, int row, String column) {
        return t.number(row, t.index(column, column));
    }

    /** Row of the first x within 1e-9 (relative) of the wanted value. */
    private static int row(CsvTable t, String xColumn, double x) {
        for (int r = 0; r < t.rows(); r++) {
            if (Math.abs(cell(t, r, xColumn) - x) <= 1e-9 * Math.max(1, Math.abs(x))) {
                return r;
            }
        }
        throw new AssertionError(xColumn + " = " + x + " is not on the grid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fig1c", "fig2a", "fig2b", "fig2c", "fig3a", "fig3b", "fig3c", "fig4a", "fig4b", "fig4c", "fig6a", "fig6b",
        "fig7a", "fig7b", "fig7c", "fig8a", "fig8b"})
    void panelFilesAreValid(String name) throws Exception {
        assertEquals(0, all.code(), all.err());
        byte[] png = Files.readAllBytes(dir.resolve(name + ".png"));
        // a sanity bound against bloat: 200 dpi PNGs (issue 14) of one panel stay well below 300 KB
        assertTrue(png.length > 1000 && png.length <= 300 * 1024, name + ".png has " + png.length + " bytes");
        assertEquals(0x89, png[0] & 0xff);
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(dir.resolve(name + ".svg"))));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertTrue(doc.getElementsByTagName("path").getLength() + doc.getElementsByTagName("line").getLength() > 10);
        CsvTable t = csv(name);
        assertTrue(t.rows() > 5 && t.header().size() >= 2, name + ".csv");
        CsvTable longCsv = csv(name + ".long");
        assertEquals(java.util.List.of("panel", "curve", "kind", "x", "y"), longCsv.header().subList(0, 5), name);
        assertTrue(Files.readString(dir.resolve(name + ".py")).contains(name + ".long.csv"), name + ".py reads the CSV");
        assertTrue(Files.readString(dir.resolve(name + ".tex")).contains(name + ".long.csv"), name + ".tex reads the CSV");
        assertTrue(all.out().contains(name + ".png"), "listed in the JSON result");
    }

    /** paper-notes §3.1 table (exact Catalan values, 5 decimals): optimal loss for α × L. */
    @Test
    void fig1cMatchesTheIsoOptimumTable() throws IOException {
        double[] alphas = {0.25, 0.5, 1, 2, 4, 8};
        int[] depths = {1, 2, 4, 8, 16};
        double[][] table = {
            {0.80000, 0.76800, 0.75366, 0.75027, 0.75000},
            {0.66667, 0.59259, 0.54138, 0.51329, 0.50243},
            {0.50000, 0.37500, 0.27344, 0.19638, 0.13995},
            {0.33333, 0.18519, 0.08276, 0.02658, 0.00486},
            {0.20000, 0.07200, 0.01466, 0.00110, 0.00001},
            {0.11111, 0.02332, 0.00170, 0.00002, 0.00000}};
        CsvTable t = csv("fig1c");
        for (int i = 0; i < alphas.length; i++) {
            int r = row(t, "alpha", alphas[i]);
            for (int j = 0; j < depths.length; j++) {
                assertEquals(table[i][j], cell(t, r, "L" + depths[j]), 5.1e-6, "alpha " + alphas[i] + " L " + depths[j]);
                // γ* = Lα/(1+α) (§3.1), found by the numeric search
                assertEquals(depths[j] * alphas[i] / (1 + alphas[i]), cell(t, r, "gammaStarL" + depths[j]),
                        1e-6 * depths[j]);
            }
            assertEquals(Math.max(0, 1 - alphas[i]), cell(t, r, "Linf"), 1e-15);
        }
    }

    /** Fig. 2a/2b (notes §6): minima at γ/L = α/(1+α) with the §3.1 values, L = 1..32. */
    @Test
    void fig2MinimaSitAtAlphaOverOnePlusAlpha() throws IOException {
        int[] depths = {1, 2, 4, 8, 16, 32};
        double[] a = {0.66667, 0.59259, 0.54138, 0.51329, 0.50243, 0.50016};
        double[] b = {0.33333, 0.18519, 0.08276, 0.02658, 0.00486, 0.00032};
        check(csv("fig2a"), 1.0 / 3, depths, a);
        check(csv("fig2b"), 2.0 / 3, depths, b);
    }

    private static void check(CsvTable t, double x, int[] depths, double[] expected) {
        int r = row(t, "gammaPerLayer", x);
        for (int j = 0; j < depths.length; j++) {
            String col = "L" + depths[j];
            double atOptimum = cell(t, r, col);
            assertEquals(expected[j], atOptimum, 5.1e-6, col);
            for (int k = 0; k < t.rows(); k++) {
                assertTrue(cell(t, k, col) >= atOptimum - 1e-12, col + " lower at row " + k);
            }
        }
    }

    /** Fig. 2c exact Marchenko-Pastur minima at α = 1.125, L = 16 (notes §6): value and location. */
    @Test
    void fig2cNoisyMinima() throws IOException {
        double[][] expected = {{0, 0.529, 0.094}, {0.25, 0.518, 0.182}, {0.5, 0.167, 0.358}, {0.75, 0.077, 0.493},
            {1, 0.046, 0.593}};
        CsvTable m = csv("fig2c-minima");
        CsvTable curves = csv("fig2c");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], cell(m, i, "sigma"), 0);
            assertEquals(expected[i][1], cell(m, i, "gammaPerLayer"), 1.5e-3, "location, sigma " + expected[i][0]);
            assertEquals(expected[i][2], cell(m, i, "excessLoss"), 1.5e-3, "value, sigma " + expected[i][0]);
            String col = "sigma" + (expected[i][0] == Math.rint(expected[i][0]) ? Long.toString((long) expected[i][0])
                    : Double.toString(expected[i][0]));
            for (int k = 0; k < curves.rows(); k++) {
                assertTrue(cell(curves, k, col) >= cell(m, i, "excessLoss") - 1e-12, "grid below the optimum: " + col);
            }
        }
    }

    /**
     * Fig. 3b L = ∞ reference curve (notes §6: D = 128, ν = β = 1.25, factor-4 convention). The figure is now on the
     * ½-convention clock (the paper's), where App. D time τ is t = 2τ.
     */
    @Test
    void fig3bInfiniteDepthReferenceCurve() throws IOException {
        double[] times = {1, 10, 100, 1e3, 1e4, 1e5};
        double[] expected = {0.41805, 0.19891, 0.09760, 0.04782, 0.02337, 0.01136};
        CsvTable t = csv("fig3b");
        for (int i = 0; i < times.length; i++) {
            assertEquals(expected[i], cell(t, row(t, "time", 2 * times[i]), "Linf"), 5.1e-6, "t = " + times[i]);
        }
        // no benefit from depth: at late times all depths within 25 % of each other (notes §6 Fig. 3b)
        int late = row(t, "time", 1e4);
        assertEquals(1, cell(t, late, "L1") / cell(t, late, "L8"), 0.25);
    }

    /**
     * Fig. 3c (Result 5): the OOD loss rises with θ at every depth; deeper is better at small θ (spectral radius of
     * I − Σ⁻¹Σ′ below 1) and worse once the radius exceeds 1 (notes §3.3).
     */
    @Test
    void fig3cDepthCrossover() throws IOException {
        CsvTable t = csv("fig3c");
        for (int k = 1; k < t.rows(); k++) {
            assertTrue(cell(t, k, "L1") > cell(t, k - 1, "L1"), "L = 1 OOD loss rises with theta");
        }
        assertTrue(cell(t, 0, "spectralRadius") < 1);
        assertTrue(cell(t, 0, "L8") < cell(t, 0, "L1"), "deeper is better at small theta");
        int last = t.rows() - 1;
        assertTrue(cell(t, last, "spectralRadius") > 1);
        assertTrue(cell(t, last, "L8") > cell(t, last, "L1"), "deeper is worse at large theta");
    }

    /**
     * Fig. 4b minima at D = ∞ (notes §6 corrected: the paper's figure is the continuum, ν = 1.5, β = 0.8, P = N = ∞):
     * the paper's lowest vertices 0.20412 … 0.0062984 to 1e-4 + 1 % (its γ grid), γ* to its grid (1 %).
     */
    @Test
    void fig4bMinimaTable() throws IOException {
        double[] gamma = {1.082, 2.599, 5.964, 13.07, 28.64, 59.92, 122.5};
        double[] loss = {0.20412, 0.12466, 0.067963, 0.037019, 0.020274, 0.011241, 0.0062984};
        CsvTable t = csv("fig4b-minima");
        for (int i = 0; i < gamma.length; i++) {
            assertEquals(gamma[i], cell(t, i, "gammaStar"), 0.012 * gamma[i], "L = " + cell(t, i, "depth"));
            assertEquals(loss[i], cell(t, i, "minLoss"), 1e-4 + 0.002 * loss[i], "L = " + cell(t, i, "depth"));
            // Measured: the D = inf minima lie above the paper's by 0.003-0.04 % for L <= 16 but 0.43 % (L = 32) and
            // 0.82 % (L = 64), beyond the 0.25 % read-off error; a large finite D fits every depth within it (D = 2048:
            // at most 0.17 %), so the paper's panel is most likely a D ~ 2000 mode sum, which D = inf approaches
            // from above. The absolute 1e-4 agreement (above) is the criterion; the finite-D fit is checked here.
            double finite = org.iclscale.model.Theory.standard().optimum(org.iclscale.model.ModelSpec.rrs(
                    org.iclscale.model.PowerLaw.of(1.5, 0.8, 2048)).depth((int) cell(t, i, "depth")).build()).loss();
            assertEquals(loss[i], finite, 0.0025 * loss[i], "D = 2048 within the read-off error, L = " + cell(t, i, "depth"));
            assertTrue(cell(t, i, "minLoss") >= finite, "D = inf lies above the finite-D mode sum");
        }
    }

    /** Fig. 8 at D = 64 keeps the notes' §3.4 table (the D = 64 minima; Fig. 8's plateaus). */
    @Test
    void fig8PlateausAreTheDimension64Minima() throws IOException {
        double[] loss = {0.20110, 0.12141, 0.06453};
        CsvTable t = csv("fig8a");
        int last = t.rows() - 1;
        for (int i = 0; i < loss.length; i++) {
            assertEquals(loss[i], cell(t, last, "lossL" + (1 << i)), 5.1e-6, "L = " + (1 << i));
        }
    }

    /**
     * Fig. 7 theory: Result 10 with C(0) = g^-2 at the paper's η = 0.03 and κ = 4 in 7a/7b (README errata); the
     * reference values are the closed form 𝓛(t) = C(t) + 2α⁻¹g⁻²(1 − ηg)^t + (1 + α)⁻², C(t) = a^t g⁻² + (1 − a^t)
     * b/(1 − a) of notes §3.2 evaluated independently (Python, 4 digits).
     */
    @Test
    void fig7ShallowSgdTable() throws IOException {
        CsvTable a = csv("fig7a");
        assertEquals(0.5736, cell(a, 20, "tau0.1"), 6e-5);
        assertEquals(0.4325, cell(a, 50, "tau0.1"), 6e-5);
        assertEquals(0.4086, cell(a, 100, "tau0.1"), 6e-5);
        assertEquals(0.4231, cell(a, 20, "tau1.6"), 6e-5);
        assertEquals(0.2572, cell(a, 100, "tau1.6"), 6e-5);
        assertEquals(1.0, cell(a, 0, "tau0.4"), 1e-12); // Γ(0) = 0
        double[] b = {0.8536, 0.7140, 0.5254, 0.3204, 0.1588};
        double[] c = {0.3800, 0.3080, 0.2814, 0.2697, 0.2643};
        String[] v = {"0.1", "0.2", "0.4", "0.8", "1.6"};
        for (int i = 0; i < v.length; i++) {
            assertEquals(b[i], cell(csv("fig7b"), 100, "alpha" + v[i]), 6e-5);
            assertEquals(c[i], cell(csv("fig7c"), 100, "kappa" + v[i]), 6e-5);
        }
    }

    /** Fig. 8 / §3.4 gradient-flow trajectories (½-convention, D = 64, ν = 1.5, β = 0.8). */
    @Test
    void fig8Trajectories() throws IOException {
        CsvTable t = csv("fig8a");
        double[] times = {1, 10, 100, 1000};
        double[][] gamma = {{0.537, 1.071, 1.072, 1.072}, {0.484, 1.527, 3.375, 5.952}};
        double[][] loss = {{0.4002, 0.2011, 0.2011, 0.2011}, {0.5057, 0.1908, 0.1008, 0.0645}};
        int[] depths = {1, 4};
        for (int d = 0; d < 2; d++) {
            for (int i = 0; i < times.length; i++) {
                int r = row(t, "time", times[i]);
                assertEquals(gamma[d][i], cell(t, r, "gammaL" + depths[d]), 6e-4, "gamma L " + depths[d] + " t " + times[i]);
                assertEquals(loss[d][i], cell(t, r, "lossL" + depths[d]), 6e-5, "loss L " + depths[d] + " t " + times[i]);
            }
        }
    }

    /**
     * Fig. 6a (full linear attention, ISO, α = 1): plateaus = the exact optima of {@link IsoModel} and the §3.1
     * Catalan values; monotone decrease; the delayed drop of the paper (loss ≈ 1 until step ≈ 50, drop between
     * steps 100 and 500, notes §6); the paper's plotted plateaus are the optima over 𝓛(0) ([FIG-READ] 0.522,
     * 0.392, 0.286, 0.206, ±1–2 %).
     */
    @Test
    void fig6aPlateausAreTheIsoOptima() throws IOException {
        CsvTable t = csv("fig6a");
        double[] optimum = {0.5, 0.375, 0.2734375, 0.196380615234375}; // 1 − ½Σ_{n<L} C_n 4^{-n} (notes §3.1)
        double[] paperPlateau = {0.522, 0.392, 0.286, 0.206};
        int[] depths = {1, 2, 4, 8};
        int last = t.rows() - 1;
        assertEquals(1e4, cell(t, last, "step"), 1e-9);
        for (int j = 0; j < depths.length; j++) {
            String col = "L" + depths[j];
            double exact = IsoModel.optimalNoiselessLoss(1.0, Depth.of(depths[j]));
            assertEquals(optimum[j], exact, 1e-12, "IsoModel optimum table");
            assertEquals(exact, cell(t, last, col), 1e-9, col + " plateau");
            // the reduced flow (gamma from 0) at t = 2 eta 10^4 = 177: L = 8 still 4e-7 above its optimum
            assertEquals(exact, cell(t, last, "reducedL" + depths[j]), 1e-5, "reduced-Gamma plateau");
            assertEquals(paperPlateau[j], cell(t, last, "normalisedL" + depths[j]), 0.01 * paperPlateau[j],
                    "paper's normalised plateau, L = " + depths[j]);
            for (int r = 1; r < t.rows(); r++) {
                assertTrue(cell(t, r, col) <= cell(t, r - 1, col) + 1e-12, col + " increases at row " + r);
            }
            // delayed drop: still within 8 % of the start at step 50, most of the way down by step 500
            double start = cell(t, 0, col);
            assertTrue(cell(t, row(t, "step", Math.pow(10, 1.7)), col) > 0.92 * start, col + " drops before step 50");
            assertTrue(cell(t, row(t, "step", 100), col) > 0.8, col + " drops before step 100");
            assertEquals(exact, cell(t, row(t, "step", Math.pow(10, 2.7)), col), 1e-3, col + " not down by step 500");
        }
    }

    /** Fig. 6a against an independent integration: the four-factor {@code BalancedAttentionFlow} at time 2ηn. */
    @Test
    void fig6aMatchesTheFourFactorFlow() throws IOException {
        CsvTable t = csv("fig6a");
        double eta = 0.1 / Math.sqrt(128);
        double[] steps = {10, 100, Math.pow(10, 2.2), Math.pow(10, 2.4)};
        for (int l : new int[] {1, 8}) {
            double[] time = new double[steps.length];
            for (int i = 0; i < steps.length; i++) {
                time[i] = 2 * eta * steps[i];
            }
            BalancedAttentionFlow.Trajectory b = BalancedAttentionFlow.integrate(new IsoModel(1.0, Depth.of(l), 0), 0.4, 1.0, time);
            for (int i = 0; i < steps.length; i++) {
                int r = row(t, "step", steps[i]);
                assertEquals(b.gamma()[i], cell(t, r, "gammaL" + l), 1e-7 * Math.max(1, b.gamma()[i]), "L " + l + " step " + steps[i]);
                assertEquals(b.loss()[i], cell(t, r, "L" + l), 1e-8, "L " + l + " step " + steps[i]);
            }
        }
    }

    /**
     * Fig. 6b: late-time slope of the L = D = P = ∞ curve against 5β/(5β+2) = 0.75 at β = 1.2 (Result 9), fitted
     * between SGD steps n = 10⁵ and 10⁶ (t = 2795 … 27951; the approach is from above); tolerance 0.005. Finals
     * decrease with L and equal the depth floors of the finite-P landscapes (converged at n = 10⁶).
     */
    @Test
    void fig6bTimeExponentAndDepthFloors() throws IOException {
        CsvTable t = csv("fig6b");
        double beta = 1.2;
        double expected = 5 * beta / (5 * beta + 2);
        int a = row(t, "step", 1e5);
        int b = row(t, "step", 1e6);
        double slope = -Math.log(cell(t, b, "Linf") / cell(t, a, "Linf")) / Math.log(10);
        assertEquals(expected, slope, 0.005, "fitted late-time slope");
        assertEquals(expected, cell(t, 0, "timeExponent"), 1e-12, "exponent from the exponent table");
        CsvTable f = csv("fig6b-floors");
        assertEquals(5, f.rows());
        for (int i = 0; i < f.rows(); i++) {
            assertEquals(cell(f, i, "depthFloor"), cell(f, i, "finalLoss"), 1e-9 * cell(f, i, "depthFloor") + 1e-12);
            assertEquals(cell(f, i, "finalLoss"), cell(t, t.rows() - 1, "L" + (int) cell(f, i, "depth")), 0);
            if (i > 0) {
                assertTrue(cell(f, i, "finalLoss") < cell(f, i - 1, "finalLoss"), "finals decrease with L");
            }
        }
        // before the floors, deeper curves follow the L = inf curve: at n = 100 (t = 2.8) L = 16 at P = inf within 5 %
        // (measured 2.7 %: D = 80 modes against the continuum)
        int early = row(t, "step", 100);
        assertEquals(cell(t, early, "Linf"), cell(t, early, "infiniteContextL16"), 0.05 * cell(t, early, "Linf"));
    }

    /**
     * Fig. 6a overlay through the CLI: online SGD of full linear attention at D = 8 (B = D, 2 runs) against the
     * balanced flow on the exact D = 8 landscape. Loose allowance 4 SE + 0.15: at B = D = 8 the online-SGD excess
     * is 0.04-0.12 (seed 5); the tight check is FullAttentionOverlayTest (B = 8D). It still fails on a wrong
     * time axis (a factor 2 in t moves the loss at step 150 by ~ 0.3) or a wrong plateau. L = 4 may be omitted at
     * D = 8 (divergence from outlier sample eigenvalues, named in the CSV's 'omitted').
     */
    @Test
    void fig6aSimulationOverlay() throws IOException {
        Path sim = dir.resolve("sim6");
        CliHarness.Run r = CliHarness.run("figure", "6", "--out", sim.toString(), "--simulate", "--trials", "40",
                "--sim-dim", "8", "--sim-runs", "2", "--seed", "5");
        assertEquals(0, r.code(), r.err());
        CsvTable t = CsvTable.parse(Files.readString(sim.resolve("fig6a-simulation.csv")), "sim");
        assertTrue(t.rows() >= 16 && t.rows() % 8 == 0, "rows " + t.rows());
        for (int i = 0; i < t.rows(); i++) {
            double dev = Math.abs(cell(t, i, "loss") - cell(t, i, "finiteDimTheoryLoss"));
            assertTrue(dev <= 4 * cell(t, i, "standardError") + 0.15, "row " + i + ": deviation " + dev);
        }
        assertEquals(8.0, cell(t, 0, "dim"), 0);
    }

    /**
     * The reduced-model overlays on the paper's panels 3b, 4a, 4c, 8a through the CLI at D = 6 (fast): the tables
     * written next to the panels, SGD learning on every curve (last loss well below the first), and from x = 100 on
     * (past the first discrete steps, which run ahead of the flow) the SGD mean within 4 SE + 15 % of the run's own
     * theory ({@code Theory.trainingTheory}: the finite-α flow; FS L = 1: the exact finite-(D, P) flow, as at D = 6
     * the equivalent drops an O(1/P) term worth 8-20 % of the loss). The tight checks are RrsTrainingOverlayTest and
     * FsTrainingOverlayTest.
     */
    @Test
    void reducedModelTrainingPanels() throws IOException {
        Path sim = dir.resolve("simrrs");
        for (String f : new String[] {"3", "4", "8"}) {
            CliHarness.Run r = CliHarness.run("figure", f, "--out", sim.toString(), "--simulate", "--trials", "20",
                    "--sim-dim", "6", "--sim-runs", "2", "--seed", "3");
            assertEquals(0, r.code(), r.err());
        }
        assertTrue(Files.exists(sim.resolve("fig3a-simulation.csv")), "3a: gamma_k of the L = 8 runs");
        for (String panel : new String[] {"fig3b", "fig4a", "fig4c", "fig8a"}) {
            assertTrue(Files.size(sim.resolve(panel + ".png")) > 1000, panel + ".png");
            CsvTable t = CsvTable.parse(Files.readString(sim.resolve(panel + "-simulation.csv")), panel);
            boolean fs = panel.equals("fig3b");
            CsvTable exact = fs ? CsvTable.parse(Files.readString(sim.resolve("fig3b-simulation-exact.csv")), "exact") : null;
            String parameter = panel.equals("fig4a") ? "beta" : "depth";
            int first = 0;
            for (int i = 0; i < t.rows(); i++) {
                boolean last = i == t.rows() - 1 || cell(t, i + 1, parameter) != cell(t, i, parameter);
                double ref = fs && cell(t, i, "depth") == 1 ? cell(exact, i, "exactShallowTheoryLoss")
                        : cell(t, i, "theoryLoss");
                if (cell(t, i, "x") >= 100) {
                    double dev = Math.abs(cell(t, i, "loss") - ref);
                    assertTrue(dev <= 4 * cell(t, i, "standardError") + 0.15 * ref, panel + " row " + i + ": "
                            + cell(t, i, "loss") + " vs " + ref);
                }
                if (last) {
                    assertTrue(cell(t, i, "loss") < 0.6 * cell(t, first, "loss"), panel + " row " + i + ": SGD learns");
                    first = i + 1;
                }
            }
            assertEquals(6.0, cell(t, 0, "dim"), 0);
        }
    }

    @Test
    void unknownFigureIsBadInput() {
        CliHarness.Run r = CliHarness.run("figure", "9", "--out", dir.resolve("nine").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("9") && r.err().contains("1c"), r.err());
    }

    @Test
    void simulationOverlayAgreesWithTheory() throws IOException {
        Path sim = dir.resolve("sim");
        CliHarness.Run r = CliHarness.run("figure", "1c", "--out", sim.toString(), "--simulate", "--trials", "60",
                "--sim-dim", "48", "--seed", "7");
        assertEquals(0, r.code(), r.err());
        CsvTable t = CsvTable.parse(Files.readString(sim.resolve("fig1c-simulation.csv")), "sim");
        assertEquals(30, t.rows());
        int within = 0;
        for (int i = 0; i < t.rows(); i++) {
            double dev = Math.abs(cell(t, i, "loss") - cell(t, i, "theoryLoss"));
            // finite D = 48: allow 4 standard errors plus a finite-size bias of 0.02
            if (dev <= 4 * cell(t, i, "standardError") + 0.02) {
                within++;
            }
        }
        assertTrue(within >= 28, within + " of 30 simulation points agree with the theory");
    }
}
