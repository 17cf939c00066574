package org.iclscale.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Expression;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Inputs;
import org.iclscale.io.CsvTable;
import org.iclscale.plot.Chart;
import org.iclscale.plot.ChartFiles;
import org.iclscale.plot.Decimation;
import org.iclscale.plot.Palette;
import org.iclscale.plot.Plot;
import org.iclscale.io.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code plot}: PNG and SVG of curves from a CSV file (or stdin), or straight from a verb run in this JVM
 * ({@code plot [options] -- VERB ARGS...}, e.g. a sweep), against any column (α, L, N, t, γ, ...), with
 * optional log axes, one curve per value of a {@code --series} column and power-law guide lines whose slope
 * is a number or an expression in {@code --var} values (e.g. {@code --guide-slope "-beta/(2+beta)" --var beta=0.8}).
 */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Plot columns of a CSV (a file, - for stdin, or the output of '-- VERB ARGS...') as PNG and SVG.",
            "Example: iclscale plot --x alpha --y loss --series depth --log x --out fig -- sweep optimum --alpha 0.1:10:log:40 --depth 1,2,4,8",
            "Guide lines y ~ x^slope for power laws: --guide-slope \"-beta/(2+beta)\" --var beta=0.8 (drawn on log-log axes).",
            "A curve of more than 5000 points is drawn from 5000: its first and last point and the lowest and highest y",
            "of each of 2499 buckets of consecutive rows (every extreme survives); inputs of more than 2000000 rows are",
            "refused (exit 2)."})
public final class PlotCommand extends Verb implements WritesFiles {

    @Option(names = "--in", paramLabel = "FILE", description = "CSV file with a header row; - reads stdin.")
    String in;

    @Option(names = "--x", required = true, description = "Column for the horizontal axis.")
    String x;

    @Option(names = "--y", split = ",", description = "Column(s) for the vertical axis (default: loss).")
    List<String> y;

    @Option(names = "--series", description = "Column whose values split the rows into separate curves (e.g. depth).")
    String series;

    @Option(names = "--log", defaultValue = "none", description = "Logarithmic axes: none, x, y or xy (default: ${DEFAULT-VALUE}).")
    String log;

    @Option(names = "--guide-slope", paramLabel = "EXPR",
            description = "A guide line of this slope: a number or an expression in --var names (+ - * / ^, sqrt/exp/log( ), "
                    + "Min/Max[ ]); repeatable.")
    List<String> guideSlopes;

    @Option(names = "--guide-at", paramLabel = "X",
            description = "x where guides touch the first curve (default: its first point); guides are drawn 1.5x above it.")
    String guideAt;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A variable for --guide-slope expressions; repeatable.")
    List<String> vars;

    @Option(names = "--title", description = "Chart title.")
    String title;

    @Option(names = "--xlabel", description = "Horizontal axis label (default: the column name).")
    String xLabel;

    @Option(names = "--ylabel", description = "Vertical axis label (default: the column name).")
    String yLabel;

    @Option(names = "--legend", defaultValue = "ne", description = "Legend position: ne, nw, se, sw, outside (default: ${DEFAULT-VALUE}).")
    String legend;

    @Option(names = "--out", required = true, paramLabel = "PATH",
            description = "Output: PATH.png, .svg, .long.csv, .py (matplotlib), .tex (pgfplots) and, with matplotlib, .pdf; "
                    + "or just one image when PATH ends in .png or .svg.")
    Path out;

    @Parameters(paramLabel = "VERB ARGS", description = "After --: a verb and its options whose CSV output is plotted.")
    List<String> command;

    @Override
    protected Report compute() {
        checkOut();
        CsvTable table = input();
        boolean logX = log.contains("x");
        boolean logY = log.contains("y");
        if (!List.of("none", "x", "y", "xy", "yx").contains(log.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("--log", log, "none, x, y or xy");
        }
        List<String> ys = y == null || y.isEmpty() ? List.of("loss") : y;
        int xi = table.index(x, "--x");
        Integer si = series == null ? null : table.index(series, "--series");
        Plot plot = new Plot(title == null ? String.join(", ", ys) + " vs " + x : title,
                xLabel == null ? x : xLabel, yLabel == null ? String.join(", ", ys) : yLabel)
                .logX(logX).logY(logY).legend(legend);
        int curves = 0;
        int decimated = 0;
        long points = 0;
        double[] first = null;
        double[] firstY = null;
        String stem = out.getFileName().toString();
        Chart.Builder chart = new Chart.Builder(stem.replaceAll("[^A-Za-z0-9_.-]", "_"), "",
                new Chart.Axis(xLabel == null ? x : xLabel, texText(xLabel == null ? x : xLabel), logX, Double.NaN, Double.NaN),
                new Chart.Axis(yLabel == null ? String.join(", ", ys) : yLabel,
                        texText(yLabel == null ? String.join(", ", ys) : yLabel), logY, Double.NaN, Double.NaN))
                .legend(switch (legend.toLowerCase(Locale.ROOT)) {
                    case "nw" -> "upper left";
                    case "sw" -> "lower left";
                    case "se" -> "lower right";
                    case "outside" -> "outside";
                    default -> "upper right";
                });
        int groups = ys.size() * table.groups(si).size();
        for (String col : ys) {
            int yi = table.index(col, "--y");
            for (Map.Entry<String, List<Integer>> g : table.groups(si).entrySet()) {
                double[][] drawn = Decimation.minMax(g.getValue().stream().mapToDouble(r -> table.number(r, xi)).toArray(),
                        g.getValue().stream().mapToDouble(r -> table.number(r, yi)).toArray(), Decimation.MAX_DRAWN);
                double[] xs = drawn[0];
                double[] yv = drawn[1];
                if (xs.length < g.getValue().size()) {
                    decimated++;
                }
                points += xs.length;
                String name = si == null ? col : (ys.size() > 1 ? col + ", " : "") + series + " = " + g.getKey();
                plot.line(name, xs, yv);
                // one sequential colour per value, as in the figures
                chart.add(new Chart.Series(name.replace(",", ";"), texText(name), Chart.Kind.THEORY, Chart.Line.SOLID,
                        Palette.rocket(curves, groups), xs, yv, null, true));
                if (first == null) {
                    first = xs;
                    firstY = yv;
                }
                curves++;
            }
        }
        List<String> guides = new ArrayList<>();
        if (guideSlopes != null && first != null) {
            Map<String, Double> v = variables();
            double[] range = finiteRange(first, logX);
            double anchor = guideAt == null ? range[0] : Inputs.parseDouble("--guide-at", guideAt, "a number");
            double anchorY = 1.5 * interpolate(first, firstY, anchor);
            for (String g : guideSlopes) {
                double slope = Expression.evaluate(g, v, "--guide-slope");
                String label = String.format(Locale.ROOT, "slope %s%s", g.trim(),
                        g.trim().matches("[-+0-9.eE]+") ? "" : String.format(Locale.ROOT, " = %.4g", slope));
                plot.guide(label, slope, anchor, anchorY, range[0], range[1]);
                chart.add(new Chart.Series(label.replace(",", ";"), texText(label), Chart.Kind.GUIDE, Chart.Line.DASHED,
                        Palette.RED, new double[] {range[0], range[1]}, new double[] {anchorY * Math.pow(range[0] / anchor,
                        slope), anchorY * Math.pow(range[1] / anchor, slope)}, null, true));
                guides.add(label);
            }
        }
        List<Path> files = new ArrayList<>();
        String name = out.getFileName().toString();
        if (name.endsWith(".png")) {
            files.add(plot.writePng(out));
        } else if (name.endsWith(".svg")) {
            files.add(plot.writeSvg(out));
        } else {
            // the figures' outputs: PNG, SVG, long CSV, matplotlib .py and pgfplots .tex (+ the PDF with matplotlib)
            Path dir = out.toAbsolutePath().getParent();
            Chart c = chart.build();
            Chart named = new Chart(name, c.letter(), c.x(), c.y(), c.series(), c.legend());
            List<Path> written = ChartFiles.write(named, dir, "--out");
            files.addAll(written);
            written.stream().filter(f -> f.toString().endsWith(".py")).findFirst()
                    .ifPresent(py -> files.addAll(ChartFiles.pdfs(List.of(py)).pdfs()));
        }
        Report r = new Report("plot");
        r.put("x", x).put("y", ys).put("curves", curves).put("rows", table.rows()).put("drawnPoints", points);
        if (decimated > 0) {
            r.put("drawing", decimated + " of " + curves + " curves had more than " + Decimation.MAX_DRAWN
                    + " points: drawn from their first and last point and the lowest and highest y of each of "
                    + (Decimation.MAX_DRAWN - 2) / 2 + " buckets of consecutive rows (the .long.csv holds the drawn points)");
        }
        if (!guides.isEmpty()) {
            r.put("guides", guides);
        }
        r.put("files", files.stream().map(Path::toString).toList());
        return r;
    }

    /**
     * Refuses an --out that cannot name the written files before anything is read or drawn: an empty name ('' wrote
     * .png into the parent directory and .py two levels up), '.' or '..', a path that is a directory or a device
     * (/dev/null gave /dev/null.png next to the device), a target that exists and is not a regular file, a missing
     * parent directory (issue 18).
     */
    private void checkOut() {
        String name = out.getFileName() == null ? "" : out.getFileName().toString();
        boolean single = name.endsWith(".png") || name.endsWith(".svg");
        String stem = single ? name.substring(0, name.length() - 4) : name;
        String valid = "a file path PATH with a name, in an existing directory (PATH.png, PATH.svg, ... are written; "
                + "PATH.png or PATH.svg writes that image only)";
        if (stem.isEmpty() || stem.equals(".") || stem.equals("..")) {
            throw new InvalidInputException("--out", out.toString(), valid);
        }
        if (!single && Files.exists(out) && !Files.isRegularFile(out)) {
            throw new InvalidInputException("--out", out + " is a directory or a device (expected " + valid + ")");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new InvalidInputException("--out", out + ": no such directory " + parent + " (expected " + valid + ")");
        }
        List<String> suffixes = single ? List.of("") : List.of(".png", ".svg", ".long.csv", ".py", ".tex", ".pdf");
        for (String suffix : suffixes) {
            Path f = parent.resolve(name + suffix);
            if (Files.exists(f) && !Files.isRegularFile(f)) {
                throw new InvalidInputException("--out", f + " exists and is not a regular file (expected " + valid + ")");
            }
        }
    }

    /** A column label for the matplotlib/pgfplots scripts: TeX's special characters become spaces. */
    private static String texText(String label) {
        return label.replaceAll("[\\\\_^%#&$~{}]", " ");
    }

    private CsvTable input() {
        boolean hasCommand = command != null && !command.isEmpty();
        if (hasCommand == (in != null)) {
            throw new InvalidInputException("--in", "give either --in FILE (or - for stdin) or '-- VERB ARGS...', not "
                    + (hasCommand ? "both" : "neither"));
        }
        if (hasCommand) {
            List<String> argv = new ArrayList<>(command);
            if (!argv.get(0).equals("sweep") && !argv.contains("--format")) {
                argv.add("--format");
                argv.add("csv");
            }
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            int code = Main.execute(new PrintWriter(o), new PrintWriter(e), argv.toArray(String[]::new));
            if (code == Main.EXIT_BAD_INPUT) {
                throw new InvalidInputException("-- " + argv.get(0), e.toString().trim());
            }
            if (code != Main.EXIT_OK) {
                throw new ComputationException(argv.get(0), e.toString().trim());
            }
            return CsvTable.parse(o.toString(), String.join(" ", command));
        }
        if (in.equals("-")) {
            return CsvTable.read(new InputStreamReader(System.in, StandardCharsets.UTF_8), "stdin");
        }
        try {
            return CsvTable.read(Files.newBufferedReader(Path.of(in), StandardCharsets.UTF_8), in);
        } catch (IOException e) {
            throw new InvalidInputException("--in", in + " cannot be read (" + e.getMessage() + ")");
        }
    }

    private Map<String, Double> variables() {
        return Inputs.numberAssignments("--var", vars, null, "NAME=NUMBER, e.g. beta=0.8");
    }

    private static double[] finiteRange(double[] xs, boolean positive) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : xs) {
            if (Double.isFinite(v) && (!positive || v > 0)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(lo < hi)) {
            throw new InvalidInputException("--guide-slope", "needs a curve with at least two distinct x values");
        }
        return new double[] {lo, hi};
    }

    /** Linear interpolation of the curve at x (clamped to its ends). */
    static double interpolate(double[] xs, double[] ys, double x) {
        int best = -1;
        for (int i = 0; i + 1 < xs.length; i++) {
            if ((xs[i] - x) * (xs[i + 1] - x) <= 0 && Double.isFinite(ys[i]) && Double.isFinite(ys[i + 1])) {
                double f = xs[i + 1] == xs[i] ? 0 : (x - xs[i]) / (xs[i + 1] - xs[i]);
                return ys[i] + f * (ys[i + 1] - ys[i]);
            }
            if (best < 0 && Double.isFinite(ys[i])) {
                best = i;
            }
        }
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(ys[i]) && ys[i] > 0) {
                return ys[i];
            }
        }
        throw new InvalidInputException("--guide-at", x, "a point on the first curve");
    }
}
