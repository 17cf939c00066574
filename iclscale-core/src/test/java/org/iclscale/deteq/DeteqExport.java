package org.iclscale.deteq;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iclscale.core.Depth;
import org.iclscale.core.Setting;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.GammaLandscape;

/**
 * Test-scope tool of bench/sweep-vs-numpy.sh: builds the solver of each deterministic-equivalent regime once
 * (ν = 1.5, β = 0.8, D = 400, L = 4, σ = 0, the cases of org.iclscale.bench.SweepCpuCheck) and writes what a further
 * γ needs, for bench/numpy_deteq.py to evaluate vectorised over γ: the one-point density's atom, grid and weights;
 * each contour's spectral bound and the grids of levels 0..{@link TwoPointContour#MAX_LEVEL} (nodes, weights, T).
 * It also writes Java's losses on the γ grid 0.5:5.4:lin:K, which the NumPy script must reproduce to ~1e-12.
 * One array per line, {@code name v1 v2 ...}, with {@link Double#toString} (round-trip exact).
 * Usage: {@code DeteqExport FILE K}.
 */
public final class DeteqExport {

    private DeteqExport() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int k = Integer.parseInt(args[1]);
        Spectrum spectrum = Spectrum.powerLaw(1.5, 0.8, 400);
        Depth depth = Depth.of(4);
        double[] gammas = new double[k];
        for (int i = 0; i < k; i++) {
            gammas[i] = 0.5 + (5.4 - 0.5) * i / (k - 1);
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            write(out, "depth", 4);
            write(out, "gamma", gammas);
            OnePointDensity density = new OnePointDensity(spectrum, 100);
            write(out, "density.atom", density.atom());
            write(out, "density.s", density.grid());
            write(out, "density.w", density.gridWeights());
            losses(out, "density", StructuredLandscapes.width(density, spectrum, depth, 0), gammas);
            contour(out, "wishart", new TwoPointContour(spectrum, Double.POSITIVE_INFINITY, 200), Double.POSITIVE_INFINITY,
                    depth, gammas);
            contour(out, "contour", new TwoPointContour(spectrum, 100, 200), 100, depth, gammas);
        }
    }

    private static void contour(PrintWriter out, String name, TwoPointContour c, double width, Depth depth,
            double[] gammas) {
        write(out, name + ".bound", c.spectralBound());
        String[] parts = {"wInRe", "wInIm", "dwInRe", "dwInIm", "wOutRe", "wOutIm", "dwOutRe", "dwOutIm", "tRe", "tIm"};
        for (int level = 0; level <= TwoPointContour.MAX_LEVEL; level++) {
            double[][] a = c.gridArrays(level);
            for (int j = 0; j < parts.length; j++) {
                write(out, name + "." + level + "." + parts[j], a[j]);
            }
        }
        losses(out, name, StructuredLandscapes.context(Setting.RRS, c, width, 200, depth, 0), gammas);
    }

    private static void losses(PrintWriter out, String name, GammaLandscape l, double[] gammas) {
        double[] loss = new double[gammas.length];
        for (int i = 0; i < gammas.length; i++) {
            loss[i] = l.loss(gammas[i]);
        }
        write(out, name + ".loss", loss);
    }

    private static void write(PrintWriter out, String name, double... values) {
        StringBuilder b = new StringBuilder(name);
        for (double v : values) {
            b.append(' ').append(v);
        }
        out.println(b);
    }
}
