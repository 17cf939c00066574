package org.iclscale.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iclscale.core.InvalidInputException;
import org.iclscale.io.Report;
import org.iclscale.plot.Plot;
import org.iclscale.scaling.RegimeMap;
import org.iclscale.scaling.Term;

/**
 * {@code exponents --regime-diagram BASE}: the {@link RegimeMap} over the grid of {@code --nu} × {@code --beta} as
 * data ({@code BASE.csv}: one row per grid point with a 0/1 column per term for "saturates" and "paper's exponent
 * differs", and the category; {@code BASE-boundaries.csv}: the bisected boundaries) and as a figure through
 * {@link Plot} ({@code BASE.png}, {@code BASE.svg}: one marker series per category, one line per boundary).
 */
final class RegimeDiagramFiles {

    /** Most grid points of a diagram. */
    static final int MAX_POINTS = 40_000;

    private RegimeDiagramFiles() {
    }

    static Report write(Path base, List<Double> nus, List<Double> betas) {
        if ((long) nus.size() * betas.size() > MAX_POINTS) {
            throw new InvalidInputException("--regime-diagram", nus.size() * (long) betas.size() + " grid points is more than "
                    + MAX_POINTS);
        }
        if (betas.size() < 2) {
            throw new InvalidInputException("--beta", betas.size() + " value", "at least 2 values (a list or a:b:lin:n) for a regime diagram");
        }
        RegimeMap map = RegimeMap.of(nus.stream().mapToDouble(Double::doubleValue).toArray(),
                betas.stream().mapToDouble(Double::doubleValue).toArray());
        Path csv = sibling(base, ".csv");
        Path boundaries = sibling(base, "-boundaries.csv");
        Map<String, Integer> categories = new LinkedHashMap<>();
        try (PrintWriter out = writer(csv)) {
            StringBuilder header = new StringBuilder("nu,beta");
            for (Term t : Term.values()) {
                header.append(',').append(t.key()).append("Saturated");
            }
            for (Term t : Term.values()) {
                header.append(',').append(t.key()).append("PaperDiffers");
            }
            out.println(header.append(",category").toString());
            for (RegimeMap.Point p : map.points()) {
                StringBuilder row = new StringBuilder(num(p.nu())).append(',').append(num(p.beta()));
                for (Term t : Term.values()) {
                    row.append(',').append(p.saturated().contains(t) ? 1 : 0);
                }
                for (Term t : Term.values()) {
                    row.append(',').append(p.paperDiffers().contains(t) ? 1 : 0);
                }
                out.println(row.append(",\"").append(p.category()).append('"').toString());
                categories.merge(p.category(), 1, Integer::sum);
            }
        }
        Map<String, List<double[]>> lines = new LinkedHashMap<>();
        try (PrintWriter out = writer(boundaries)) {
            out.println("term,kind,nu,beta");
            for (RegimeMap.Boundary b : map.boundaries()) {
                out.println(b.term().key() + "," + b.kind().name().toLowerCase(Locale.ROOT) + "," + num(b.nu()) + ","
                        + num(b.beta()));
                lines.computeIfAbsent(label(b), k -> new ArrayList<>()).add(new double[] {b.nu(), b.beta()});
            }
        }
        Plot plot = new Plot("Regimes of the exponent table over (nu, beta)", "nu (capacity)", "beta (source)")
                .legend("outside").size(980, 560);
        for (String category : categories.keySet()) {
            List<double[]> pts = map.points().stream().filter(p -> p.category().equals(category))
                    .map(p -> new double[] {p.nu(), p.beta()}).toList();
            plot.markers(category, column(pts, 0), column(pts, 1), null);
        }
        lines.forEach((name, pts) -> {
            List<double[]> sorted = new ArrayList<>(pts);
            sorted.sort((a, b) -> Double.compare(a[0], b[0]));
            if (sorted.size() > 1) {
                plot.line(name, column(sorted, 0), column(sorted, 1));
            } else {
                plot.markers(name, column(sorted, 0), column(sorted, 1), null);
            }
        });
        List<Path> images = plot.write(base);
        Report r = new Report("regime diagram");
        r.put("nuPoints", nus.size()).put("betaPoints", betas.size());
        r.put("data", csv.toString()).put("boundaries", boundaries.toString());
        r.put("png", images.get(0).toString()).put("svg", images.get(1).toString());
        Map<String, Object> counts = new LinkedHashMap<>(categories);
        r.put("categories", counts);
        Map<String, Object> perBoundary = new LinkedHashMap<>();
        lines.forEach((name, pts) -> perBoundary.put(name, pts.size()));
        r.put("boundaryPoints", perBoundary);
        r.put("method", "tail-sum rule of formulas/scaling-exponents.m at every grid point (saturation s/p >= m, paper's "
                + "exponent vs derived); boundaries by bisection in beta between neighbouring grid points ("
                + "2^-50 of the spacing)");
        return r;
    }

    private static String label(RegimeMap.Boundary b) {
        return switch (b.kind()) {
            case SATURATION -> b.term().key() + " saturates";
            case PAPER_DIFFERS -> "paper's " + b.term().key() + " exponent wrong/right";
            case PAPER_CROSSES -> "paper's " + b.term().key() + " exponent right only here";
        };
    }

    private static double[] column(List<double[]> pts, int j) {
        return pts.stream().mapToDouble(p -> p[j]).toArray();
    }

    private static Path sibling(Path base, String suffix) {
        return base.resolveSibling(base.getFileName() + suffix);
    }

    private static PrintWriter writer(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidInputException("--regime-diagram", file + " is not writable (" + e.getMessage() + ")");
        }
    }

    private static String num(double v) {
        return Double.toString(v);
    }
}
