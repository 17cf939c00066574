package org.iclscale.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log-axis ticks of the publication charts (issue 14): 10^k exactly at integer decades, never an empty label, never
 * a non-10^k label at an integer position, at least two labels on any range, no colliding labels; and charts over
 * narrow ranges render (XChart used to receive empty labels: "Zero length string passed to TextLayout").
 */
class LogTicksTest {

    /** Same font as the publication charts' tick labels. */
    private static final Font FONT = new Font("DejaVu Sans", Font.PLAIN, 11);
    /** Integer positions are exact (the decade itself), within this. */
    private static final double POSITION_TOL = 1e-12;

    @TempDir
    Path dir;

    private static boolean integer(double u) {
        return Math.abs(u - Math.rint(u)) < POSITION_TOL;
    }

    /** The invariants every axis must satisfy; returns the majors. */
    private static List<LogTicks.Tick> check(double lo, double hi, double pixels, boolean horizontal) {
        LogTicks t = LogTicks.of(lo, hi, pixels, horizontal, FONT);
        List<LogTicks.Tick> majors = t.majors();
        assertTrue(majors.size() >= 2, "at least two labels on [" + lo + ", " + hi + "]: " + majors);
        double a = Math.log10(lo);
        double b = Math.log10(hi);
        double prev = Double.NEGATIVE_INFINITY;
        for (LogTicks.Tick k : t.ticks()) {
            assertTrue(k.at() >= a - 1e-9 && k.at() <= b + 1e-9, k + " inside [" + a + ", " + b + "]");
            assertTrue(k.at() >= prev, "sorted");
            prev = k.at();
            if (k.major()) {
                assertFalse(k.label().isBlank(), "empty label at " + k.at());
                if (integer(k.at())) {
                    assertEquals(LogTicks.decadeLabel(Math.round(k.at())), k.label(), "decade label at " + k.at());
                } else {
                    assertFalse(k.label().matches("10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+"), "10^k label off a decade: " + k);
                }
            }
        }
        for (int i = 1; i < majors.size(); i++) {
            double gap = (majors.get(i).at() - majors.get(i - 1).at()) * pixels / (b - a);
            double need = horizontal ? (LogTicks.width(majors.get(i).label(), FONT) + LogTicks.width(majors.get(i - 1).label(),
                    FONT)) / 2 : 8;
            assertTrue(gap >= need, "labels " + majors.get(i - 1) + " and " + majors.get(i) + " collide: " + gap + " px");
        }
        return majors;
    }

    @Test
    void sixDecadesAreLabelledAtEveryDecadeWithMinorTicks() {
        List<LogTicks.Tick> majors = check(1e-4, 1e2, 370, true);
        assertEquals(List.of("10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "10⁰", "10¹", "10²"),
                majors.stream().map(LogTicks.Tick::label).toList());
        assertTrue(majors.stream().allMatch(k -> integer(k.at())));
        LogTicks y = LogTicks.of(1e-4, 1e2, 270, false, FONT);
        assertEquals(7, y.majors().size());
        assertEquals(6 * 8, y.ticks().size() - 7, "minor ticks 2..9 x 10^k in each of the six decades");
        assertTrue(y.ticks().stream().anyMatch(k -> !k.major() && Math.abs(k.at() - Math.log10(0.02)) < POSITION_TOL));
    }

    @Test
    void manyDecadesOnAShortAxisLabelEverySecondOrFifthDecade() {
        List<LogTicks.Tick> majors = check(1, 1e24, 370, true);
        assertTrue(majors.size() < 25 && majors.stream().allMatch(k -> integer(k.at())), majors.toString());
        long step = Math.round(majors.get(1).at() - majors.get(0).at());
        assertTrue(step == 2 || step == 5, "step " + step);
    }

    @Test
    void twoAndAHalfDecadesAreLabelledAtTheirDecadesOnly() {
        List<LogTicks.Tick> majors = check(0.004, 1.26, 270, false);
        assertEquals(List.of("10⁻²", "10⁻¹", "10⁰"), majors.stream().map(LogTicks.Tick::label).toList());
        assertEquals(-2, majors.get(0).at(), POSITION_TOL);
    }

    @Test
    void oneDecadeIsLabelledAtOneTwoFiveTimesTenToTheK() {
        List<LogTicks.Tick> majors = check(0.1, 1, 370, true);
        assertEquals(List.of("10⁻¹", "2×10⁻¹", "5×10⁻¹", "10⁰"), majors.stream().map(LogTicks.Tick::label).toList());
        assertEquals(Math.log10(0.2), majors.get(1).at(), POSITION_TOL);
        check(0.2, 2, 270, false);
    }

    @Test
    void aThirdOfADecadeStillHasTwoOrMoreLabels() {
        List<LogTicks.Tick> majors = check(0.3, 0.3 * Math.pow(10, 0.3), 370, true);
        assertEquals("3×10⁻¹", majors.get(0).label());
        check(1.1, 1.1 * Math.pow(10, 0.3), 270, false);
        check(1.1, 1.3, 370, true); // within one mantissa step: a linear 1-2-5 step
        check(0.42, 0.45, 270, false);
    }

    @Test
    void pgfplotsLabelsANarrowLogAxisWithTheSameTicks() {
        assertEquals("$10^{-2}$", PgfplotsScript.texTick("10⁻²"));
        assertEquals("$2\\times 10^{-1}$", PgfplotsScript.texTick("2×10⁻¹"));
        assertEquals("$1.15\\times 10^{0}$", PgfplotsScript.texTick("1.15×10⁰"));
        Chart c = new Chart.Builder("p", "", Chart.Axis.log("C", "C", 10, 1e6), Chart.Axis.log("L", "L", 0.2, 1.05))
                .line("a", "a", Chart.Kind.THEORY, Chart.Line.SOLID, "#ad1759", new double[] {10, 1e6},
                        new double[] {1, 0.3}).build();
        String tex = PgfplotsScript.of(c);
        assertTrue(tex.contains("ytick={0.2,0.3,"), tex);
        assertTrue(tex.contains("yticklabels={{$2\\times 10^{-1}$},"), tex);
        assertFalse(tex.contains("xtick="), "five decades: pgfplots' own 10^k ticks");
    }

    @Test
    void narrowLogLogChartsRender() throws Exception {
        for (double[] r : new double[][] {{1, 2, 0.3, 0.5}, {1.1, 1.3, 0.42, 0.45}, {0.5, 3, 0.05, 1}, {1, 1e12, 1e-14, 1}}) {
            double[] x = new double[20];
            double[] y = new double[20];
            for (int i = 0; i < x.length; i++) {
                x[i] = r[0] * Math.pow(r[1] / r[0], i / 19.0);
                y[i] = r[3] * Math.pow(r[2] / r[3], i / 19.0);
            }
            Chart c = new Chart.Builder("n", "", Chart.Axis.log("t", "t", Double.NaN, Double.NaN),
                    Chart.Axis.log("loss", "loss", Double.NaN, Double.NaN))
                    .line("a", "a", Chart.Kind.THEORY, Chart.Line.SOLID, "#ad1759", x, y).build();
            Plot p = Plot.of(c);
            Path png = p.writePng(dir.resolve("n" + r[1] + ".png"));
            assertTrue(Files.size(png) > 1000);
            String svg = Files.readString(p.writeSvg(dir.resolve("n" + r[1] + ".svg")));
            assertTrue(svg.contains("<path") && !svg.contains("fill-opacity:0;"), "no invisible placeholder labels");
            Plot.TickedChart chart = (Plot.TickedChart) p.chart();
            assertNotNull(chart.xTicks);
            assertNotNull(chart.yTicks);
        }
    }
}
