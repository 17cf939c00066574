package org.iclscale.plot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iclscale.core.InvalidInputException;

/**
 * Every output of one {@link Chart}, written side by side in a folder: {@code <panel>.png} (XChart, {@value
 * Plot#PNG_DPI} dpi), {@code <panel>.svg} (XChart), {@code <panel>.long.csv} (the data, {@link LongCsv}),
 * {@code <panel>.py} (matplotlib, {@link MatplotlibScript}) and {@code <panel>.tex} (pgfplots,
 * {@link PgfplotsScript}); both scripts read the long CSV. {@link #pdfs} runs the matplotlib scripts, which gives
 * {@code <panel>.pdf} with embedded fonts and replaces the XChart PNG by matplotlib's (200 dpi, TeX labels, 10^k
 * ticks), when python3 with matplotlib is installed; without it the XChart PNG stays. {@code figure} renders the
 * XChart PNG only for the panels whose script wrote none ({@link #write(Chart, Path, String, boolean)}).
 */
public final class ChartFiles {

    private ChartFiles() {
    }

    /** Writes the five files of {@code chart} into {@code dir}; returns their paths. */
    public static List<Path> write(Chart chart, Path dir, String option) {
        return write(chart, dir, option, false);
    }

    /**
     * Writes the five files of {@code chart} into {@code dir}; returns their paths. With {@code pngByMatplotlib} the
     * XChart PNG is not rendered (an older {@code <panel>.png} is removed): {@link #pdfs} lets the matplotlib script
     * write it and renders XChart's for each deferred panel whose script wrote none.
     */
    public static List<Path> write(Chart chart, Path dir, String option, boolean pngByMatplotlib) {
        List<Path> files = new ArrayList<>();
        Path base = dir.resolve(chart.panel());
        // one decision for the three drawings: it samples every curve (made thrice, ≈ 0.16 CPU-s of figure all)
        String where = LegendPlacement.of(chart);
        Plot plot = Plot.of(chart, where);
        Path png = dir.resolve(chart.panel() + ".png");
        if (pngByMatplotlib) {
            try {
                Files.deleteIfExists(png);
            } catch (IOException e) {
                throw new InvalidInputException(option, png + " is not writable (" + e.getMessage() + ")");
            }
            files.add(png);
        } else {
            files.add(plot.writePng(png));
        }
        files.add(plot.writeSvg(dir.resolve(chart.panel() + ".svg")));
        Path csv = dir.resolve(chart.panel() + ".long.csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            LongCsv.write(chart, w);
        } catch (IOException e) {
            throw new InvalidInputException(option, csv + " is not writable (" + e.getMessage() + ")");
        }
        files.add(csv);
        files.add(text(base.resolveSibling(chart.panel() + ".py"), MatplotlibScript.of(chart, where), option));
        files.add(text(base.resolveSibling(chart.panel() + ".tex"), PgfplotsScript.of(chart, where), option));
        return files;
    }

    private static Path text(Path file, String content, String option) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new InvalidInputException(option, file + " is not writable (" + e.getMessage() + ")");
        }
    }

    /**
     * The first of python3 (PATH) and /usr/bin/python3 on whose path matplotlib is installed, or null. The package
     * is found, not imported (importing it cost 0.15-0.25 CPU-s of every {@code figure}, issue 17); a matplotlib that
     * is installed but fails to import makes the run fail, and {@link #pdfs} then draws XChart's PNGs instead.
     */
    public static String python() {
        for (String candidate : new String[] {"python3", "/usr/bin/python3"}) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", FIND_MATPLOTLIB).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                // not installed: try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** Exit status 0 when matplotlib is installed for this python, 1 when not; imports nothing of it. */
    static final String FIND_MATPLOTLIB =
            "import importlib.util, sys; sys.exit(0 if importlib.util.find_spec('matplotlib') else 1)";

    /** Outcome of {@link #pdfs}: the PDFs written, or why none were. */
    public record PdfResult(List<Path> pdfs, String note) {
    }

    /**
     * Runs the given matplotlib scripts in one headless python3 process (MPLBACKEND=Agg) and returns the PDFs they
     * wrote. When python3 or matplotlib is missing, nothing is written and the note says how to get the PDFs.
     */
    public static PdfResult pdfs(List<Path> scripts) {
        return pdfs(scripts.isEmpty() ? null : python(), scripts, List.of(), null);
    }

    /**
     * Runs {@code scripts} with {@code python} (from {@link #python}; null: none with matplotlib) in one process, the
     * {@value #RUNNER} loop, and returns the PDFs they wrote. {@code deferredPngs}: the panels written into {@code dir}
     * with {@code pngByMatplotlib}; each whose script wrote no PNG (python missing or failed) gets XChart's now.
     */
    public static PdfResult pdfs(String python, List<Path> scripts, List<Chart> deferredPngs, Path dir) {
        return pdfs(python, scripts, deferredPngs, dir, null);
    }

    /**
     * As {@link #pdfs(String, List, List, Path)}; {@code cache} (null: none) is a directory of the build's cache where
     * the runner keeps the PDFs' font subsets for later runs ({@value #FONT_SUBSETS}: the same bytes, made once).
     */
    public static PdfResult pdfs(String python, List<Path> scripts, List<Chart> deferredPngs, Path dir, Path cache) {
        Run run = runScripts(python, scripts, cache);
        PdfResult result = run.result();
        int drawnByXChart = 0;
        for (Chart chart : deferredPngs) {
            Path png = dir.resolve(chart.panel() + ".png");
            // a killed run may have left a PNG half written: XChart's replaces them all
            if (run.killed() || !Files.exists(png)) {
                Plot.of(chart).writePng(png);
                drawnByXChart++;
            }
        }
        return drawnByXChart == 0 ? result : new PdfResult(result.pdfs(), result.note() + "; " + drawnByXChart
                + " PNG(s) drawn by XChart instead");
    }

    /** The loop over the scripts in one python3 process (src/main/resources/org/iclscale/plot). */
    static final String RUNNER = "matplotlib_runner.py";

    private record Run(PdfResult result, boolean killed) {
    }

    /** The folder of {@code cache} holding the font subsets (the runner's ICLSCALE_FONT_SUBSETS, stored_subset). */
    static final String FONT_SUBSETS = "font-subsets";

    private static Run runScripts(String python, List<Path> scripts, Path cache) {
        if (scripts.isEmpty()) {
            return new Run(new PdfResult(List.of(), "no panels"), false);
        }
        if (python == null) {
            return new Run(new PdfResult(List.of(), "PDFs not written: no python3 with matplotlib found; run the .py files beside "
                    + "the figures with python3-matplotlib installed"), false);
        }
        List<String> cmd = new ArrayList<>(List.of(python, "-c", runner(), END_WITH_PARENT));
        scripts.forEach(p -> cmd.add(p.toAbsolutePath().toString()));
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("MPLBACKEND", "Agg");
            // one BLAS thread: matplotlib's products are 3x3; an idle OpenBLAS worker spinning in sched_yield cost
            // 0.3-5 CPU-s (sys) of the 22 figures' run
            pb.environment().put("OPENBLAS_NUM_THREADS", "1");
            if (cache != null) {
                pb.environment().put("ICLSCALE_FONT_SUBSETS", cache.resolve(FONT_SUBSETS).toAbsolutePath().toString());
            }
            Process p = pb.start();
            // the python process ends with this JVM: on Ctrl-C or SIGTERM the hook stops it; if the JVM is killed, its
            // end of the runner's stdin pipe closes and the runner exits (END_WITH_PARENT)
            Thread hook = new Thread(() -> stop(p), "iclscale-matplotlib-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(10, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    p.waitFor();
                    return new Run(new PdfResult(List.of(), "matplotlib did not finish within 10 minutes; no PDF written"), true);
                }
                if (p.exitValue() != 0) {
                    String msg = new String(out, StandardCharsets.UTF_8).strip();
                    String last = msg.lines().reduce((a, b) -> b).orElse("");
                    return new Run(new PdfResult(List.of(), "PDFs not written: python3 with matplotlib failed (" + last
                            + "); run the .py files beside the figures with python3-matplotlib installed"), false);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(p);
                return new Run(new PdfResult(List.of(), "interrupted; no PDF written"), true);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down: the hook runs (or ran) and stops the process
                }
            }
        } catch (IOException e) {
            return new Run(new PdfResult(List.of(), "PDFs not written: python3 not found; run the .py files with python3-matplotlib"), false);
        }
        List<Path> pdfs = new ArrayList<>();
        for (Path s : scripts) {
            String name = s.getFileName().toString();
            Path pdf = s.resolveSibling(name.substring(0, name.length() - 3) + ".pdf");
            if (Files.exists(pdf)) {
                pdfs.add(pdf);
            }
        }
        return new Run(new PdfResult(pdfs, "PDFs written by matplotlib (" + pdfs.size() + ")"), false);
    }

    /** The runner's first argument: end when stdin closes, i.e. with this JVM (matplotlib_runner.end_with_parent). */
    static final String END_WITH_PARENT = "--end-with-parent";

    /** Ends the python process (and anything it started), forcibly when it has not ended within 2 s. */
    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String runner() {
        try (InputStream in = ChartFiles.class.getResourceAsStream(RUNNER)) {
            if (in == null) {
                throw new IllegalStateException(RUNNER + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
