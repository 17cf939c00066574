package org.iclscale.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.iclscale.check.Comparison.Verdict;
import org.junit.jupiter.api.Test;

/** The comparison engine of {@code check} without any computer algebra: relative test, floor, worst point. */
class PointComparisonTest {

    private static final List<Interval> DOMAIN = List.of(new Interval("x", 0, true, 2, false, false),
            new Interval("n", 1, false, 12, false, true));

    private static PointComparison comparison(Map<String, Double> fixed, int points, Tolerance tol) {
        return new PointComparison(DOMAIN, fixed, points, 7, tol);
    }

    private static final Tolerance DEFAULT = new Tolerance(1e-9, 1e-14);

    @Test
    void aFactorTwoAtTinyScaleIsDifferent() {
        // issue 16.4: dividing by max(1, |value|) called a factor-2 error at 1e-10 equal; the test is relative
        PointComparison.Source reference = p -> Sample.real(1e-10 * p.get("x"));
        PointComparison.Source twice = p -> Sample.real(2e-10 * p.get("x"));
        Comparison c = comparison(Map.of(), 24, DEFAULT).compare(twice, reference);
        assertEquals(Verdict.DIFFERENT, c.verdict());
        assertEquals(0.5, c.maxRelativeDifference(), 1e-12, "relative to max(|e|, |f|)");
        assertEquals(0.5, c.worst().relativeDifference(), 1e-12);
        assertEquals(0, c.pointsWithinFloor());
    }

    @Test
    void maxRelativeDifferenceIsRelativeForValuesBelowOne() {
        // a 10 % error on values ~0.01: the old max(1, |f|) denominator reported 0.001
        PointComparison.Source reference = p -> Sample.real(0.01 * (1 + p.get("x")));
        PointComparison.Source off = p -> Sample.real(0.011 * (1 + p.get("x")));
        Comparison c = comparison(Map.of(), 10, DEFAULT).compare(off, reference);
        assertEquals(0.1 / 1.1, c.maxRelativeDifference(), 1e-12);
        assertEquals(Verdict.DIFFERENT, c.verdict());
    }

    @Test
    void roundOffAtZeroPassesByTheFloorAndIsCounted() {
        PointComparison.Source zero = p -> Sample.real(0);
        PointComparison.Source roundOff = p -> Sample.real(1e-17 * p.get("n"));
        Comparison c = comparison(Map.of(), 12, DEFAULT).compare(roundOff, zero);
        assertEquals(Verdict.EQUAL, c.verdict());
        assertEquals(12, c.pointsWithinFloor());
        assertEquals(0, c.maxRelativeDifference(), "points decided by the floor do not enter the relative maximum");
        // without a floor the same round-off is a relative difference of 1
        Comparison strict = comparison(Map.of(), 12, new Tolerance(1e-9, 0)).compare(roundOff, zero);
        assertEquals(Verdict.DIFFERENT, strict.verdict());
        assertEquals(1, strict.maxRelativeDifference(), 0);
    }

    @Test
    void theWorstCounterexampleIsReportedNotTheFirst() {
        PointComparison.Source reference = p -> Sample.real(1 + p.get("x"));
        // wrong by a relative amount growing with x: the worst point has the largest x among the points
        PointComparison.Source candidate = p -> Sample.real((1 + p.get("x")) * (1 + 0.1 * p.get("x")));
        PointComparison pc = comparison(Map.of(), 24, DEFAULT);
        Comparison c = pc.compare(candidate, reference);
        double largestX = pc.points().stream().mapToDouble(p -> p.get("x")).max().orElseThrow();
        assertEquals(largestX, c.worst().point().get("x"), 0);
        assertEquals(24, c.pointsChecked());
    }

    @Test
    void sampledStandardErrorsWidenTheAllowance() {
        PointComparison.Source reference = p -> Sample.real(1);
        PointComparison.Source noisy = p -> Sample.real(1.02, 0.01);
        assertEquals(Verdict.EQUAL, comparison(Map.of(), 5, DEFAULT).compare(noisy, reference).verdict(), "2 SE < 3 SE");
        PointComparison.Source far = p -> Sample.real(1.05, 0.01);
        assertEquals(Verdict.DIFFERENT, comparison(Map.of(), 5, DEFAULT).compare(far, reference).verdict(), "5 SE");
    }

    @Test
    void noComparablePointIsUndecidedAndANeverRealCandidateIsFlagged() {
        PointComparison.Source none = p -> Sample.notReal("complex");
        PointComparison.Source one = p -> Sample.real(1);
        Comparison undecided = comparison(Map.of(), 6, DEFAULT).compare(one, none);
        assertEquals(Verdict.UNDECIDED, undecided.verdict());
        assertEquals(0, undecided.pointsChecked());
        assertEquals(6, undecided.pointsSkipped());
        Comparison neverReal = comparison(Map.of(), 6, DEFAULT).compare(none, one);
        assertEquals(Verdict.DIFFERENT, neverReal.verdict());
        assertFalse(neverReal.candidateEverReal());
        assertEquals("complex", neverReal.worst().candidate().failure());
        Comparison fine = comparison(Map.of(), 6, DEFAULT).compare(one, one);
        assertTrue(fine.candidateEverReal());
        assertNull(fine.worst());
    }

    @Test
    void pointsAreSeededInsideTheDomainAndRespectFixedValues() {
        PointComparison pc = comparison(Map.of("n", 3.0), 50, DEFAULT);
        List<Map<String, Double>> points = pc.points();
        assertEquals(points, comparison(Map.of("n", 3.0), 50, DEFAULT).points(), "same seed, same points");
        for (Map<String, Double> p : points) {
            assertTrue(p.get("x") > 0 && p.get("x") <= 2, p.toString());
            assertEquals(3.0, p.get("n"));
        }
        PointComparison free = comparison(Map.of(), 200, DEFAULT);
        assertTrue(free.points().stream().allMatch(p -> p.get("n") == Math.rint(p.get("n")) && p.get("n") >= 1
                && p.get("n") <= 12));
        assertTrue(free.points().stream().anyMatch(p -> p.get("n") == 12), "the upper end of a closed integer range");
    }

    @Test
    void intervalsDescribeAndContain() {
        Interval l = new Interval("L", 1, false, 12, false, true);
        assertTrue(l.contains(12));
        assertFalse(l.contains(100000));
        assertFalse(l.contains(2.5));
        Interval a = new Interval("alpha", 0, true, 8, false, false);
        assertFalse(a.contains(0));
        assertFalse(a.contains(Double.POSITIVE_INFINITY));
        assertFalse(a.contains(Double.NaN));
        assertTrue(a.contains(8));
        assertEquals("an integer in [1, 12]", l.describe());
        assertEquals("alpha (0, 8]", a.toString());
        assertThrows(IllegalArgumentException.class, () -> new Tolerance(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Tolerance(1e-9, -1));
        assertNotNull(Sample.real(Double.NaN).failure(), "a NaN value is not a real sample");
    }
}
