package org.iclscale.plot;

import java.util.Locale;

/**
 * The sequential colour map of the paper's figures: seaborn's "rocket" (dark purple → salmon). Seaborn's
 * {@code color_palette("rocket", n)} takes the colours at positions i/(n + 1), i = 1..n; the anchors below are the
 * colours the paper's PDFs hold for n = 4, 5, 6, 7, 8 (README of the digitized figures) and the map's two ends,
 * linearly interpolated in between. An ordered parameter (L, α, β, k, σ, N) gets colour {@link #rocket(int, int)}
 * for its i-th of n values in every curve of a panel: theory line, markers and error bars alike.
 */
public final class Palette {

    private static final double[] POS = {0, 1.0 / 9, 1.0 / 8, 1.0 / 7, 1.0 / 6, 0.2, 2.0 / 9, 0.25, 2.0 / 7, 1.0 / 3,
        3.0 / 8, 0.4, 3.0 / 7, 4.0 / 9, 0.5, 5.0 / 9, 4.0 / 7, 0.6, 5.0 / 8, 2.0 / 3, 5.0 / 7, 0.75, 7.0 / 9, 0.8,
        5.0 / 6, 6.0 / 7, 7.0 / 8, 8.0 / 9, 1};
    private static final int[] RGB = {0x03051a, 0x2a1636, 0x30173a, 0x35193e, 0x3f1b43, 0x4c1d4b, 0x541e4e, 0x611f53,
        0x701f57, 0x841e5a, 0x971c5b, 0xa11a5b, 0xad1759, 0xb41658, 0xcb1b4f, 0xdd2c45, 0xe13342, 0xe83f3f, 0xec4c3e,
        0xf06043, 0xf37651, 0xf58860, 0xf5946b, 0xf69c73, 0xf6ab83, 0xf6b48f, 0xf6bc99, 0xf6c19f, 0xfaebdd};

    /** Black, for "Theory" lines drawn over coloured experiments (as in the paper's Figs. 3a, 6a, 7). */
    public static final String BLACK = "#000000";
    /** Red, for guides and bottleneck lines (the paper's colour for them). */
    public static final String RED = "#ff0000";
    /** Blue, the guide of the paper's Fig. 4c. */
    public static final String BLUE = "#0000ff";

    private Palette() {
    }

    /** Colour of the i-th (0-based) of n ordered values: the rocket map at (i + 1)/(n + 1), as #rrggbb. */
    public static String rocket(int i, int n) {
        if (n < 1 || i < 0 || i >= n) {
            throw new IllegalArgumentException("colour " + i + " of " + n);
        }
        return at((i + 1.0) / (n + 1.0));
    }

    /** The rocket map at position u in [0, 1]. */
    static String at(double u) {
        int k = 1;
        while (k < POS.length - 1 && POS[k] < u - 1e-12) {
            k++;
        }
        double f = POS[k] == POS[k - 1] ? 0 : (u - POS[k - 1]) / (POS[k] - POS[k - 1]);
        f = Math.max(0, Math.min(1, f));
        int a = RGB[k - 1];
        int b = RGB[k];
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - f) + ((b >> 16) & 0xff) * f);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - f) + ((b >> 8) & 0xff) * f);
        int bl = (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, bl);
    }

    /** #rrggbb → AWT colour. */
    public static java.awt.Color awt(String hex) {
        return new java.awt.Color(Integer.parseInt(hex.substring(1), 16));
    }
}
