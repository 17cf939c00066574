package org.iclscale.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.iclscale.core.ComputationException;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Inputs;
import org.iclscale.io.JsonWriter;
import org.iclscale.io.Report;
import org.iclscale.io.TableWriter;
import org.iclscale.sweep.Axis;
import org.iclscale.sweep.Cancellation;
import org.iclscale.sweep.Grid;
import org.iclscale.sweep.IndexRange;
import org.iclscale.sweep.Point;
import org.iclscale.sweep.PointFailedException;
import org.iclscale.sweep.Shard;
import org.iclscale.sweep.SweepRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sweep VERB [verb options, any of them with a list or range]}: runs the verb's computation for every
 * point of the cartesian product of the lists, in parallel, and streams one CSV row (or one JSON line) per
 * point in a stable order (row-major, the last swept option fastest). Any verb built on {@link Verb} that does
 * not write files works: {@link SweepPlan} converts every swept value once and sets it on a verb instance per
 * worker (no per-point parse, no per-point start-up); {@link SweepRunner} evaluates the points in order;
 * {@link SweepTable} is the output schema. Sweep options go before VERB; everything after VERB belongs to the
 * verb.
 *
 * <p>A verb whose result is a curve (a report with columns, e.g. {@code dynamics}) gives one row per curve
 * point, with the swept values repeated (long format, ready for {@code plot --series}).
 *
 * <p>Beyond one machine: {@code --shard I/N} runs the contiguous block [⌊i·n/N⌋, ⌊(i+1)·n/N⌋) of the n points
 * (header only on shard 0, or none with {@code --no-header}), so the outputs of shards 0..N-1 concatenated are
 * the whole sweep byte for byte; {@code --with-index} adds the grid index for {@code iclscale merge};
 * {@code --plan} prints the size of the grid, its axes and a suggested N without running it.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, modelTransformer = SweepCommand.StopAtVerb.class,
        description = {"Run a verb over lists/ranges of its options (cartesian product, in parallel) and stream",
            "CSV (header first) or JSON lines, in a stable order: the last swept option varies fastest.",
            "A list is v1,v2,...; a range a:b:lin:n or a:b:log:n (n points, both ends included).",
            "Example: sweep optimum --alpha 0.1:10:log:100 --depth 1:100:lin:100",
            "Every value is checked before the first point runs. --shard I/N runs block I of N (job arrays);",
            "--plan prints the grid and a suggested N. Sweep options go before VERB; a --format after VERB is",
            "refused (the sweep writes its own CSV or JSON lines; give sweep --format json VERB ...). On an",
            "interactive terminal a progress bar appears on stderr when the sweep runs longer than 1 s",
            "(--progress always|auto|never)."})
public final class SweepCommand implements Callable<Integer> {

    /** Sweep's own options stop at the verb: every later token is the verb's (picocli stop-at-positional). */
    public static final class StopAtVerb implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            spec.parser().stopAtPositional(true);
            return spec;
        }
    }

    /** Work one shard should get by default in {@code --plan}'s suggestion: an hour on its worker threads. */
    static final double SHARD_SECONDS = 3600;

    /**
     * Points per worker task when --gamma is swept: a run of γ on one landscape is one batched evaluation
     * ({@link SweepPlan.Worker#evaluateAll}, one landscape for the whole block).
     */
    static final int GAMMA_BLOCK = 128;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "csv",
            description = "csv (header, then one row per point) or json (one JSON object per line), before VERB; the "
                    + "verb's own --format is refused (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--threads", description = "Worker threads (default: the number of processors).")
    String threads;

    @Option(names = "--progress", defaultValue = "auto",
            description = {"auto: a progress bar on stderr once the sweep has run 1 s, only when stderr is an interactive",
                "terminal; always: also when redirected (plain lines, for logs); never (default: ${DEFAULT-VALUE})."})
    String progress;

    @Option(names = "--fields", split = ",", paramLabel = "KEY",
            description = "Result keys to write in CSV (default: every number, flag and text of the result except "
                    + "the prose fields method and convention).")
    List<String> fields;

    @Option(names = "--no-expand", paramLabel = "OPTION",
            description = "A verb option whose comma list is passed through unchanged instead of swept (repeatable).")
    List<String> noExpand;

    @Option(names = "--shard", paramLabel = "I/N",
            description = {"Run only shard I of N (0 <= I < N): the points [floor(I*n/N), floor((I+1)*n/N)) of the n",
                "points. Shard 0 writes the CSV header; the outputs of shards 0..N-1 concatenated are the whole sweep."})
    String shard;

    @Option(names = "--no-header", description = "Write no CSV header (not even on shard 0).")
    boolean noHeader;

    @Option(names = "--with-index", description = "Add the grid index of each point as the first column (CSV) or key "
            + "(JSON), for iclscale merge.")
    boolean withIndex;

    @Option(names = "--plan", description = "Print the number of points, the axes, the block of --shard and a suggested "
            + "number of shards (timing --plan-samples points), without running the sweep.")
    boolean planOnly;

    @Option(names = "--plan-samples", defaultValue = "3", paramLabel = "K",
            description = "Points timed by --plan, spread over the grid (0: no timing; default: ${DEFAULT-VALUE}).")
    String planSamples;

    @Parameters(index = "0", paramLabel = "VERB", description = "The verb to run at each point (risk, optimum, ...).")
    String verb;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "The verb's options; any value may be a list or range.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        boolean json = switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "csv" -> false;
            case "json", "jsonl" -> true;
            default -> throw new InvalidInputException("--format", format, "csv or json (JSON lines)");
        };
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors()
                : Inputs.integer("--threads", threads, 1, 1024);
        ProgressMode showProgress = ProgressMode.parse(progress);
        Shard block = shard == null ? Shard.ALL : Shard.parse("--shard", shard);
        int samples = Inputs.integer("--plan-samples", planSamples, 0, 1000);
        SweepPlan plan = SweepPlan.of(verb, args, noExpand == null ? Set.of() : new HashSet<>(noExpand));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (planOnly) {
            Report r = describe(plan, shard == null ? null : block, samples, nThreads);
            (json ? new JsonWriter() : new TableWriter()).write(r, out);
            return Main.EXIT_OK;
        }
        return run(plan, block, json, nThreads, showProgress, out, err);
    }

    /**
     * Rows a sweep may hold in its buffer before it flushes and checks that {@code out} can still be written: bounds
     * the points computed after a reader has gone away. A row is otherwise passed on when its buffer is full or when
     * the sweep waits for a point still being computed ({@link SweepRunner.Sink#waiting}), not once per row: a flush
     * per row was a write system call per point (issue 17 goal 2).
     */
    static final int FLUSH_ROWS = 256;

    /**
     * Runs {@code shard}'s block of the plan and streams it to {@code out}; exit 1 with one line when {@code out}
     * cannot be written (a closed pipe, a full disk), after which no further point is computed. The line counts the
     * points whose rows had been passed on (flushed) before the failure was seen.
     */
    private int run(SweepPlan plan, Shard shard, boolean json, int nThreads, ProgressMode showProgress,
            PrintWriter out, PrintWriter err) {
        IndexRange range = plan.grid().block(shard);
        boolean header = !json && shard.first() && !noHeader;
        Progress bar = new Progress(range.size(), showProgress, Progress.interactive(), err);
        Cancellation cancel = new Cancellation();
        Rows rows = new Rows(out, cancel);
        try {
            if (!json && (range.from() != 0 || (range.isEmpty() && header))) {
                // the CSV columns are those of grid point 0, whichever block runs: every shard writes the same columns
                rows.table = SweepTable.of(plan, evaluate(plan, 0), fields, withIndex);
                if (header) {
                    rows.line(rows.table.csvHeader());
                }
            }
            SweepRunner.Sink<Object> sink = new SweepRunner.Sink<>() {
                @Override
                public void accept(Point p, Object entry) {
                    if (json) {
                        rows.line(SweepTable.jsonLine(plan, p, SweepPlan.Worker.report(entry), withIndex));
                    } else {
                        if (rows.table == null) {
                            rows.table = SweepTable.of(plan, SweepPlan.Worker.report(entry), fields, withIndex);
                            if (header) {
                                rows.line(rows.table.csvHeader());
                            }
                        }
                        if (rows.csv == null) {
                            rows.csv = rows.table.csvStream();
                        }
                        // a row of a batched γ run is written from its numbers (no report per row, issue 17 goal 2)
                        String line = entry instanceof GammaRun.Row row ? rows.csv.row(p, row) : null;
                        if (line != null) {
                            rows.line(line);
                        } else {
                            rows.csv.rows(p, SweepPlan.Worker.report(entry)).forEach(rows::line);
                        }
                    }
                    rows.pointDone();
                }

                @Override
                public void waiting() {
                    rows.deliver();
                }
            };
            SweepRunner runner = SweepRunner.builder().threads(nThreads).progress(bar).cancellation(cancel)
                    .batch(plan.sweepsGamma() ? GAMMA_BLOCK : 1).build();
            runner.run(plan.grid(), range, plan::newWorker, sink);
        } catch (PointFailedException e) {
            throw failure(e);
        } finally {
            bar.finish();
            rows.deliver();
        }
        if (rows.closed) {
            err.println("iclscale sweep: cannot write to standard output (closed pipe or full device) after "
                    + rows.delivered + " of " + range.size() + " points; stopped");
            err.flush();
            return Main.EXIT_COMPUTATION;
        }
        return Main.EXIT_OK;
    }

    /**
     * The sweep's output stream: lines go to {@code out} through a writer that does not flush per line; every
     * {@link #FLUSH_ROWS} points and whenever the runner waits they are flushed and {@code out} checked. Called on
     * the runner's thread only.
     */
    private static final class Rows {
        private final PrintWriter writer;
        private final Cancellation cancel;
        SweepTable table;
        SweepTable.CsvStream csv; // the sink is called for one point at a time, in order
        long delivered;
        private long pending;
        boolean closed;

        Rows(PrintWriter out, Cancellation cancel) {
            this.writer = new PrintWriter(out, false); // no flush per line, whatever out does
            this.cancel = cancel;
        }

        void line(String text) {
            writer.println(text);
        }

        void pointDone() {
            if (++pending >= FLUSH_ROWS) {
                deliver();
            }
        }

        /** Flushes and checks the stream (PrintWriter swallows the IOException of a closed pipe); stops the sweep if it failed. */
        void deliver() {
            if (closed) {
                return;
            }
            if (writer.checkError()) {
                closed = true;
                cancel.cancel();
            } else {
                delivered += pending;
                pending = 0;
            }
        }
    }

    /** Grid point {@code index} evaluated on this thread (the CSV columns of a shard that does not start at 0). */
    private static Report evaluate(SweepPlan plan, long index) {
        Point p = plan.grid().point(index);
        try {
            return plan.newWorker().evaluate(p);
        } catch (RuntimeException | Error e) {
            throw failure(new PointFailedException(p, e));
        }
    }

    /** A failed point as the exit-2 or exit-1 error of the command line, naming the point (also the Spark runner's). */
    public static RuntimeException failure(PointFailedException e) {
        String where = e.point().where();
        Throwable c = e.getCause();
        if (c instanceof InvalidInputException iie) {
            return new InvalidInputException(where, OptionNames.render(iie));
        }
        if (c instanceof ComputationException ce) {
            return new ComputationException(where, ce.getMessage(), ce);
        }
        return new ComputationException(where, c.getClass().getSimpleName() + ": " + c.getMessage(), c);
    }

    /**
     * {@code --plan}: the grid's size and axes, the block of {@code shard} (if given), and, from {@code samples}
     * points timed one after the other on this thread, the estimated work and a number of shards that gives
     * each shard about {@link #SHARD_SECONDS} on {@code threads} workers.
     */
    private Report describe(SweepPlan plan, Shard shard, int samples, int threads) {
        Grid grid = plan.grid();
        long n = grid.size();
        Report r = new Report("sweep plan").put("verb", plan.verb()).put("points", n);
        Map<String, Object> axes = new LinkedHashMap<>();
        for (int k = 0; k < grid.axes().size(); k++) {
            Axis a = grid.axes().get(k);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("option", a.name());
            m.put("values", a.size());
            m.put("first", a.labels().get(0));
            m.put("last", a.labels().get(a.size() - 1));
            axes.put(plan.axisKey(k), m);
        }
        r.put("axes", axes);
        if (shard != null) {
            IndexRange b = grid.block(shard);
            r.put("shard", shard.toString()).put("shardFrom", b.from()).put("shardTo", b.to()).put("shardPoints", b.size());
        }
        int k = (int) Math.min(samples, n);
        if (k > 0) {
            SweepPlan.Worker w = plan.newWorker();
            double seconds = 0;
            for (int j = 0; j < k; j++) {
                long index = k == 1 ? 0 : Math.round(j * (n - 1) / (double) (k - 1));
                Point p = grid.point(index);
                long t0 = System.nanoTime();
                try {
                    w.evaluate(p);
                } catch (RuntimeException | Error e) {
                    throw failure(new PointFailedException(p, e));
                }
                seconds += (System.nanoTime() - t0) / 1e9;
            }
            double perPoint = seconds / k;
            double total = perPoint * n;
            long suggested = Math.max(1, Math.min(Math.min(n, Shard.MAX_COUNT), (long) Math.ceil(total / (SHARD_SECONDS * threads))));
            r.put("sampledPoints", k).put("secondsPerPoint", perPoint).put("estimatedCpuSeconds", total);
            r.put("threadsPerShard", threads).put("suggestedShards", suggested);
            r.note("secondsPerPoint: mean over " + k + " points spread over the grid, timed one after the other on this "
                    + "machine (the first includes warm-up); suggestedShards gives each shard about "
                    + (long) SHARD_SECONDS + " s on " + threads + " worker threads (--threads); shards other than 0 "
                    + "also compute point 0 once, for the CSV columns");
        }
        r.note("run shard I of N with: iclscale sweep --shard I/N [--with-index] " + plan.verb() + " ...; "
                + "concatenate shards 0..N-1 in order, or check and join them with iclscale merge --points " + n);
        return r;
    }

    /** {@code --progress}: when the progress display appears. */
    enum ProgressMode {
        /** Only on an interactive terminal, once the sweep has run for more than a second. */
        AUTO,
        /** Always (redirected stderr gets plain lines instead of a carriage-return bar). */
        ALWAYS,
        /** Never. */
        NEVER;

        static ProgressMode parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "auto" -> AUTO;
                case "always" -> ALWAYS;
                case "never" -> NEVER;
                default -> throw new InvalidInputException("--progress", text, "auto, always or never");
            };
        }
    }

    /**
     * Progress on stderr. {@code auto}: a carriage-return bar, only when stderr is an interactive terminal
     * ({@link System#console()} non-null, the Java 17 proxy) and only once the sweep has run for more than a
     * second. {@code always}: from the start; on a terminal the same bar, otherwise one plain line per update
     * (every 2 s and at the end), so logs hold no carriage returns.
     */
    static final class Progress implements SweepRunner.ProgressListener {
        private final long total;
        private final boolean enabled;
        private final boolean bar;
        private final long delay;
        private final long every;
        private final PrintWriter err;
        private final long start = System.nanoTime();
        private final AtomicLong done = new AtomicLong();
        private boolean shown;
        private long lastDraw;

        Progress(long total, ProgressMode mode, boolean interactive, PrintWriter err) {
            this.total = total;
            this.enabled = mode == ProgressMode.ALWAYS || (mode == ProgressMode.AUTO && interactive);
            this.bar = interactive;
            this.delay = mode == ProgressMode.ALWAYS ? 0 : 1_000_000_000L;
            this.every = bar ? 500_000_000L : 2_000_000_000L;
            this.err = err;
            this.lastDraw = start;
        }

        /** Whether stderr is an interactive terminal (no console when stdin/stdout/stderr are redirected). */
        static boolean interactive() {
            return System.console() != null;
        }

        boolean enabled() {
            return enabled;
        }

        @Override
        public void progress(long count, long of) {
            done(count);
        }

        void done(long count) {
            done.set(count);
            if (!enabled) {
                return;
            }
            long now = System.nanoTime();
            if (now - start > delay && (now - lastDraw > every || count == total)) {
                lastDraw = now;
                draw(count, now);
            }
        }

        private void draw(long count, long now) {
            double seconds = (now - start) / 1e9;
            double percent = 100.0 * count / Math.max(1, total);
            if (bar) {
                int width = 30;
                int filled = (int) (width * count / Math.max(1, total));
                String b = "#".repeat(filled) + ".".repeat(width - filled);
                err.print(String.format(Locale.ROOT, "\rsweep [%s] %d/%d %3.0f%% %.1f s", b, count, total, percent, seconds));
            } else {
                err.println(String.format(Locale.ROOT, "sweep: %d/%d points (%.0f%%), %.1f s", count, total, percent, seconds));
            }
            err.flush();
            shown = true;
        }

        void finish() {
            if (shown && bar) {
                err.println();
                err.flush();
            }
        }
    }
}
