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
import org.knowm.xchart.XYChartBuilder;
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
    public enum Style { LINE, DASHED, MARKERS, GUIDE }

    /** One series; {@code error} may be null. */
    public record Series(String name, double[] x, double[] y, double[] error, Style style, boolean inLegend) {
        public Series(String name, double[] x, double[] y, double[] error, Style style) {
            this(name, x, y, error, style, true);
        }
    }

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
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        var st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(230, 230, 230));
        st.setPlotGridLinesStroke(new BasicStroke(0.6f)); // solid: dashed grids become thousands of SVG rectangles
        st.setLegendPosition(legend);
        st.setLegendBorderColor(new Color(200, 200, 200));
        st.setXAxisLogarithmic(logX);
        st.setYAxisLogarithmic(logY);
        st.setAntiAlias(true);
        st.setMarkerSize(6);
        st.setXAxisDecimalPattern(logX ? "0.###E0" : "#.###");
        st.setYAxisDecimalPattern(logY ? "0.#E0" : "#.###");
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
        int shown = 0;
        Color[] palette = st.getSeriesColors();
        java.util.Map<String, Color> groupColours = new java.util.HashMap<>();
        boolean grouped = groups.stream().anyMatch(java.util.Objects::nonNull);
        int nextColour = 0;
        double[] span = {Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY, 0}; // x min/max, y min/max drawn
        for (int index = 0; index < series.size(); index++) {
            Series s = series.get(index);
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < s.x().length; i++) {
                double x = s.x()[i];
                double y = s.y()[i];
                if (!Double.isFinite(x) || !Double.isFinite(y) || (logX && x <= 0) || (logY && y <= 0)) {
                    continue;
                }
                if (s.style() != Style.MARKERS && yMax != null && y > yMax * (logY ? 10 : 1.5)) {
                    continue; // far outside a clipped range: do not draw lines to it
                }
                pts.add(new double[] {x, y, s.error() == null ? 0 : s.error()[i]});
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
            if (s.error() != null && !logY) {
                xs = chart.addSeries(uniqueName(chart, s.name()), x, y, pts.stream().mapToDouble(p -> p[2]).toArray());
            } else {
                xs = chart.addSeries(uniqueName(chart, s.name()), x, y);
            }
            switch (s.style()) {
                case LINE -> xs.setMarker(SeriesMarkers.NONE);
                case DASHED -> {
                    xs.setMarker(SeriesMarkers.NONE);
                    xs.setLineStyle(SeriesLines.DASH_DASH);
                }
                case MARKERS -> {
                    xs.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
                    xs.setMarker(SeriesMarkers.CIRCLE);
                }
                case GUIDE -> {
                    xs.setMarker(SeriesMarkers.NONE);
                    xs.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                            new float[] {2f, 4f}, 0f));
                    xs.setLineColor(Color.DARK_GRAY);
                }
            }
            if (grouped && s.style() != Style.GUIDE) {
                String g = groups.get(index);
                Color c;
                if (g == null) {
                    c = palette[nextColour++ % palette.length];
                } else {
                    c = groupColours.get(g);
                    if (c == null) {
                        c = palette[nextColour++ % palette.length];
                        groupColours.put(g, c);
                    }
                }
                xs.setLineColor(c);
                xs.setMarkerColor(c);
                xs.setFillColor(c);
            }
            xs.setShowInLegend(s.inLegend());
            shown++;
        }
        // a log axis spanning less than two decades would show at most one label: label 1..9 x 10^k as well
        double xLo = xMin != null ? xMin : span[0];
        double xHi = xMax != null ? xMax : span[1];
        double yLo = yMin != null ? yMin : span[2];
        double yHi = yMax != null ? yMax : span[3];
        st.setXAxisLogarithmicDecadeOnly(!(logX && xHi / xLo < 100));
        st.setYAxisLogarithmicDecadeOnly(!(logY && yHi / yLo < 100));
        if (logX && xHi / xLo < 100 && xLo >= 1e-3 && xHi < 1e4) {
            st.setXAxisDecimalPattern("#.###");
        }
        if (logY && yHi / yLo < 100 && yLo >= 1e-3 && yHi < 1e4) {
            st.setYAxisDecimalPattern("#.###");
        }
        if (shown == 0) {
            throw new InvalidInputException("plot", "'" + title + "' has no point that can be drawn"
                    + (logX || logY ? " on logarithmic axes (values must be > 0)" : ""));
        }
        return chart;
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
            BitmapEncoder.saveBitmap(chart(), file.toString(), BitmapEncoder.BitmapFormat.PNG);
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
