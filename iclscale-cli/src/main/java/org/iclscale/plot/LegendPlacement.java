package org.iclscale.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a chart's legend goes so that it covers no data: of the four inside corners, the one whose legend box
 * (estimated from the number and length of the entries, in axis fractions) holds the least of the plotted curves,
 * sampled along each segment in axis coordinates (log10 on log axes); markers and error bars weigh more than lines.
 * Ties go to the corner with the most clearance (the least data under an enlarged box), then to the chart's own
 * corner; when no corner is free the legend goes outside, right of the frame. One decision for XChart, matplotlib
 * and pgfplots, so the three agree.
 */
public final class LegendPlacement {

    /** The four inside corners, in matplotlib's names, in the order ties are broken after the chart's own. */
    static final List<String> CORNERS = List.of("upper right", "upper left", "lower left", "lower right");

    /** Samples per line segment and the weight of one marker relative to one line sample. */
    private static final int SAMPLES = 40;
    private static final double MARKER_WEIGHT = 8;

    private LegendPlacement() {
    }

    /**
     * The legend location of {@code c} in matplotlib's names: its own location when that is not an inside corner
     * ({@code outside}, {@code upper center}, ...) or when no series is in the legend; otherwise the corner with the
     * least data in the legend box, the chart's corner ({@code upper right} for {@code best}) first among equals.
     */
    public static String of(Chart c) {
        String own = c.legend();
        if (!own.equals("best") && !CORNERS.contains(own)) {
            return own;
        }
        double[] box = box(c);
        if (box == null) {
            return own.equals("best") ? "upper right" : own;
        }
        List<String> order = new ArrayList<>();
        order.add(own.equals("best") ? "upper right" : own);
        CORNERS.stream().filter(k -> !order.contains(k)).forEach(order::add);
        double[][] pts = samples(c);
        String bestCorner = order.get(0);
        double[] least = null;
        for (String k : order) {
            double[] w = coverage(pts, k, box);
            if (least == null || lexicographicallyLess(w, least)) {
                least = w;
                bestCorner = k;
            }
        }
        return least[0] > OUTSIDE_FRACTION * totalWeight(pts) ? "outside" : bestCorner;
    }

    /**
     * When even the best corner's legend box holds more than this fraction of the data, no inside corner is free and
     * the legend goes outside the frame, right of it. A curve's edge is tolerated (Figs. 5a, 5b: 0.11 and 0.05 % under
     * the lower left); Fig. 7b's best corner holds 1 %, where matplotlib's drawn legend touches the α = 1.6 line.
     */
    static final double OUTSIDE_FRACTION = 0.005;

    /**
     * Box enlargements that break ties: the box is an estimate (matplotlib's legend with many entries is taller), so
     * among corners that cover equally little the one with the most clearance around the box wins.
     */
    private static final double[] MARGINS = {1, 1.25, 1.5, 2};

    /** The data weight under the box at corner {@code k}, for the estimated box and each enlargement. */
    private static double[] coverage(double[][] pts, String k, double[] box) {
        double[] w = new double[MARGINS.length];
        for (int i = 0; i < MARGINS.length; i++) {
            w[i] = covered(pts, k, Math.min(1, box[0] * MARGINS[i]), Math.min(1, box[1] * MARGINS[i]));
        }
        return w;
    }

    private static boolean lexicographicallyLess(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return a[i] < b[i];
            }
        }
        return false;
    }

    /**
     * Legend box [width, height] as fractions of the axes, the larger of the renderers' boxes: 7 % of the height per
     * entry plus the pad (matplotlib's 8 pt legend on its 4.6 × 3.5 in panel, measured on the PNGs: 8 entries 0.56 of
     * the axes in Fig. 4c, 6 entries 0.415 in Fig. 7b; XChart's 480 × 360 panels take 5 %), a line sample and 1.5 %
     * of the width per character; null when the legend is empty.
     */
    static double[] box(Chart c) {
        int n = 0;
        int chars = 0;
        for (Chart.Series s : c.series()) {
            if (s.inLegend()) {
                n++;
                chars = Math.max(chars, TexText.unicode(s.tex()).length());
            }
        }
        if (n == 0) {
            return null;
        }
        return new double[] {Math.min(0.95, 0.11 + 0.015 * chars), Math.min(0.95, 0.02 + 0.07 * n)};
    }

    /** Total weight of the plotted data of {@code c} (the scale of {@link #covered(Chart, String)}). */
    public static double totalWeight(Chart c) {
        return totalWeight(samples(c));
    }

    private static double totalWeight(double[][] pts) {
        double w = 0;
        for (double[] p : pts) {
            w += p[2];
        }
        return w;
    }

    /** Weight of the data under the legend of {@code c} if it sat at corner {@code k} (0: covers nothing). */
    public static double covered(Chart c, String k) {
        double[] box = box(c);
        return box == null ? 0 : covered(samples(c), k, box[0], box[1]);
    }

    /** Weight of the samples inside the legend box at corner {@code k} (box of width w, height h). */
    static double covered(double[][] pts, String k, double w, double h) {
        boolean right = k.endsWith("right");
        boolean upper = k.startsWith("upper");
        double weight = 0;
        for (double[] p : pts) {
            boolean inX = right ? p[0] >= 1 - w : p[0] <= w;
            boolean inY = upper ? p[1] >= 1 - h : p[1] <= h;
            if (inX && inY) {
                weight += p[2];
            }
        }
        return weight;
    }

    /** Every series as weighted points (x, y, weight) in axis fractions [0, 1]²; points outside the frame dropped. */
    static double[][] samples(Chart c) {
        double[] xr = range(c, true);
        double[] yr = range(c, false);
        List<double[]> out = new ArrayList<>();
        if (xr == null || yr == null) {
            return new double[0][];
        }
        for (Chart.Series s : c.series()) {
            double[] x = s.x();
            double[] y = s.y();
            double[] e = s.yerr();
            boolean marker = s.line() == Chart.Line.MARKER;
            double prevX = Double.NaN;
            double prevY = Double.NaN;
            for (int i = 0; i < x.length; i++) {
                double u = frac(x[i], c.x().log(), xr);
                double v = frac(y[i], c.y().log(), yr);
                if (marker) {
                    add(out, u, v, MARKER_WEIGHT);
                    if (e != null && Double.isFinite(e[i])) {
                        add(out, u, frac(y[i] + e[i], c.y().log(), yr), MARKER_WEIGHT / 2);
                        add(out, u, frac(y[i] - e[i], c.y().log(), yr), MARKER_WEIGHT / 2);
                    }
                } else if (Double.isFinite(prevX) && Double.isFinite(prevY) && Double.isFinite(u) && Double.isFinite(v)) {
                    for (int j = 1; j <= SAMPLES; j++) {
                        double f = (double) j / SAMPLES;
                        add(out, prevX + f * (u - prevX), prevY + f * (v - prevY), 1);
                    }
                } else {
                    add(out, u, v, 1);
                }
                prevX = u;
                prevY = v;
            }
        }
        return out.toArray(new double[0][]);
    }

    private static void add(List<double[]> out, double u, double v, double w) {
        if (u >= 0 && u <= 1 && v >= 0 && v <= 1) {
            out.add(new double[] {u, v, w});
        }
    }

    /** Position of value t on an axis spanning r (log10 values on a log axis); NaN when not drawable. */
    private static double frac(double t, boolean log, double[] r) {
        if (!Double.isFinite(t) || (log && t <= 0)) {
            return Double.NaN;
        }
        double q = log ? Math.log10(t) : t;
        return (q - r[0]) / (r[1] - r[0]);
    }

    /** The drawn range of an axis (log10 on a log axis): its fixed ends, else the data's; null when empty. */
    private static double[] range(Chart c, boolean horizontal) {
        Chart.Axis a = horizontal ? c.x() : c.y();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Chart.Series s : c.series()) {
            for (double t : horizontal ? s.x() : s.y()) {
                if (Double.isFinite(t) && (!a.log() || t > 0)) {
                    double q = a.log() ? Math.log10(t) : t;
                    lo = Math.min(lo, q);
                    hi = Math.max(hi, q);
                }
            }
        }
        if (!Double.isNaN(a.min()) && (!a.log() || a.min() > 0)) {
            lo = a.log() ? Math.log10(a.min()) : a.min();
        }
        if (!Double.isNaN(a.max()) && (!a.log() || a.max() > 0)) {
            hi = a.log() ? Math.log10(a.max()) : a.max();
        }
        if (!(hi > lo)) {
            return null;
        }
        return new double[] {lo, hi};
    }
}
