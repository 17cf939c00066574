package org.iclscale.plot;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ticks of a logarithmic axis as matplotlib's LogLocator and LogFormatterSciNotation place them: labels 10^k exactly
 * at integer decades (every s-th decade when the decades are too close for every label), unlabelled minor ticks at
 * 2..9 × 10^k; an axis spanning less than {@value #NARROW_DECADES} decades is labelled at 1, 2, 5 × 10^k (under
 * one decade at 1..9 × 10^k, then a linear 1-2-5 step) so that it always shows at least two labels. A label is never empty, and
 * an integer decade is never labelled with anything but 10^k. Positions are in log10 units.
 */
final class LogTicks {

    /** Below this many decades the 1, 2, 5 × 10^k labels are added (two or fewer decade labels otherwise). */
    static final double NARROW_DECADES = 1.5;

    /** Gap between neighbouring labels, in chart pixels (72 dpi). */
    private static final double GAP = 8;

    /** Minor ticks are left out when they would be closer than this (chart pixels). */
    private static final double MINOR_MIN_SPACING = 1.5;

    /** A tick at log10 position {@code at}; {@code label} null for a minor (unlabelled) tick. */
    record Tick(double at, String label) {
        boolean major() {
            return label != null;
        }
    }

    private final List<Tick> ticks;

    private LogTicks(List<Tick> ticks) {
        this.ticks = List.copyOf(ticks);
    }

    List<Tick> ticks() {
        return ticks;
    }

    List<Tick> majors() {
        return ticks.stream().filter(Tick::major).toList();
    }

    /** The label with the widest outline in {@code font} (the space XChart reserves for the labels). */
    String widest(Font font) {
        String best = "10\u2070";
        double w = -1;
        for (Tick t : majors()) {
            double tw = width(t.label(), font);
            if (tw > w) {
                w = tw;
                best = t.label();
            }
        }
        return best;
    }

    /**
     * Ticks of the axis [lo, hi] (values, 0 < lo < hi) drawn over {@code pixels}; {@code horizontal}: labels side by
     * side (an x axis: their widths must fit), otherwise stacked (a y axis: their heights must fit).
     */
    static LogTicks of(double lo, double hi, double pixels, boolean horizontal, Font font) {
        if (!(lo > 0) || !(hi > lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("log axis range [" + lo + ", " + hi + "]");
        }
        double a = Math.log10(lo);
        double b = Math.log10(hi);
        double perDecade = pixels / (b - a);
        List<Tick> out = new ArrayList<>();
        if (b - a >= NARROW_DECADES) {
            decades(a, b, perDecade, horizontal, font, out);
        } else {
            narrow(a, b, perDecade, horizontal, font, out);
        }
        out.sort((p, q) -> Double.compare(p.at(), q.at()));
        return new LogTicks(out);
    }

    /** Wide axes: 10^k at every s-th decade, s = 1, 2, 5, 10, ... the smallest whose labels do not collide. */
    private static void decades(double a, double b, double perDecade, boolean horizontal, Font font, List<Tick> out) {
        long k0 = (long) Math.ceil(a - 1e-9);
        long k1 = (long) Math.floor(b + 1e-9);
        double need = 0;
        for (long k = k0; k <= k1; k++) {
            need = Math.max(need, extent(decadeLabel(k), horizontal, font));
        }
        need += GAP;
        long s = 1;
        for (int i = 0; s * perDecade < need && i < 40; i++) {
            s = i % 3 == 0 ? s * 2 : i % 3 == 1 ? s / 2 * 5 : s * 2; // 1, 2, 5, 10, 20, 50, ...
        }
        boolean outermost = countMultiples(k0, k1, s) < 2; // then label the first and last decade only
        for (long k = k0; k <= k1; k++) {
            boolean labelled = outermost ? k == k0 || k == k1 : Math.floorMod(k, s) == 0;
            out.add(new Tick(k, labelled ? decadeLabel(k) : null));
        }
        if (s == 1 && perDecade * (Math.log10(10) - Math.log10(9)) >= MINOR_MIN_SPACING) {
            for (long k = k0 - 1; k <= k1; k++) {
                for (int m = 2; m <= 9; m++) {
                    double u = k + Math.log10(m);
                    if (u >= a - 1e-12 && u <= b + 1e-12) {
                        out.add(new Tick(u, null));
                    }
                }
            }
        }
    }

    private static long countMultiples(long k0, long k1, long s) {
        return Math.floorDiv(k1, s) - Math.floorDiv(k0 - 1, s);
    }

    /**
     * Narrow axes (under {@value #NARROW_DECADES} decades): labels at 1, 2, 5 × 10^k (1..9 × 10^k under one decade),
     * else a linear 1-2-5 step of the value; labels that would collide are dropped (decades kept first).
     */
    private static void narrow(double a, double b, double perDecade, boolean horizontal, Font font, List<Tick> out) {
        int[] all = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        // under one decade every mantissa that fits is labelled (as matplotlib's minor labels, Fig. 5a/5b)
        for (int[] mantissas : b - a < 1 ? new int[][] {all} : new int[][] {{1, 2, 5}, all}) {
            List<double[]> cand = new ArrayList<>(); // {position, mantissa, exponent}
            for (long k = (long) Math.floor(a) - 1; k <= (long) Math.ceil(b); k++) {
                for (int m : mantissas) {
                    double u = k + Math.log10(m);
                    if (u >= a - 1e-12 && u <= b + 1e-12) {
                        cand.add(new double[] {m == 1 ? k : u, m, k});
                    }
                }
            }
            List<Tick> labelled = spaced(cand, perDecade, horizontal, font);
            if (labelled.size() >= 2) {
                out.addAll(labelled);
                for (long k = (long) Math.floor(a) - 1; k <= (long) Math.ceil(b); k++) {
                    for (int m = 1; m <= 9; m++) {
                        double u = m == 1 ? k : k + Math.log10(m);
                        if (u >= a - 1e-12 && u <= b + 1e-12 && labelled.stream().noneMatch(t -> Math.abs(t.at() - u) < 1e-9)) {
                            out.add(new Tick(u, null));
                        }
                    }
                }
                return;
            }
        }
        // less than one mantissa step wide: a linear 1-2-5 step of the value itself (at least two labels)
        double lo = Math.pow(10, a);
        double hi = Math.pow(10, b);
        double raw = (hi - lo) / 3;
        int e = (int) Math.floor(Math.log10(raw));
        int c = raw / Math.pow(10, e) >= 5 ? 5 : raw / Math.pow(10, e) >= 2 ? 2 : 1;
        double step = c * Math.pow(10, e);
        List<double[]> cand = new ArrayList<>();
        for (long n = (long) Math.ceil(lo / step - 1e-9); n * step <= hi * (1 + 1e-12); n++) {
            BigDecimal v = BigDecimal.valueOf(n * c).scaleByPowerOfTen(e).stripTrailingZeros();
            int k = v.precision() - v.scale() - 1; // exponent of the leading digit
            double mant = v.scaleByPowerOfTen(-k).doubleValue();
            cand.add(new double[] {mant == 1 ? k : Math.log10(v.doubleValue()), mant, k});
        }
        List<Tick> labelled = spaced(cand, perDecade, horizontal, font);
        if (labelled.size() < 2 && cand.size() >= 2) {
            labelled = List.of(tick(cand.get(0)), tick(cand.get(cand.size() - 1)));
        }
        out.addAll(labelled);
    }

    /** Keeps the candidates whose labels do not collide, decades first, then left to right. */
    private static List<Tick> spaced(List<double[]> cand, double perDecade, boolean horizontal, Font font) {
        List<Tick> all = cand.stream().map(LogTicks::tick).toList();
        List<Tick> kept = new ArrayList<>();
        for (boolean decadesPass : new boolean[] {true, false}) {
            for (Tick t : all) {
                boolean decade = Math.abs(t.at() - Math.rint(t.at())) < 1e-9;
                if (decade != decadesPass) {
                    continue;
                }
                boolean free = true;
                for (Tick q : kept) {
                    double distance = Math.abs(t.at() - q.at()) * perDecade;
                    double need = horizontal ? (extent(t.label(), true, font) + extent(q.label(), true, font)) / 2 + GAP
                            : extent(t.label(), false, font) + GAP / 2;
                    if (distance < need) {
                        free = false;
                        break;
                    }
                }
                if (free) {
                    kept.add(t);
                }
            }
        }
        kept.sort((p, q) -> Double.compare(p.at(), q.at()));
        return kept;
    }

    private static Tick tick(double[] c) {
        return new Tick(c[0], label(c[1], (long) c[2]));
    }

    /** m × 10^k; 10^k when m = 1. */
    static String label(double mantissa, long k) {
        if (Math.abs(mantissa - 1) < 1e-9) {
            return decadeLabel(k);
        }
        String m = new BigDecimal(String.format(Locale.ROOT, "%.3g", mantissa)).stripTrailingZeros().toPlainString();
        return m + "\u00d7" + decadeLabel(k);
    }

    static String decadeLabel(long k) {
        return "10" + Plot.superscript(k);
    }

    private static double extent(String label, boolean horizontal, Font font) {
        if (horizontal) {
            return width(label, font);
        }
        return new TextLayout("10\u207b\u00b9", font, FRC).getBounds().getHeight();
    }

    private static final FontRenderContext FRC = new FontRenderContext(null, true, false);

    static double width(String label, Font font) {
        return new TextLayout(label, font, FRC).getBounds().getWidth();
    }
}
