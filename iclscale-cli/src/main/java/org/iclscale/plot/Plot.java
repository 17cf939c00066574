package org.iclscale.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iclscale.core.InvalidInputException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A 2-D line chart written as PNG and SVG with XChart (headless). Curves, dashed reference curves, markers
 * with error bars (simulation overlays) and power-law guide lines y = y₀(x/x₀)^slope; log axes drop the
 * points they cannot show (≤ 0) instead of failing.
 */
public final class Plot {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** How a series is drawn. */
    public enum Style { LINE, DASHED, MARKERS, GUIDE, DOTTED, DASHDOT }

    /** One series; {@code error} may be null; {@code color} #rrggbb or null (the palette / colour group decides). */
    public record Series(String name, double[] x, double[] y, double[] error, Style style, boolean inLegend,
            String color) {
        public Series(String name, double[] x, double[] y, double[] error, Style style, boolean inLegend) {
            this(name, x, y, error, style, inLegend, null);
        }

        public Series(String name, double[] x, double[] y, double[] error, Style style) {
            this(name, x, y, error, style, true, null);
        }
    }

    /** Resolution of the PNG (the chart is laid out at 72 dpi and scaled). */
    public static final int PNG_DPI = 200;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private boolean logX;
    private boolean logY;
    private Double yMin;
    private Double yMax;
    private Double xMin;
    private Double xMax;
    private int width = 720;
    private int height = 520;
    private boolean publication;
    private Styler.LegendPosition legend = Styler.LegendPosition.InsideNE;
    private final List<Series> series = new ArrayList<>();
    /** Colour group of each series (parallel to {@link #series}; null = a colour of its own). */
    private final List<String> groups = new ArrayList<>();
    private String currentGroup;

    public Plot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /**
     * The XChart drawing of a {@link Chart}: its colours, line styles, axes (ranges, 10^k labels on log axes),
     * TeX-free Unicode labels, legend position and panel letter (top left, outside the frame); error bars as vertical segments in
     * the series' colour. The same chart is drawn by {@link MatplotlibScript} and {@link PgfplotsScript}.
     */
    public static Plot of(Chart c) {
        return of(c, LegendPlacement.of(c));
    }

    /** {@link #of(Chart)} with the legend location already decided ({@link LegendPlacement#of}, once per chart). */
    public static Plot of(Chart c, String where) {
        Plot p = new Plot(c.letter(), TexText.unicode(c.x().tex()), TexText.unicode(c.y().tex())).logX(c.x().log())
                .logY(c.y().log());
        p.publication = true;
        p.size(480, 360);
        if (!Double.isNaN(c.x().min()) || !Double.isNaN(c.x().max())) {
            p.xRange(Double.isNaN(c.x().min()) ? null : c.x().min(), Double.isNaN(c.x().max()) ? null : c.x().max());
        }
        if (!Double.isNaN(c.y().min()) || !Double.isNaN(c.y().max())) {
            p.yRange(Double.isNaN(c.y().min()) ? null : c.y().min(), Double.isNaN(c.y().max()) ? null : c.y().max());
        }
        if (where.equals("outside")) {
            // the chart grows by the legend's width so that the frame keeps the size of every other panel
            double[] box = LegendPlacement.box(c);
            p.size(480 + (int) Math.ceil((box == null ? 0 : box[0]) * 400), 360);
        }
        p.legend = switch (where) {
            case "upper left" -> Styler.LegendPosition.InsideNW;
            case "lower left" -> Styler.LegendPosition.InsideSW;
            case "lower right" -> Styler.LegendPosition.InsideSE;
            case "outside" -> Styler.LegendPosition.OutsideE;
            case "lower center" -> Styler.LegendPosition.InsideS;
            case "upper center" -> Styler.LegendPosition.InsideN;
            default -> Styler.LegendPosition.InsideNE;
        };
        for (Chart.Series s : c.series()) {
            Style st = switch (s.line()) {
                case SOLID -> Style.LINE;
                case DASHED -> s.kind() == Chart.Kind.GUIDE ? Style.GUIDE : Style.DASHED;
                case DOTTED -> Style.DOTTED;
                case DASHDOT -> Style.DASHDOT;
                case MARKER -> Style.MARKERS;
            };
            p.add(new Series(s.inLegend() ? legendText(s.tex()) : s.name(), s.x(), s.y(), s.yerr(), st, s.inLegend(),
                    s.color()));
        }
        return p;
    }

    /** A TeX legend label as plain Unicode for XChart ($L = 1$ → L = 1, \\gamma → γ, ^{-2} → ⁻², ...). */
    static String legendText(String tex) {
        return TexText.unicode(tex);
    }

    public Plot logX(boolean on) {
        logX = on;
        return this;
    }

    public Plot logY(boolean on) {
        logY = on;
        return this;
    }

    /** Fixes the y range (points outside are clipped by the plot area). */
    public Plot yRange(Double min, Double max) {
        yMin = min;
        yMax = max;
        return this;
    }

    /** Fixes the x range. */
    public Plot xRange(Double min, Double max) {
        xMin = min;
        xMax = max;
        return this;
    }

    public Plot size(int w, int h) {
        width = w;
        height = h;
        return this;
    }

    /** Legend position: ne, nw, se, sw, outside. */
    public Plot legend(String where) {
        legend = switch (where.toLowerCase(Locale.ROOT)) {
            case "ne" -> Styler.LegendPosition.InsideNE;
            case "nw" -> Styler.LegendPosition.InsideNW;
            case "se" -> Styler.LegendPosition.InsideSE;
            case "sw" -> Styler.LegendPosition.InsideSW;
            case "outside" -> Styler.LegendPosition.OutsideE;
            default -> throw new InvalidInputException("--legend", where, "ne, nw, se, sw or outside");
        };
        return this;
    }

    public Plot line(String name, double[] x, double[] y) {
        return add(new Series(name, x, y, null, Style.LINE));
    }

    public Plot dashed(String name, double[] x, double[] y) {
        return add(new Series(name, x, y, null, Style.DASHED));
    }

    public Plot markers(String name, double[] x, double[] y, double[] error) {
        return add(new Series(name, x, y, error, Style.MARKERS));
    }

    /** Guide line y = y0 (x/x0)^slope over [xFrom, xTo] (a straight line of that slope on log-log axes). */
    public Plot guide(String name, double slope, double x0, double y0, double xFrom, double xTo) {
        return guide(name, slope, x0, y0, xFrom, xTo, true);
    }

    /** As {@link #guide(String, double, double, double, double, double)}, optionally left out of the legend. */
    public Plot guide(String name, double slope, double x0, double y0, double xFrom, double xTo, boolean inLegend) {
        int n = 32;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = logX ? xFrom * Math.pow(xTo / xFrom, i / (n - 1.0)) : xFrom + (xTo - xFrom) * i / (n - 1.0);
            y[i] = y0 * Math.pow(x[i] / x0, slope);
        }
        return add(new Series(name, x, y, null, Style.GUIDE, inLegend));
    }

    public Plot add(Series s) {
        series.add(s);
        groups.add(currentGroup);
        return this;
    }

    /**
     * Series added from now on share one colour (e.g. theory line, dashed variant and simulation markers of the
     * same depth); {@code null} ends the group. Guides stay dark grey.
     */
    public Plot colourGroup(String key) {
        currentGroup = key;
        return this;
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    public String title() {
        return title;
    }

    /** Builds the XChart chart (points not representable on the chosen axes are dropped). */
    public XYChart chart() {
        TickedChart chart = new TickedChart(width, height);
        // a publication chart's title is its panel letter, drawn top left outside the frame (as matplotlib's and
        // pgfplots' sources do); the centred title keeps only the room above the frame
        boolean letter = publication && !title.isEmpty();
        chart.setTitle(letter ? " " : title);
        chart.letter = letter ? title : null;
        chart.setXAxisTitle(xLabel);
        chart.setYAxisTitle(yLabel);
        var st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(230, 230, 230));
        st.setPlotGridLinesStroke(new BasicStroke(0.6f)); // solid: dashed grids become thousands of SVG rectangles
        st.setLegendPosition(legend);
        st.setLegendBorderColor(new Color(200, 200, 200));
        // publication charts draw log axes as linear axes over log10 values, so that the tick labels can read 10^k
        // (XChart's label callback only works with linear tick placement)
        final boolean tx = publication && logX;
        final boolean ty = publication && logY;
        st.setXAxisLogarithmic(logX && !publication);
        st.setYAxisLogarithmic(logY && !publication);
        st.setAntiAlias(true);
        st.setMarkerSize(6);
        st.setXAxisDecimalPattern(logX ? "0.###E0" : "#.###");
        st.setYAxisDecimalPattern(logY ? "0.#E0" : "#.###");
        if (publication) {
            java.awt.Font base = new java.awt.Font("DejaVu Sans", java.awt.Font.PLAIN, 12);
            st.setAxisTitleFont(base.deriveFont(14f));
            st.setAxisTickLabelsFont(base.deriveFont(11f));
            st.setLegendFont(base.deriveFont(10f));
            st.setChartTitleFont(base.deriveFont(java.awt.Font.BOLD, 13f));
            st.setChartTitleVisible(!title.isEmpty());
            st.setChartTitleBoxVisible(false);
            st.setPlotBorderColor(new Color(160, 160, 160));
            st.setPlotGridLinesColor(new Color(215, 215, 215));
            st.setLegendBackgroundColor(new Color(255, 255, 255, 230));
            st.setLegendPadding(4);
            st.setLegendSeriesLineLength(22);
            st.setChartPadding(6);
            st.setMarkerSize(5);
            st.setPlotMargin(0);
            st.setAxisTickPadding(4);
            // numbers right-aligned against the frame (as matplotlib); no second axis line beside the frame's edge
            st.setYAxisLabelAlignment(org.knowm.xchart.style.AxesChartStyler.TextAlignment.Right);
            st.setAxisTicksLineVisible(false);
            // the frame is the axis range exactly (as matplotlib's limits): ranges are set below, content fills the frame
            st.setPlotContentSize(1.0);
            double[] xr = axisRange(true, tx);
            double[] yr = axisRange(false, ty);
            st.setXAxisMin(xr[0]);
            st.setXAxisMax(xr[1]);
            st.setYAxisMin(yr[0]);
            st.setYAxisMax(yr[1]);
            // log axes: XChart places ticks at uniform steps only, so its labels there are kept (transparent) just to
            // reserve the room; LogTicks chooses the ticks and TickedChart draws them, grid lines are series below
            if (tx) {
                LogTicks ticks = LogTicks.of(Math.pow(10, xr[0]), Math.pow(10, xr[1]), width - 110.0, true,
                        st.getAxisTickLabelsFont());
                chart.xTicks = ticks;
                reserve(st, true, ticks.widest(st.getAxisTickLabelsFont()));
                for (LogTicks.Tick t : ticks.majors()) {
                    gridLine(chart, new double[] {t.at(), t.at()}, new double[] {yr[0], yr[1]});
                }
            }
            if (ty) {
                LogTicks ticks = LogTicks.of(Math.pow(10, yr[0]), Math.pow(10, yr[1]), height - 90.0, false,
                        st.getAxisTickLabelsFont());
                chart.yTicks = ticks;
                reserve(st, false, ticks.widest(st.getAxisTickLabelsFont()));
                for (LogTicks.Tick t : ticks.majors()) {
                    gridLine(chart, new double[] {xr[0], xr[1]}, new double[] {t.at(), t.at()});
                }
            }
            chart.xRange = xr;
            chart.yRange = yr;
        } else {
            if (xMin != null) {
                st.setXAxisMin(xMin);
            }
            if (xMax != null) {
                st.setXAxisMax(xMax);
            }
            if (yMin != null) {
                st.setYAxisMin(yMin);
            }
            if (yMax != null) {
                st.setYAxisMax(yMax);
            }
        }
        int shown = 0;
        Color[] palette = st.getSeriesColors();
        java.util.Map<String, Color> groupColours = new java.util.HashMap<>();
        boolean grouped = groups.stream().anyMatch(java.util.Objects::nonNull);
        int nextColour = 0;
        double[] span = {Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY, 0}; // x min/max, y min/max drawn
        List<Runnable> errorBars = new ArrayList<>();
        for (int index = 0; index < series.size(); index++) {
            Series s = series.get(index);
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < s.x().length; i++) {
                double x = s.x()[i];
                double y = s.y()[i];
                if (!Double.isFinite(x) || !Double.isFinite(y) || (logX && x <= 0) || (logY && y <= 0)) {
                    continue;
                }
                if (!publication && s.style() != Style.MARKERS && yMax != null && y > yMax * (logY ? 10 : 1.5)) {
                    continue; // far outside a clipped range: do not draw lines to it
                }
                double e = s.error() == null ? 0 : s.error()[i];
                if (ty) {
                    // error bar [y - e, y + e] in log10 space: stored as its two ends (lower end clamped at y/10)
                    double lo = y - e > 0 ? Math.log10(y - e) : Math.log10(y) - 1;
                    pts.add(new double[] {tx ? Math.log10(x) : x, Math.log10(y), Math.log10(y + e) - Math.log10(y), lo});
                } else {
                    pts.add(new double[] {tx ? Math.log10(x) : x, y, e, y - e});
                }
            }
            if (publication && s.style() != Style.MARKERS) {
                pts = clip(swap(clip(swap(pts), xMin == null ? null : (tx ? Math.log10(xMin) : xMin),
                        xMax == null ? null : (tx ? Math.log10(xMax) : xMax))), yMin == null ? null : (ty ? Math.log10(yMin) : yMin),
                        yMax == null ? null : (ty ? Math.log10(yMax) : yMax));
            } else if (publication) {
                double x0 = xMin == null ? Double.NEGATIVE_INFINITY : (tx ? Math.log10(xMin) : xMin);
                double x1 = xMax == null ? Double.POSITIVE_INFINITY : (tx ? Math.log10(xMax) : xMax);
                double y0 = yMin == null ? Double.NEGATIVE_INFINITY : (ty ? Math.log10(yMin) : yMin);
                double y1 = yMax == null ? Double.POSITIVE_INFINITY : (ty ? Math.log10(yMax) : yMax);
                pts.removeIf(q -> q[0] < x0 || q[0] > x1 || q[1] < y0 || q[1] > y1);
            }
            if (pts.isEmpty()) {
                continue;
            }
            double[] x = pts.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = pts.stream().mapToDouble(p -> p[1]).toArray();
            for (int i = 0; i < x.length; i++) {
                span[0] = Math.min(span[0], x[i]);
                span[1] = Math.max(span[1], x[i]);
                span[2] = Math.min(span[2], y[i]);
                span[3] = Math.max(span[3], y[i]);
            }
            XYSeries xs;
            if (!publication && s.error() != null && !logY) {
                xs = chart.addSeries(uniqueName(chart, s.name()), x, y, pts.stream().mapToDouble(p -> p[2]).toArray());
            } else {
                xs = chart.addSeries(uniqueName(chart, s.name()), x, y);
            }
            float lw = publication ? 1.5f : 2.0f;
            switch (s.style()) {
                case LINE -> {
                    xs.setMarker(SeriesMarkers.NONE);
                    xs.setLineStyle(new BasicStroke(lw, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                }
                case DASHED -> {
                    xs.setMarker(SeriesMarkers.NONE);
                    xs.setLineStyle(publication ? new BasicStroke(lw, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                            new float[] {5f, 3f}, 0f) : SeriesLines.DASH_DASH);
                }
                case DOTTED -> {
                    xs.setMarker(SeriesMarkers.NONE);
                    xs.setLineStyle(new BasicStroke(lw, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                            new float[] {0.5f, 4f}, 0f));
                }
                case DASHDOT -> {
                    xs.setMarker(SeriesMarkers.NONE);
                    xs.setLineStyle(new BasicStroke(lw, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                            new float[] {7f, 3f, 1.5f, 3f}, 0f));
                }
                case MARKERS -> {
                    xs.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
                    xs.setMarker(SeriesMarkers.CIRCLE);
                }
                case GUIDE -> {
                    xs.setMarker(SeriesMarkers.NONE);
                    xs.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                            new float[] {publication ? 6f : 2f, 4f}, 0f));
                    xs.setLineColor(Color.DARK_GRAY);
                }
            }
            Color c = null;
            if (s.color() != null) {
                c = Palette.awt(s.color());
            } else if (grouped && s.style() != Style.GUIDE) {
                String g = groups.get(index);
                if (g == null) {
                    c = palette[nextColour++ % palette.length];
                } else {
                    c = groupColours.get(g);
                    if (c == null) {
                        c = palette[nextColour++ % palette.length];
                        groupColours.put(g, c);
                    }
                }
            }
            if (c != null) {
                xs.setLineColor(c);
                xs.setMarkerColor(c);
                xs.setFillColor(c);
            }
            xs.setShowInLegend(s.inLegend());
            if (publication && s.style() == Style.MARKERS && s.error() != null) {
                final Color barColour = c == null ? xs.getMarkerColor() : c;
                final List<double[]> bars = pts;
                final String base = s.name();
                errorBars.add(() -> {
                    int k = 0;
                    for (double[] p : bars) {
                        if (p[2] <= 0) {
                            continue;
                        }
                        XYSeries bar = chart.addSeries(base + " (error " + (k++) + ")", new double[] {p[0], p[0]},
                                new double[] {p[3], p[1] + p[2]});
                        bar.setMarker(SeriesMarkers.NONE);
                        bar.setLineColor(barColour);
                        bar.setLineStyle(new BasicStroke(1.2f));
                        bar.setShowInLegend(false);
                    }
                });
            }
            shown++;
        }
        errorBars.forEach(Runnable::run);
        // a log axis spanning less than two decades would show at most one label: label 1..9 x 10^k as well
        double xLo = xMin != null ? xMin : span[0];
        double xHi = xMax != null ? xMax : span[1];
        double yLo = yMin != null ? yMin : span[2];
        double yHi = yMax != null ? yMax : span[3];
        if (!publication) {
            st.setXAxisLogarithmicDecadeOnly(!(logX && xHi / xLo < 100));
            st.setYAxisLogarithmicDecadeOnly(!(logY && yHi / yLo < 100));
        }
        if (!publication && logX && xHi / xLo < 100 && xLo >= 1e-3 && xHi < 1e4) {
            st.setXAxisDecimalPattern("#.###");
        }
        if (!publication && logY && yHi / yLo < 100 && yLo >= 1e-3 && yHi < 1e4) {
            st.setYAxisDecimalPattern("#.###");
        }
        if (shown == 0) {
            throw new InvalidInputException("plot", "'" + title + "' has no point that can be drawn"
                    + (logX || logY ? " on logarithmic axes (values must be > 0)" : ""));
        }
        return chart;
    }

    /** Share of the data span added on each side of an automatic axis range (matplotlib's axes.xmargin). */
    static final double AUTO_MARGIN = 0.05;

    /**
     * The drawn range of an axis in its own units (log10 on a log axis): the fixed ends, and where an end is not
     * fixed the data's extent plus {@value #AUTO_MARGIN} of its span (a single value: half a unit either side).
     */
    double[] axisRange(boolean horizontal, boolean log) {
        Double fixedLo = horizontal ? xMin : yMin;
        Double fixedHi = horizontal ? xMax : yMax;
        boolean logOther = horizontal ? logY : logX;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            double[] v = horizontal ? s.x() : s.y();
            double[] w = horizontal ? s.y() : s.x();
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i]) || !Double.isFinite(w[i]) || (log && v[i] <= 0) || (logOther && w[i] <= 0)) {
                    continue;
                }
                double u = log ? Math.log10(v[i]) : v[i];
                lo = Math.min(lo, u);
                hi = Math.max(hi, u);
            }
        }
        Double fLo = fixedLo == null || (log && !(fixedLo > 0)) ? null : log ? Math.log10(fixedLo) : fixedLo;
        Double fHi = fixedHi == null || (log && !(fixedHi > 0)) ? null : log ? Math.log10(fixedHi) : fixedHi;
        if (fLo != null) {
            lo = Math.max(lo, fLo);
        }
        if (fHi != null) {
            hi = Math.min(hi, fHi);
        }
        if (!(lo <= hi)) { // no data inside: the fixed ends, or a unit range
            lo = fLo != null ? fLo : fHi != null ? fHi - 1 : 0;
            hi = fHi != null ? fHi : lo + 1;
        }
        double pad = hi > lo ? AUTO_MARGIN * (hi - lo) : 0.5;
        double a = fLo != null ? fLo : lo - pad;
        double b = fHi != null ? fHi : hi + pad;
        if (!(b > a)) {
            b = a + 1;
        }
        return new double[] {a, b};
    }

    /** Invisible XChart tick labels as wide as {@code widest}: they only reserve the room LogTicks' labels need. */
    private static void reserve(org.knowm.xchart.style.XYStyler st, boolean horizontal, String widest) {
        Color clear = new Color(0, 0, 0, 0);
        // the labels must differ from each other (XChart retries until they are unique): zero-width suffixes
        java.util.concurrent.atomic.AtomicLong n = new java.util.concurrent.atomic.AtomicLong();
        java.util.function.Function<Double, String> f = u -> widest
                + Long.toBinaryString(n.incrementAndGet()).replace('0', '\u200b').replace('1', '\u200c');
        if (horizontal) {
            st.setxAxisTickLabelsFormattingFunction(f);
            st.setXAxisTickLabelsColor(clear);
            st.setXAxisTickMarksColor(clear);
            st.setPlotGridVerticalLinesVisible(false);
        } else {
            st.setyAxisTickLabelsFormattingFunction(f);
            st.setYAxisTickLabelsColor(clear);
            st.setYAxisGroupTickLabelsColorMap(0, clear);
            st.setYAxisTickMarksColor(clear);
            st.setYAxisGroupTickMarksColorMap(0, clear);
            st.setPlotGridHorizontalLinesVisible(false);
        }
    }

    /** A grid line drawn as a series (so that it lies under the data), in the grid colour, not in the legend. */
    private static void gridLine(XYChart chart, double[] x, double[] y) {
        XYSeries g = chart.addSeries(uniqueName(chart, "grid"), x, y);
        g.setMarker(SeriesMarkers.NONE);
        g.setLineColor(chart.getStyler().getPlotGridLinesColor());
        g.setLineStyle(chart.getStyler().getPlotGridLinesStroke());
        g.setShowInLegend(false);
    }

    /**
     * An XChart chart that draws the ticks and labels of its publication log axes itself ({@link LogTicks}): outward
     * tick marks (minor ones shorter) and 10^k labels at the exact positions, in the frame's own mapping (the content
     * fills the frame, so position = frame edge + (u − min)/(max − min) · frame size).
     */
    static final class TickedChart extends XYChart {
        LogTicks xTicks;
        LogTicks yTicks;
        double[] xRange;
        double[] yRange;
        /** The panel letter drawn top left outside the frame, or null. */
        String letter;

        TickedChart(int width, int height) {
            super(width, height);
        }

        /** The frame (plot area) of the last paint. */
        java.awt.geom.Rectangle2D frame() {
            return plot.getBounds();
        }

        @Override
        public void paint(java.awt.Graphics2D g, int width, int height) {
            super.paint(g, width, height);
            java.awt.geom.Rectangle2D f = plot.getBounds();
            var st = getStyler();
            if (letter != null) {
                paintLetter(g, f, st.getChartTitleFont());
            }
            if (xTicks == null && yTicks == null) {
                return;
            }
            java.awt.Font font = st.getAxisTickLabelsFont();
            java.awt.font.FontRenderContext frc = g.getFontRenderContext();
            int len = st.getAxisTickMarkLength();
            double pad = st.getAxisTickPadding();
            java.awt.Color oldColour = g.getColor();
            java.awt.Stroke oldStroke = g.getStroke();
            Object aa = g.getRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING);
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g.setStroke(st.getAxisTickMarksStroke());
            if (xTicks != null) {
                for (LogTicks.Tick t : xTicks.ticks()) {
                    double sx = f.getX() + (t.at() - xRange[0]) / (xRange[1] - xRange[0]) * f.getWidth();
                    if (sx < f.getX() - 0.5 || sx > f.getMaxX() + 0.5) {
                        continue;
                    }
                    g.setColor(st.getAxisTickMarksColor());
                    g.draw(new java.awt.geom.Line2D.Double(sx, f.getMaxY(), sx, f.getMaxY() + (t.major() ? len : len * 0.6)));
                    if (t.major()) {
                        java.awt.Shape s = new java.awt.font.TextLayout(t.label(), font, frc).getOutline(null);
                        java.awt.geom.Rectangle2D b = s.getBounds2D();
                        g.setColor(st.getAxisTickLabelsColor());
                        g.fill(java.awt.geom.AffineTransform.getTranslateInstance(sx - b.getCenterX(),
                                f.getMaxY() + len + pad - b.getY()).createTransformedShape(s));
                    }
                }
            }
            if (yTicks != null) {
                for (LogTicks.Tick t : yTicks.ticks()) {
                    double sy = f.getMaxY() - (t.at() - yRange[0]) / (yRange[1] - yRange[0]) * f.getHeight();
                    if (sy < f.getY() - 0.5 || sy > f.getMaxY() + 0.5) {
                        continue;
                    }
                    g.setColor(st.getAxisTickMarksColor());
                    g.draw(new java.awt.geom.Line2D.Double(f.getX() - (t.major() ? len : len * 0.6), sy, f.getX(), sy));
                    if (t.major()) {
                        java.awt.Shape s = new java.awt.font.TextLayout(t.label(), font, frc).getOutline(null);
                        java.awt.geom.Rectangle2D b = s.getBounds2D();
                        g.setColor(st.getAxisTickLabelsColor());
                        g.fill(java.awt.geom.AffineTransform.getTranslateInstance(f.getX() - len - pad - b.getMaxX(),
                                sy - b.getCenterY()).createTransformedShape(s));
                    }
                }
            }
            g.setColor(oldColour);
            g.setStroke(oldStroke);
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, aa);
        }

        /**
         * The panel letter right-aligned 2 % of the frame's width left of its left edge, its baseline 2 % of the
         * frame's height above the top edge (matplotlib's {@code ax.text(-0.02, 1.02, ..., ha="right")}), clamped
         * into the chart.
         */
        private void paintLetter(java.awt.Graphics2D g, java.awt.geom.Rectangle2D f, java.awt.Font font) {
            java.awt.Shape s = new java.awt.font.TextLayout(letter, font, g.getFontRenderContext()).getOutline(null);
            java.awt.geom.Rectangle2D b = s.getBounds2D();
            double x = Math.max(2 - b.getX(), f.getX() - 0.02 * f.getWidth() - b.getMaxX());
            double y = Math.max(2 - b.getY(), f.getY() - 0.02 * f.getHeight() - b.getMaxY());
            java.awt.Color old = g.getColor();
            Object aa = g.getRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING);
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(getStyler().getChartFontColor());
            g.fill(java.awt.geom.AffineTransform.getTranslateInstance(x, y).createTransformedShape(s));
            g.setColor(old);
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, aa);
        }
    }

    /**
     * Keeps a line inside a fixed y range: points beyond the frame are replaced by the crossing with the frame
     * edge (interpolated in the axis metric), so a curve is clipped at the frame instead of cut short or drawn
     * across the axes.
     */
    private static List<double[]> clip(List<double[]> pts, Double yLow, Double yHigh) {
        if (yLow == null && yHigh == null) {
            return pts;
        }
        double lo = yLow == null ? Double.NEGATIVE_INFINITY : yLow;
        double hi = yHigh == null ? Double.POSITIVE_INFINITY : yHigh;
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < pts.size(); i++) {
            double[] p = pts.get(i);
            boolean in = p[1] >= lo && p[1] <= hi;
            if (i > 0) {
                double[] q = pts.get(i - 1);
                boolean qin = q[1] >= lo && q[1] <= hi;
                if (in != qin || (!in && !qin && (q[1] - hi) * (p[1] - hi) < 0 && (q[1] - lo) * (p[1] - lo) < 0)) {
                    for (double edge : new double[] {lo, hi}) {
                        if (Double.isFinite(edge) && (q[1] - edge) * (p[1] - edge) < 0) {
                            double f = (edge - q[1]) / (p[1] - q[1]);
                            out.add(new double[] {q[0] + f * (p[0] - q[0]), edge, 0, edge});
                        }
                    }
                }
            }
            if (in) {
                out.add(p);
            }
        }
        // a line that leaves and re-enters: XChart joins consecutive points, so split with a NaN-free jump only
        // when it stays outside briefly; publication charts draw each piece (the frame edge hides the join)
        return out;
    }

    /** Exchanges x and y of each point (to clip in x with the y clipper); error columns are dropped. */
    private static List<double[]> swap(List<double[]> pts) {
        List<double[]> out = new ArrayList<>(pts.size());
        for (double[] p : pts) {
            out.add(new double[] {p[1], p[0], 0, p[0]});
        }
        return out;
    }

    /** Tick label of a log axis: 10^k as 10 with a superscript exponent; m x 10^k for the 1..9 labels. */
    static String logTick(double v) {
        if (!(v > 0)) {
            return "";
        }
        double e = Math.log10(v);
        long k = Math.round(Math.floor(e + 1e-9));
        double mant = v / Math.pow(10, k);
        String pow = "10" + superscript(k);
        if (Math.abs(mant - 1) < 1e-6) {
            return pow;
        }
        long m = Math.round(mant);
        if (Math.abs(mant - m) > 1e-6) {
            return new java.math.BigDecimal(String.format(Locale.ROOT, "%.2g", v)).stripTrailingZeros().toPlainString();
        }
        if (k >= -2 && k <= 2) {
            return java.math.BigDecimal.valueOf(m).scaleByPowerOfTen((int) k).stripTrailingZeros().toPlainString();
        }
        return m + "\u00d7" + pow;
    }

    static String superscript(long k) {
        String digits = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";
        StringBuilder b = new StringBuilder();
        if (k < 0) {
            b.append('\u207b');
        }
        for (char ch : Long.toString(Math.abs(k)).toCharArray()) {
            b.append(digits.charAt(ch - '0'));
        }
        return b.toString();
    }

    private static String uniqueName(XYChart chart, String name) {
        String n = name;
        int k = 2;
        while (chart.getSeriesMap().containsKey(n)) {
            n = name + " (" + k++ + ")";
        }
        return n;
    }

    /** Writes {@code base}.png and {@code base}.svg; returns the two paths. */
    public List<Path> write(Path base) {
        return List.of(writePng(base.resolveSibling(base.getFileName() + ".png")),
                writeSvg(base.resolveSibling(base.getFileName() + ".svg")));
    }

    public Path writePng(Path file) {
        try {
            createParent(file);
            if (publication) {
                Files.write(file, PngEncoding.encode(chart(), PNG_DPI));
            } else {
                BitmapEncoder.saveBitmap(chart(), file.toString(), BitmapEncoder.BitmapFormat.PNG);
            }
            return file;
        } catch (IOException e) {
            throw new InvalidInputException("--out", file + " is not writable (" + e.getMessage() + ")");
        }
    }

    public Path writeSvg(Path file) {
        try {
            createParent(file);
            // as XChart's VectorGraphicsEncoder, but with text kept as <text> (glyph outlines make the file ~10x larger)
            XYChart chart = chart();
            de.erichseifert.vectorgraphics2d.VectorGraphics2D g = new de.erichseifert.vectorgraphics2d.VectorGraphics2D();
            g.setRenderingHint(de.erichseifert.vectorgraphics2d.VectorHints.KEY_TEXT,
                    de.erichseifert.vectorgraphics2d.VectorHints.VALUE_TEXT_DEFAULT);
            chart.paint(g, chart.getWidth(), chart.getHeight());
            de.erichseifert.vectorgraphics2d.Processor processor = de.erichseifert.vectorgraphics2d.Processors.get("svg");
            de.erichseifert.vectorgraphics2d.Document doc = processor.getDocument(g.getCommands(),
                    new de.erichseifert.vectorgraphics2d.util.PageSize(0.0, 0.0, chart.getWidth(), chart.getHeight()));
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
            doc.writeTo(buffer);
            // two decimals of a pixel are plenty: shortens the file by ~40 %
            String svg = buffer.toString(java.nio.charset.StandardCharsets.UTF_8).replaceAll("(\\d\\.\\d{2})\\d+", "$1");
            // the transparent XChart labels that only reserve room beside a log axis (TickedChart) are not drawn
            svg = svg.replaceAll("<path d=\"[^\"]*\" style=\"fill:rgb\\([0-9,]+\\);fill-opacity:0;stroke:none;\"/>\\s*", "");
            Files.writeString(file, svg, java.nio.charset.StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new InvalidInputException("--out", file + " is not writable (" + e.getMessage() + ")");
        }
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
