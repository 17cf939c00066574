package org.iclscale.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A chart as data, independent of any drawing library: two axes, the series (each with its kind, line style
 * and colour) and where the legend goes. One {@code Chart} is drawn identically by every writer of this package:
 * XChart (PNG, SVG: {@link Plot}), matplotlib ({@link MatplotlibScript}, which gives the PDF with embedded fonts)
 * and pgfplots ({@link PgfplotsScript}); {@link LongCsv} writes its data in the long format
 * panel, curve, kind, x, y[, yerr] that the scripts read.
 *
 * @param panel   panel id, e.g. {@code fig3a} (the file stem and the {@code panel} column of the long CSV)
 * @param letter  panel letter drawn in the corner, e.g. {@code (a)}; empty for none
 * @param x       horizontal axis
 * @param y       vertical axis
 * @param series  the curves in drawing order
 * @param legend  legend location, matplotlib's names: {@code upper right}, {@code lower left}, ..., {@code outside}
 */
public record Chart(String panel, String letter, Axis x, Axis y, List<Series> series, String legend) {

    /** What a curve is (the {@code kind} column of the long CSV, as in the paper's digitized figures). */
    public enum Kind {
        THEORY("theory"), EXPERIMENT("experiment"), GUIDE("guide"), OTHER("other");

        private final String csv;

        Kind(String csv) {
            this.csv = csv;
        }

        public String csv() {
            return csv;
        }
    }

    /** How a curve is drawn. {@code MARKER}: points (with error bars when the series has them). */
    public enum Line {
        SOLID, DASHED, DOTTED, DASHDOT, MARKER
    }

    /**
     * An axis. {@code label} is plain Unicode (XChart), {@code tex} the same label in TeX math (matplotlib
     * mathtext and pgfplots); {@code min}/{@code max} NaN: automatic.
     */
    public record Axis(String label, String tex, boolean log, double min, double max) {
        public Axis {
            Objects.requireNonNull(label);
            Objects.requireNonNull(tex);
        }

        public static Axis linear(String label, String tex, double min, double max) {
            return new Axis(label, tex, false, min, max);
        }

        public static Axis log(String label, String tex, double min, double max) {
            return new Axis(label, tex, true, min, max);
        }

        public boolean fixed() {
            return !Double.isNaN(min) && !Double.isNaN(max);
        }
    }

    /**
     * One curve. {@code name} is the paper's legend text (the {@code curve} column, e.g. {@code L = 2; ℓ = 1}),
     * {@code tex} its TeX form for the legend, {@code color} #rrggbb, {@code yerr} null or one half-width per
     * point, {@code inLegend} whether the legend lists it.
     */
    public record Series(String name, String tex, Kind kind, Line line, String color, double[] x, double[] y,
            double[] yerr, boolean inLegend) {
        public Series {
            if (x.length != y.length || (yerr != null && yerr.length != x.length)) {
                throw new IllegalArgumentException("series " + name + ": x, y, yerr lengths differ");
            }
            x = x.clone();
            y = y.clone();
            yerr = yerr == null ? null : yerr.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }

        @Override
        public double[] yerr() {
            return yerr == null ? null : yerr.clone();
        }

        public Series hiddenFromLegend() {
            return new Series(name, tex, kind, line, color, x, y, yerr, false);
        }
    }

    public Chart {
        series = List.copyOf(series);
    }

    /** A mutable helper to assemble a chart series by series. */
    public static final class Builder {
        private final String panel;
        private final String letter;
        private final Axis x;
        private final Axis y;
        private String legend = "best";
        private final List<Series> series = new ArrayList<>();

        public Builder(String panel, String letter, Axis x, Axis y) {
            this.panel = panel;
            this.letter = letter;
            this.x = x;
            this.y = y;
        }

        public Builder legend(String where) {
            legend = where;
            return this;
        }

        public Builder add(Series s) {
            series.add(s);
            return this;
        }

        public Builder line(String name, String tex, Kind kind, Line line, String color, double[] xs, double[] ys) {
            return add(new Series(name, tex, kind, line, color, xs, ys, null, true));
        }

        /** A power-law guide y = y₀(x/x₀)^slope between xFrom and xTo (two vertices, straight on log-log axes). */
        public Builder guide(String name, String tex, String color, double slope, double x0, double y0, double xFrom,
                double xTo) {
            double[] xs = {xFrom, xTo};
            double[] ys = {y0 * Math.pow(xFrom / x0, slope), y0 * Math.pow(xTo / x0, slope)};
            return add(new Series(name, tex, Kind.GUIDE, Line.DASHED, color, xs, ys, null, true));
        }

        public Chart build() {
            return new Chart(panel, letter, x, y, series, legend);
        }
    }
}
