package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.iclscale.io.JsonWriter;
import org.iclscale.io.Report;
import org.iclscale.sweep.Point;
import org.iclscale.sweep.PointFailedException;
import org.iclscale.sweep.SweepRunner;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 goal 2: a run of points that differ only in {@code --gamma} is computed together
 * ({@link SweepPlan.Worker#evaluateAll}, {@link Verb#computeAtGammas}); each report is the one the single-point
 * path gives (compared as JSON), in every deterministic-equivalent regime and where the run mixes γ = opt, and a
 * point that fails inside a run stops it at that point with the single path's error.
 */
class SweepGammaRunsTest {

    private static final String RRS = "--setting rrs --nu 1.5 --beta 0.8 --dim 120 --depth 4 ";

    @Test
    void runsOfGammaGiveTheSinglePointReports() {
        for (String args : new String[] {RRS + "--width 30 --gamma 0.5:6:lin:37",
            RRS + "--alpha 0.5 --sigma 0.5 --gamma 0.5:6:lin:37",
            RRS.replace("--depth 4 ", "") + "--width 30 --alpha 0.5 --sigma 0.3 --depth 2,4 --gamma 0.5:6:lin:19",
            "--alpha 0.5,2 --depth 8 --sigma 0.5 --gamma 0.1:3:lin:11",
            RRS + "--width 30 --alpha 0.5 --gamma 1,opt,2,3"}) {
            SweepPlan plan = SweepPlan.of("risk", List.of(args.split(" ")), Set.of());
            List<Point> points = new ArrayList<>();
            for (long i = 0; i < plan.grid().size(); i++) {
                points.add(plan.grid().point(i));
            }
            List<Object> batched = plan.newWorker().evaluateAll(points);
            SweepPlan.Worker single = plan.newWorker();
            assertEquals(points.size(), batched.size(), args);
            for (int i = 0; i < points.size(); i++) {
                assertEquals(json(single.evaluate(points.get(i))), json(SweepPlan.Worker.report(batched.get(i))), args + ", " + points.get(i));
            }
        }
    }

    /**
     * Runs long enough for the interpolated route (a sweep block of 128 γ on one level: BatchedContourLosses, the
     * one-point density's evaluateAll): every field but the loss, the excess loss and the method's imaginaryPart is
     * the single path's, and those within 1e-13 relative (BatchedContourLossesTest bounds them by the direct route's
     * own rounding); the regimes without a batched kernel (ISO, RRS at N = α = ∞, L = ∞) give identical reports.
     */
    @Test
    void longRunsGiveTheSinglePointReportsToRounding() {
        String[] interpolated = {RRS + "--width 30 --gamma 0.5:6:lin:128",
            RRS + "--alpha 0.5 --sigma 0.5 --gamma 0.5:6:lin:128",
            RRS + "--width 30 --alpha 0.5 --sigma 0.3 --gamma 0.5:6:lin:128"};
        String[] exact = {"--alpha 0.5 --depth 8 --sigma 0.5 --gamma 0.1:3:lin:128",
            RRS + "--gamma 0.5:6:lin:128", RRS.replace("--depth 4 ", "--depth inf ") + "--width 30 --gamma 0.5:6:lin:128"};
        for (String[] group : new String[][] {interpolated, exact}) {
            for (String args : group) {
                SweepPlan plan = SweepPlan.of("risk", List.of(args.split(" ")), Set.of());
                List<Point> points = new ArrayList<>();
                for (long i = 0; i < plan.grid().size(); i++) {
                    points.add(plan.grid().point(i));
                }
                List<Object> batched = plan.newWorker().evaluateAll(points);
                SweepPlan.Worker single = plan.newWorker();
                int differing = 0;
                for (int i = 0; i < points.size(); i++) {
                    Report one = single.evaluate(points.get(i));
                    Report many = SweepPlan.Worker.report(batched.get(i));
                    if (group == exact) {
                        assertEquals(json(one), json(many), args + ", " + points.get(i));
                        continue;
                    }
                    assertEquals(one.fields().keySet(), many.fields().keySet(), args);
                    assertEquals(one.notes(), many.notes(), args);
                    for (String key : one.fields().keySet()) {
                        Object a = one.fields().get(key);
                        Object b = many.fields().get(key);
                        if (key.equals("loss") || key.equals("excessLoss")) {
                            double x = (Double) a;
                            double y = (Double) b;
                            differing += x == y ? 0 : 1;
                            assertTrue(Math.abs(x - y) <= 1e-13 * Math.abs(x), args + ", " + key + " " + x + " vs " + y);
                        } else if (key.equals("method")) {
                            String noResidue = "imaginaryPart [-0-9.e+]+";
                            assertEquals(((String) a).replaceAll(noResidue, ""), ((String) b).replaceAll(noResidue, ""));
                        } else {
                            assertEquals(a, b, args + ", " + key);
                        }
                    }
                }
                System.out.println(args + ": " + differing + " of " + 2 * points.size() + " loss values differ in last digits");
            }
        }
    }

    @Test
    void aFailingPointInsideARunIsNamedAsOnItsOwn() {
        // at L = 64 the contour refuses a gamma far beyond the stability edge (its filter grows past 1e6)
        SweepPlan plan = SweepPlan.of("risk", List.of((RRS + "--width 30 --alpha 0.5 --depth 64 --gamma 1,2,4000,3")
                .replace("--depth 4 ", "").split(" ")), Set.of());
        List<Point> points = new ArrayList<>();
        for (long i = 0; i < plan.grid().size(); i++) {
            points.add(plan.grid().point(i));
        }
        List<Object> out = plan.newWorker().evaluateAll(points);
        assertEquals(3, out.size(), "two reports, then the failure in the third point's place");
        assertTrue(out.get(2) instanceof SweepRunner.Failed);
        Throwable batched = ((SweepRunner.Failed) out.get(2)).cause();
        RuntimeException alone = null;
        try {
            plan.newWorker().evaluate(points.get(2));
        } catch (RuntimeException e) {
            alone = e;
        }
        assertEquals(alone.getMessage(), batched.getMessage());
        assertEquals(SweepCommand.failure(new PointFailedException(points.get(2), alone)).getMessage(),
                SweepCommand.failure(new PointFailedException(points.get(2), batched)).getMessage());
    }

    private static String json(Report r) {
        StringWriter s = new StringWriter();
        new JsonWriter().write(r, new PrintWriter(s));
        return s.toString();
    }
}
