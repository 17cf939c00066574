package org.iclscale.figures;

import java.util.List;
import java.util.Locale;
import org.iclscale.core.InvalidInputException;

/**
 * The registry of the paper's figures: one builder per figure ({@link Fig1} … {@link Fig8}), each computing typed
 * panel data ({@link Figure.Panel}: a {@link org.iclscale.plot.Chart} plus the CSV tables) from the models of
 * iclscale-core with the parameters of paper-notes §6, on the paper's own axes; drawing is left to
 * {@code org.iclscale.plot}. Figs. 6c and 9 (softmax attention) have no theory and are not built.
 */
public final class PaperFigures {

    /** The figure ids {@code figure N} accepts, in paper order ({@code 1c}: panel 1c alone). */
    public static final List<String> IDS = List.of("1", "2", "3", "4", "5", "6", "7", "8");

    /**
     * Simulation overlays (off by default so figures stay fast): Monte Carlo contexts per point / test contexts per
     * measurement ({@code trials}), seed, dimension D (0: each panel's default), independent runs per curve, and
     * {@code paperSize}: run every overlay at the paper's own sizes (D, P, B, K and number of steps of its runs,
     * paper-notes §6) instead of the documented smaller defaults that keep {@code figure all --simulate} within
     * its time budget (README figure table: each panel's size and measured cost).
     */
    public record Options(boolean simulate, int trials, long seed, int dim, int runs, boolean paperSize) {
        public static final Options THEORY_ONLY = new Options(false, 0, 1, 0, 0, false);

        public Options(boolean simulate, int trials, long seed, int dim, int runs) {
            this(simulate, trials, seed, dim, runs, false);
        }

        public Options(boolean simulate, int trials, long seed, int dim) {
            this(simulate, trials, seed, dim, 4, false);
        }

        /** These options with D = {@code fallback} when no dimension was given (dim = 0: each figure's default). */
        public Options withDefaultDim(int fallback) {
            return dim > 0 ? this : new Options(simulate, trials, seed, fallback, runs, paperSize);
        }

        /** The simulation's D: --sim-dim if given, else the paper's D with {@code paperSize}, else the default. */
        public int dim(int paper, int reduced) {
            return dim > 0 ? dim : paperSize ? paper : reduced;
        }

        /** True when the overlay runs at the paper's D (given or by {@code paperSize}). */
        public boolean atPaperDim(int paper, int reduced) {
            return dim(paper, reduced) == paper;
        }
    }

    private PaperFigures() {
    }

    public static Figure build(String id, Options o) {
        return switch (id.toLowerCase(Locale.ROOT)) {
            case "1" -> Fig1.build(o);
            case "1c" -> new Figure("1c", "ISO: optimal loss against context", List.of(Fig1.fig1c(o)), List.of());
            case "2" -> Fig2.build();
            case "3" -> Fig3.build(o);
            case "4" -> Fig4.build(o);
            case "5" -> Fig5.build();
            case "6", "6a" -> Fig6.build(o);
            case "7" -> Fig7.build(o);
            case "8" -> Fig8.build(o);
            default -> throw new InvalidInputException("figure", id, "one of " + String.join(", ", IDS) + ", 1c or all");
        };
    }
}
