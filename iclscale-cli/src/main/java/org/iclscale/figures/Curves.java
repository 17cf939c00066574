package org.iclscale.figures;

import java.util.Locale;
import org.iclscale.core.Numbers;
import org.iclscale.plot.Chart;
import org.iclscale.plot.Palette;

/** Small helpers shared by the figure builders: series of a chart, grids and number text. */
final class Curves {

    private Curves() {
    }

    static Chart.Series line(String name, String tex, Chart.Kind kind, Chart.Line line, String color, double[] x,
            double[] y) {
        return new Chart.Series(name, tex, kind, line, color, x, y, null, true);
    }

    static Chart.Series theory(String name, String tex, String color, double[] x, double[] y) {
        return line(name, tex, Chart.Kind.THEORY, Chart.Line.SOLID, color, x, y);
    }

    static Chart.Series markers(String name, String tex, String color, double[] x, double[] y, double[] err) {
        return new Chart.Series(name, tex, Chart.Kind.EXPERIMENT, Chart.Line.MARKER, color, x, y, err, true);
    }

    /** A power-law guide y = y₀(x/x₀)^slope between xFrom and xTo. */
    static Chart.Series guide(String name, String tex, String color, double slope, double x0, double y0, double xFrom,
            double xTo) {
        double[] xs = {xFrom, xTo};
        double[] ys = {y0 * Math.pow(xFrom / x0, slope), y0 * Math.pow(xTo / x0, slope)};
        return line(name, tex, Chart.Kind.GUIDE, Chart.Line.DASHED, color, xs, ys);
    }

    static String rocket(int i, int n) {
        return Palette.rocket(i, n);
    }

    /** 10^{lo + i/perDecade}, i = 0..(hi−lo)·perDecade: exact powers of ten at the decades. */
    static double[] decades(int lo, int hi, int perDecade) {
        int n = (hi - lo) * perDecade + 1;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = Math.pow(10, lo + (double) i / perDecade);
        }
        return t;
    }

    static double[] linear(double step, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i + 1) * step;
        }
        return x;
    }

    static double[] scale(double[] x, double factor) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = factor * x[i];
        }
        return y;
    }

    static String fmt(double v) {
        return Numbers.compact(v);
    }

    /** Two decimals, as the paper's legends print β, τ, α, κ (e.g. {@code 0.50}). */
    static String two(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Index of the grid point closest to x. */
    static int row(double[] grid, double x) {
        int best = 0;
        for (int i = 1; i < grid.length; i++) {
            if (Math.abs(grid[i] - x) < Math.abs(grid[best] - x)) {
                best = i;
            }
        }
        return best;
    }

    /** Columns of a list of rows (row-major doubles) as a report. */
    static org.iclscale.io.Report table(String title, java.util.List<double[]> rows, String... names) {
        org.iclscale.io.Report r = new org.iclscale.io.Report(title);
        for (int c = 0; c < names.length; c++) {
            final int col = c;
            r.column(names[c], rows.stream().mapToDouble(x -> x[col]).toArray());
        }
        return r;
    }
}
