package org.iclscale.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Inputs;
import org.iclscale.figures.Figure;
import org.iclscale.figures.PaperFigures;
import org.iclscale.io.CsvWriter;
import org.iclscale.io.Report;
import org.iclscale.plot.Chart;
import org.iclscale.plot.ChartFiles;
import org.iclscale.sweep.IndexRange;
import org.iclscale.sweep.Shard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code figure N --out DIR}: rebuilds a theory figure of the paper (1c, 2, 3, 4, 5, 6a/6b, 7, 8) and writes, per
 * panel, the PNG, the SVG and the CSV behind it. {@code --simulate} adds the overlays where a simulator exists:
 * Monte Carlo of L in-context GD steps (Fig. 1c), online SGD of full linear attention (Fig. 6a), of the reduced model
 * with RRS contexts (Figs. 4, 8) and of the depth-1 reduced model (Fig. 7). {@code figure all --shard I/N} builds
 * only block I of N of the figures (contiguous, as {@code sweep --shard}), so a job array of N tasks writing into
 * one folder gives the files of {@code figure all}.
 */
@Command(name = "figure", mixinStandardHelpOptions = true,
        description = {"Rebuild a theory figure of the paper: PNG, SVG and the CSV behind each panel, written to --out.",
            "N: 1, 1c, 2, 3, 4, 5, 6, 7, 8 or all (parameters: paper-notes section 6); each panel also as .long.csv,",
            "a matplotlib .py and a pgfplots .tex reading it, and (with matplotlib installed) a PDF.",
            "--simulate adds simulation overlays: Monte Carlo (Fig. 1c) and online SGD training",
            "on the paper's panels (full attention: Figs. 1a, 1b, 6a; reduced model: Figs. 3a, 3b, 4a, 4c, 7, 8a)."})
public final class FigureCommand extends Verb implements WritesFiles {

    @Parameters(index = "0", paramLabel = "N", description = "Figure: 1, 1c, 2, 3, 4, 5, 6, 7, 8 or all.")
    String id;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the files (created if needed).")
    Path out;

    @Option(names = "--simulate", description = "Add finite-D Monte Carlo overlays where a simulator exists (slower).")
    boolean simulate;

    @Option(names = "--trials", defaultValue = "200", description = "Monte Carlo contexts per point; test contexts per "
            + "measurement of the training overlays (default: ${DEFAULT-VALUE}).")
    String trials;

    @Option(names = "--seed", defaultValue = "1", description = "Monte Carlo seed (default: ${DEFAULT-VALUE}).")
    String seed;

    @Option(names = "--sim-dim", description = "Dimension D of the simulation (default: each figure's own: 64 for "
            + "Figs. 1c, 7; 32 for Fig. 3; 16 for the training overlays of Figs. 4, 6a, 8; 8 for Figs. 1a, 1b).")
    String simDim;

    @Option(names = "--sim-runs", defaultValue = "4",
            description = "Independent SGD runs per curve of the training overlays (Figs. 1, 3, 4, 6a, 7, 8; default: ${DEFAULT-VALUE}).")
    String simRuns;

    @Option(names = "--paper-size", description = "With --simulate: run the overlays of Figs. 3a/3b, 4a, 4c and 8a at the paper's sizes (D, P, "
            + "batch, queries and steps of its runs; hours on 2 cores) instead of the documented smaller defaults "
            + "(figure all --simulate within 20 minutes; README figure table). --sim-dim overrides D.")
    boolean paperSize;

    @Option(names = "--shard", paramLabel = "I/N", description = {"With 'all': build only the figures "
            + "[floor(I*8/N), floor((I+1)*8/N)) of 1..8 (job arrays; the N tasks together write the files of 'all')."})
    String shard;

    @Option(names = "--pdf", defaultValue = "auto", description = "Run the generated matplotlib scripts for the PDFs "
            + "(fonts embedded): auto (when python3 with matplotlib is installed) or off (default: ${DEFAULT-VALUE}).")
    String pdf;

    @Override
    protected Report compute() {
        if (!"auto".equals(pdf) && !"off".equals(pdf)) {
            throw new InvalidInputException("--pdf", pdf, "auto or off");
        }
        PaperFigures.Options o = new PaperFigures.Options(simulate, Inputs.integer("--trials", trials, 2, 10_000_000),
                parseSeed(), simDim == null ? 0 : Inputs.integer("--sim-dim", simDim, 2, 4096), Inputs.integer("--sim-runs", simRuns, 2, 10_000), paperSize);
        if (paperSize && !simulate) {
            throw new InvalidInputException("--paper-size", "true", "only with --simulate (it sets the overlays' sizes)");
        }
        List<String> ids = figures();
        List<String> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Path> scripts = new ArrayList<>();
        // with matplotlib its PNG replaces XChart's: XChart's is rendered only where a script writes none
        String python = "off".equals(pdf) ? null : ChartFiles.python();
        List<Chart> deferredPngs = python == null ? null : new ArrayList<>();
        for (String f : ids) {
            long start = System.nanoTime();
            Figure fig = PaperFigures.build(f, o);
            List<String> written = write(fig, out, deferredPngs);
            files.addAll(written);
            written.stream().filter(s -> s.endsWith(".py")).map(Path::of).forEach(scripts::add);
            notes.addAll(fig.notes());
            notes.add(String.format(java.util.Locale.ROOT, "Fig. %s computed and written in %.1f s", fig.id(),
                    (System.nanoTime() - start) / 1e9));
        }
        if (!"off".equals(pdf)) {
            ChartFiles.PdfResult pdfs = ChartFiles.pdfs(python, scripts,
                    deferredPngs == null ? List.of() : deferredPngs, out, BuildCache.directory());
            pdfs.pdfs().forEach(p -> files.add(p.toString()));
            notes.add(pdfs.note());
        }
        Report r = new Report("figure").put("figure", id).put("out", out.toString()).put("simulate", simulate);
        r.put("files", files);
        notes.forEach(r::note);
        return r;
    }

    /** The figures to build: {@code id}, or every figure of 'all', or block {@code --shard} of them. */
    private List<String> figures() {
        boolean all = id.equalsIgnoreCase("all");
        if (shard == null) {
            return all ? PaperFigures.IDS : List.of(id);
        }
        Shard s = Shard.parse("--shard", shard);
        if (!all) {
            throw new InvalidInputException("--shard", shard, "only with figure all (the figures are split)");
        }
        IndexRange block = s.block(PaperFigures.IDS.size());
        return PaperFigures.IDS.subList((int) block.from(), (int) block.to());
    }

    private long parseSeed() {
        return Inputs.seed("--seed", seed);
    }

    /**
     * Writes every panel of {@code fig}: name.png, name.svg, name.long.csv, name.py, name.tex ({@link ChartFiles}) and
     * the wide tables name{suffix}.csv; returns the paths.
     */
    public static List<String> write(Figure fig, Path dir) {
        return write(fig, dir, null);
    }

    /**
     * As {@link #write(Figure, Path)}; with {@code deferredPngs} (not null) the panels' PNGs are left to matplotlib
     * ({@link ChartFiles#write(Chart, Path, String, boolean)}) and their charts added to the list, for
     * {@link ChartFiles#pdfs(String, List, List, Path)} to draw with XChart those a script did not write.
     */
    static List<String> write(Figure fig, Path dir, List<Chart> deferredPngs) {
        List<String> files = new ArrayList<>();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InvalidInputException("--out", dir + " cannot be created (" + e.getMessage() + ")");
        }
        for (Figure.Panel p : fig.panels()) {
            ChartFiles.write(p.chart(), dir, "--out", deferredPngs != null).forEach(f -> files.add(f.toString()));
            if (deferredPngs != null) {
                deferredPngs.add(p.chart());
            }
            for (Map.Entry<String, Report> d : p.data().entrySet()) {
                Path csv = dir.resolve(p.name() + d.getKey() + ".csv");
                try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
                    new CsvWriter().write(d.getValue(), w);
                } catch (IOException e) {
                    throw new InvalidInputException("--out", csv + " is not writable (" + e.getMessage() + ")");
                }
                files.add(csv.toString());
            }
        }
        return files;
    }
}
