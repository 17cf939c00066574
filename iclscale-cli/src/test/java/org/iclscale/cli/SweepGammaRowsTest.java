package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.iclscale.sweep.Point;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 goal 2: the CSV line of a row of a batched γ run written without its report
 * ({@link SweepTable.CsvStream#row}) is byte for byte the line of the generic route (the row's report through
 * {@link SweepTable.CsvStream#rows}), in every deterministic-equivalent regime, with and without label noise, in
 * mixed sweeps (γ and another option), with --with-index and --fields, and where it does not apply (a prose
 * column, γ beyond the stability edge where the loss overflows or the interpolant is not used); and the whole
 * {@code sweep} command writes exactly those lines.
 */
class SweepGammaRowsTest {

    private static final String RRS = "--setting rrs --nu 1.5 --beta 0.8 --dim 120 ";

    /** Sweep arguments (after VERB) and whether every batched row (whose report is finite) takes the fast line. */
    private static final Object[][] CASES = {
        {RRS + "--depth 4 --width 30 --gamma 0.5:6:lin:300", true},
        {RRS + "--depth 4 --alpha 0.5 --gamma 0.5:6:lin:300", true},
        {RRS + "--depth 4 --alpha 0.5 --sigma 0.5 --gamma 0.5:6:lin:300", true},
        {RRS + "--depth 4 --width 30 --alpha 0.5 --sigma 0.3 --gamma 0.5:6:lin:300", true},
        {RRS + "--width 30 --alpha 0.5,2 --depth 2,4 --gamma 0.5:6:lin:70", true},
        {RRS + "--depth 4 --sigma 0,0.5 --gamma 0.5:6:lin:200", true},
        // γ not the fastest axis: runs of one point, every row through its report (no batched rows)
        {RRS + "--depth 4 --gamma 0.5:6:lin:20 --sigma 0,0.5", false},
        {"--alpha 0.5 --depth 8 --sigma 0.5 --gamma 0.1:3:lin:150", true},
        {RRS + "--depth inf --width 30 --gamma 0.5:6:lin:130", true},
        {RRS + "--depth 4 --width 30 --alpha 0.5 --gamma 1,2,3,4", true},
        // beyond the Wishart edge 2L/s+ (~7): no level and no interpolant there, the direct route, edge notes
        {RRS + "--depth 4 --alpha 0.5 --gamma 0.5:9:lin:200", true},
        // beyond the edge at L = 64 the loss overflows: those rows go through their report (which refuses them)
        {RRS + "--depth 64 --gamma 0.5:3:lin:10", true},
    };

    @Test
    void fastLinesAreTheGenericLines() {
        int fast = 0;
        for (Object[] c : CASES) {
            for (List<String> fields : new ArrayList<List<String>>(java.util.Arrays.asList(null, List.of("excessLoss", "sigma", "loss"),
                    List.of("method", "loss")))) {
                for (boolean withIndex : new boolean[] {false, true}) {
                    fast += compare((String) c[0], fields, withIndex, (Boolean) c[1] && (fields == null
                            || !fields.contains("method")));
                }
            }
        }
        assertTrue(fast > 5000, "fast lines compared: " + fast);
    }

    /** Compares every row of the sweep; returns the number of fast lines. */
    private static int compare(String args, List<String> fields, boolean withIndex, boolean expectFast) {
        SweepPlan plan = SweepPlan.of("risk", List.of(args.split(" ")), Set.of());
        SweepPlan.Worker worker = plan.newWorker();
        SweepTable table = SweepTable.of(plan, plan.newWorker().evaluate(plan.grid().point(0)), fields, withIndex);
        SweepTable.CsvStream fastStream = table.csvStream();
        SweepTable.CsvStream generic = table.csvStream();
        int fast = 0;
        int rows = 0;
        for (long from = 0; from < plan.grid().size(); from += SweepCommand.GAMMA_BLOCK) {
            List<Point> points = new ArrayList<>();
            for (long i = from; i < Math.min(plan.grid().size(), from + SweepCommand.GAMMA_BLOCK); i++) {
                points.add(plan.grid().point(i));
            }
            List<Object> entries = worker.evaluateAll(points);
            for (int i = 0; i < entries.size(); i++) {
                Object e = entries.get(i);
                if (!(e instanceof GammaRun.Row row)) {
                    continue;
                }
                rows++;
                String line = fastStream.row(points.get(i), row);
                List<String> expected;
                try {
                    expected = generic.rows(points.get(i), row.report());
                } catch (RuntimeException notFinite) {
                    assertNull(line, "a row the generic route refuses has no fast line: " + args);
                    continue;
                }
                if (expectFast) {
                    assertNotNull(line, args + ", " + points.get(i));
                }
                if (line != null) {
                    assertEquals(expected, List.of(line), args + ", " + fields + ", " + points.get(i));
                    fast++;
                }
            }
        }
        assertEquals(!args.endsWith("--sigma 0,0.5"), rows > 0, "batched rows in " + args);
        if (!expectFast) {
            assertEquals(0, fast, "no fast line with a prose column: " + args);
        }
        return fast;
    }

    /** The whole command (fast lines) against the header and the generic lines of the same batched rows. */
    @Test
    void theCommandWritesTheGenericLines() {
        for (Object[] c : CASES) {
            String args = (String) c[0];
            SweepPlan plan = SweepPlan.of("risk", List.of(args.split(" ")), Set.of());
            SweepPlan.Worker worker = plan.newWorker();
            SweepTable table = SweepTable.of(plan, plan.newWorker().evaluate(plan.grid().point(0)), null, false);
            SweepTable.CsvStream generic = table.csvStream();
            StringBuilder expected = new StringBuilder(table.csvHeader()).append(System.lineSeparator());
            boolean refused = false;
            for (long from = 0; from < plan.grid().size() && !refused; from += SweepCommand.GAMMA_BLOCK) {
                List<Point> points = new ArrayList<>();
                for (long i = from; i < Math.min(plan.grid().size(), from + SweepCommand.GAMMA_BLOCK); i++) {
                    points.add(plan.grid().point(i));
                }
                List<Object> entries = worker.evaluateAll(points);
                for (int i = 0; i < entries.size() && !refused; i++) {
                    try {
                        generic.rows(points.get(i), SweepPlan.Worker.report(entries.get(i)))
                                .forEach(l -> expected.append(l).append(System.lineSeparator()));
                    } catch (RuntimeException e) {
                        refused = true;
                    }
                }
            }
            List<String> argv = new ArrayList<>(List.of("sweep", "--threads", "2", "risk"));
            argv.addAll(List.of(args.split(" ")));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), argv.toArray(String[]::new));
            assertEquals(refused ? 1 : 0, code, args + ": " + err);
            assertEquals(expected.toString(), out.toString(), args);
        }
    }
}
