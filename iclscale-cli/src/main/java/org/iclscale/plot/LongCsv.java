package org.iclscale.plot;

import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.Set;
import org.iclscale.core.Numbers;

/**
 * A chart's data in the long format of the paper's digitized figures: one row per point,
 * {@code panel,curve,kind,x,y[,yerr]} (yerr present when a series has error bars, empty on the other rows).
 * Curve names are the paper's legend text and are unique within the panel; numbers are written in Java's
 * shortest round-trip form (locale independent). Non-finite points are skipped.
 */
public final class LongCsv {

    private LongCsv() {
    }

    /** True when any series of the chart carries error bars (the file then has a yerr column). */
    public static boolean hasErrors(Chart chart) {
        return chart.series().stream().anyMatch(s -> s.yerr() != null);
    }

    /** The number of rows written for a series (its finite points), in file order. */
    public static int rows(Chart.Series s) {
        double[] x = s.x();
        double[] y = s.y();
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                n++;
            }
        }
        return n;
    }

    public static void write(Chart chart, Writer out) throws IOException {
        boolean err = hasErrors(chart);
        Set<String> names = new HashSet<>();
        out.write(err ? "panel,curve,kind,x,y,yerr\n" : "panel,curve,kind,x,y\n");
        for (Chart.Series s : chart.series()) {
            if (!names.add(s.name())) {
                throw new IllegalStateException(chart.panel() + ": curve name '" + s.name() + "' twice");
            }
            if (s.name().contains(",") || s.name().contains("\"")) {
                throw new IllegalStateException(chart.panel() + ": curve name '" + s.name() + "' has a comma or quote");
            }
            double[] x = s.x();
            double[] y = s.y();
            double[] e = s.yerr();
            for (int i = 0; i < x.length; i++) {
                if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                    continue;
                }
                StringBuilder row = new StringBuilder();
                row.append(chart.panel()).append(',').append(s.name()).append(',').append(s.kind().csv()).append(',')
                        .append(number(x[i])).append(',').append(number(y[i]));
                if (err) {
                    row.append(',');
                    if (e != null && Double.isFinite(e[i])) {
                        row.append(number(e[i]));
                    }
                }
                out.write(row.append('\n').toString());
            }
        }
        out.flush();
    }

    static String number(double v) {
        return Numbers.compact(v);
    }
}
