package org.iclscale.plot;

import java.io.IOException;
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
 * ticks), when python3 with matplotlib is installed; without it the XChart PNG stays.
 */
public final class ChartFiles {

    private ChartFiles() {
    }

    /** Writes the five files of {@code chart} into {@code dir}; returns their paths. */
    public static List<Path> write(Chart chart, Path dir, String option) {
        List<Path> files = new ArrayList<>();
        Path base = dir.resolve(chart.panel());
        Plot plot = Plot.of(chart);
        files.add(plot.writePng(dir.resolve(chart.panel() + ".png")));
        files.add(plot.writeSvg(dir.resolve(chart.panel() + ".svg")));
        Path csv = dir.resolve(chart.panel() + ".long.csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            LongCsv.write(chart, w);
        } catch (IOException e) {
            throw new InvalidInputException(option, csv + " is not writable (" + e.getMessage() + ")");
        }
        files.add(csv);
        files.add(text(base.resolveSibling(chart.panel() + ".py"), MatplotlibScript.of(chart), option));
        files.add(text(base.resolveSibling(chart.panel() + ".tex"), PgfplotsScript.of(chart), option));
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

    /** The first of python3 (PATH) and /usr/bin/python3 that imports matplotlib, or null. */
    static String python() {
        for (String candidate : new String[] {"python3", "/usr/bin/python3"}) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import matplotlib").redirectErrorStream(true).start();
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

    /** Outcome of {@link #pdfs}: the PDFs written, or why none were. */
    public record PdfResult(List<Path> pdfs, String note) {
    }

    /**
     * Runs the given matplotlib scripts in one headless python3 process (MPLBACKEND=Agg) and returns the PDFs they
     * wrote. When python3 or matplotlib is missing, nothing is written and the note says how to get the PDFs.
     */
    public static PdfResult pdfs(List<Path> scripts) {
        if (scripts.isEmpty()) {
            return new PdfResult(List.of(), "no panels");
        }
        String python = python();
        if (python == null) {
            return new PdfResult(List.of(), "PDFs not written: no python3 with matplotlib found; run the .py files beside "
                    + "the figures with python3-matplotlib installed");
        }
        List<String> cmd = new ArrayList<>(List.of(python, "-c",
                "import runpy, sys\nfor p in sys.argv[1:]:\n    try:\n        runpy.run_path(p, run_name='__main__')\n"
                + "    except SystemExit as e:\n        if e.code not in (None, 0):\n            raise\n"));
        scripts.forEach(p -> cmd.add(p.toAbsolutePath().toString()));
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("MPLBACKEND", "Agg");
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return new PdfResult(List.of(), "matplotlib did not finish within 10 minutes; no PDF written");
            }
            if (p.exitValue() != 0) {
                String msg = new String(out, StandardCharsets.UTF_8).strip();
                String last = msg.lines().reduce((a, b) -> b).orElse("");
                return new PdfResult(List.of(), "PDFs not written: python3 with matplotlib failed (" + last
                        + "); run the .py files beside the figures with python3-matplotlib installed");
            }
        } catch (IOException e) {
            return new PdfResult(List.of(), "PDFs not written: python3 not found; run the .py files with python3-matplotlib");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PdfResult(List.of(), "interrupted; no PDF written");
        }
        List<Path> pdfs = new ArrayList<>();
        for (Path s : scripts) {
            String name = s.getFileName().toString();
            Path pdf = s.resolveSibling(name.substring(0, name.length() - 3) + ".pdf");
            if (Files.exists(pdf)) {
                pdfs.add(pdf);
            }
        }
        return new PdfResult(pdfs, "PDFs written by matplotlib (" + pdfs.size() + ")");
    }
}
