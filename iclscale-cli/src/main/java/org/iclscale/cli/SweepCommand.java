package org.iclscale.cli;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.iclscale.core.ComputationException;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Inputs;
import org.iclscale.core.ParameterGrid;
import org.iclscale.io.JsonWriter;
import org.iclscale.io.Report;
import org.iclscale.io.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sweep VERB [verb options, any of them with a list or range]}: runs the verb's computation for every
 * point of the cartesian product of the lists, in parallel, and streams one CSV row (or one JSON line) per
 * point in a stable order (row-major, the last swept option fastest). Generic: any verb built on
 * {@link Verb} works, through its own picocli options and {@link Verb#compute()} in this JVM (no per-point
 * start-up). Sweep options go before VERB; everything after VERB belongs to the verb.
 *
 * <p>A verb whose result is a curve (a report with columns, e.g. {@code dynamics}) gives one row per curve
 * point, with the swept values repeated (long format, ready for {@code plot --series}).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, modelTransformer = SweepCommand.StopAtVerb.class,
        description = {"Run a verb over lists/ranges of its options (cartesian product, in parallel) and stream",
            "CSV (header first) or JSON lines, in a stable order: the last swept option varies fastest.",
            "A list is v1,v2,...; a range a:b:lin:n or a:b:log:n (n points, both ends included).",
            "Example: sweep optimum --alpha 0.1:10:log:100 --depth 1:100:lin:100",
            "Sweep options go before VERB; on an interactive terminal a progress bar appears on stderr when the sweep",
            "runs longer than 1 s (--progress always|auto|never)."})
public final class SweepCommand implements Callable<Integer> {

    /** Sweep's own options stop at the verb: every later token is the verb's (picocli stop-at-positional). */
    public static final class StopAtVerb implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            spec.parser().stopAtPositional(true);
            return spec;
        }
    }

    /** Longest string field written to CSV by default (the long 'method' texts are left to JSON output). */
    static final int SHORT_STRING = 24;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "csv",
            description = "csv (header, then one row per point) or json (one JSON object per line) (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--threads", description = "Worker threads (default: the number of processors).")
    String threads;

    @Option(names = "--progress", defaultValue = "auto",
            description = {"auto: a progress bar on stderr once the sweep has run 1 s, only when stderr is an interactive",
                "terminal; always: also when redirected (plain lines, for logs); never (default: ${DEFAULT-VALUE})."})
    String progress;

    @Option(names = "--fields", split = ",", paramLabel = "KEY",
            description = "Result keys to write in CSV (default: every number, flag and short text of the result).")
    List<String> fields;

    @Option(names = "--no-expand", paramLabel = "OPTION",
            description = "A verb option whose comma list is passed through unchanged instead of swept (repeatable).")
    List<String> noExpand;

    @Parameters(index = "0", paramLabel = "VERB", description = "The verb to run at each point (risk, optimum, ...).")
    String verb;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "The verb's options; any value may be a list or range.")
    List<String> args = new ArrayList<>();

    /** A parsed sweep: fixed arguments, swept axes and the order in which options appear. */
    record Plan(String verb, List<String[]> options, ParameterGrid grid) {
        /** The verb's argument vector at point {@code index}. */
        String[] argv(long index) {
            List<String> values = grid.point(index);
            List<String> out = new ArrayList<>();
            int axis = 0;
            for (String[] o : options) {
                out.add(o[0]);
                if (o.length == 1) {
                    continue;
                }
                if (o[1] == null) {
                    out.add(values.get(axis++));
                } else {
                    out.add(o[1]);
                }
            }
            return out.toArray(String[]::new);
        }

        /** "--alpha 0.5 --depth 3" for error messages. */
        String describe(long index) {
            List<String> values = grid.point(index);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                sb.append(i == 0 ? "" : " ").append(grid.axes().get(i).option()).append(' ').append(values.get(i));
            }
            return sb.toString();
        }
    }

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
        Plan plan = plan(verb, args, noExpand == null ? Set.of() : new HashSet<>(noExpand));
        run(plan, json, nThreads, showProgress, spec.commandLine().getOut(), spec.commandLine().getErr());
        return Main.EXIT_OK;
    }

    /** Splits the verb's arguments into fixed values and swept axes (validating each list). */
    static Plan plan(String verb, List<String> args, Set<String> noExpand) {
        CommandLine verbLine = verbCommandLine(verb);
        CommandSpec verbSpec = verbLine.getCommandSpec();
        List<String[]> options = new ArrayList<>();
        List<ParameterGrid.Axis> axes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String token = args.get(i);
            String name = token;
            String inline = null;
            int eq = token.indexOf('=');
            if (token.startsWith("-") && eq > 0) {
                name = token.substring(0, eq);
                inline = token.substring(eq + 1);
            }
            OptionSpec opt = token.startsWith("-") ? verbSpec.findOption(name) : null;
            if (opt == null) {
                throw new InvalidInputException(token, "is not an option of '" + verb + "' (see iclscale " + verb + " --help)");
            }
            if (opt.usageHelp() || opt.versionHelp()) {
                throw new InvalidInputException(name, "cannot be swept (run iclscale " + verb + " " + name + ")");
            }
            if (opt.arity().max() == 0) {
                options.add(new String[] {name});
                continue;
            }
            String value = inline;
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new InvalidInputException(name, "missing value (expected a value, a list or a range)");
                }
                value = args.get(++i);
            }
            if (!seen.add(opt.longestName())) {
                throw new InvalidInputException(name, "given twice (give one list instead)");
            }
            if (ParameterGrid.isSweep(value) && !noExpand.contains(name) && !noExpand.contains(opt.longestName())) {
                axes.add(new ParameterGrid.Axis(name, ParameterGrid.parse(name, value)));
                options.add(new String[] {name, null});
            } else {
                options.add(new String[] {name, value});
            }
        }
        return new Plan(verb, options, new ParameterGrid(axes));
    }

    /** The verb's command line inside a fresh {@link Main#commandLine()} (one per worker thread). */
    static CommandLine verbCommandLine(String verb) {
        return verbCommandLine(Main.commandLine(), verb);
    }

    static CommandLine verbCommandLine(CommandLine main, String verb) {
        CommandLine sub = main.getSubcommands().get(verb);
        if (sub == null || !(sub.getCommand() instanceof Verb)) {
            List<String> verbs = main.getSubcommands().entrySet().stream()
                    .filter(e -> e.getValue().getCommand() instanceof Verb && !e.getKey().equals("tour"))
                    .map(Map.Entry::getKey).toList();
            throw new InvalidInputException("VERB", verb, "a computing verb: one of " + String.join(", ", verbs));
        }
        return sub;
    }

    /**
     * Runs one point: parses {@code VERB argv} with the full command line (picocli resets every option to its
     * default before parsing, so one command line per thread can be reused) and calls the verb's computation.
     */
    static Report compute(CommandLine main, String verb, String[] argv) {
        CommandLine verbLine = verbCommandLine(main, verb);
        String[] full = new String[argv.length + 1];
        full[0] = verb;
        System.arraycopy(argv, 0, full, 1, argv.length);
        try {
            main.parseArgs(full);
        } catch (CommandLine.ParameterException e) {
            if (e.getCause() instanceof InvalidInputException iie) {
                throw iie;
            }
            throw new InvalidInputException("option", e.getMessage());
        }
        Verb v = verbLine.getCommand();
        return v.compute();
    }

    private void run(Plan plan, boolean json, int nThreads, ProgressMode showProgress, PrintWriter out, PrintWriter err) {
        long n = plan.grid().size();
        ThreadLocal<CommandLine> lines = ThreadLocal.withInitial(Main::commandLine);
        ExecutorService pool = Executors.newFixedThreadPool(nThreads, r -> {
            Thread t = new Thread(r, "sweep-worker");
            t.setDaemon(true);
            return t;
        });
        Progress bar = new Progress(n, showProgress, Progress.interactive(), err);
        RowWriter writer = new RowWriter(plan, json, fields, out);
        ArrayDeque<Future<Report>> window = new ArrayDeque<>();
        int windowSize = Math.max(64, 32 * nThreads);
        long consumed = 0;
        try {
            for (long i = 0; i < n; i++) {
                while (window.size() >= windowSize) {
                    writer.write(consumed, take(window.poll(), plan, consumed));
                    bar.done(++consumed);
                }
                final long index = i;
                window.add(pool.submit(() -> compute(lines.get(), plan.verb(), plan.argv(index))));
            }
            while (!window.isEmpty()) {
                writer.write(consumed, take(window.poll(), plan, consumed));
                bar.done(++consumed);
            }
        } finally {
            window.forEach(f -> f.cancel(true));
            pool.shutdownNow();
            bar.finish();
            out.flush();
        }
    }

    private static Report take(Future<Report> future, Plan plan, long index) {
        String where = "point " + (index + 1) + " of " + plan.grid().size() + " (" + plan.describe(index) + ")";
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComputationException("sweep", "interrupted at " + where);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof InvalidInputException iie) {
                throw new InvalidInputException(where, OptionNames.render(iie));
            }
            if (c instanceof ComputationException ce) {
                throw new ComputationException(where, ce.getMessage(), ce);
            }
            throw new ComputationException(where, c.getClass().getSimpleName() + ": " + c.getMessage(), c);
        }
    }

    /** Streams rows; the CSV header comes from the first point's result. */
    static final class RowWriter {
        private final Plan plan;
        private final boolean json;
        private final List<String> selected;
        private final PrintWriter out;
        private List<String> columns;
        private List<String> scalars;

        RowWriter(Plan plan, boolean json, List<String> selected, PrintWriter out) {
            this.plan = plan;
            this.json = json;
            this.selected = selected;
            this.out = out;
        }

        void write(long index, Report r) {
            List<String> values = plan.grid().point(index);
            Map<String, Object> swept = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                swept.put(plan.grid().axes().get(i).key(), number(values.get(i)));
            }
            if (json) {
                Map<String, Object> all = new LinkedHashMap<>(swept);
                JsonWriter.asMap(r).forEach(all::putIfAbsent);
                Report line = new Report(r.title());
                all.forEach(line::put);
                out.println(JsonWriter.toJsonLine(line));
                return;
            }
            ReportWriter.requireFinite(r);
            Map<String, Object> flat = ReportWriter.flatten(r.fields());
            if (columns == null) {
                header(swept.keySet(), r, flat);
            }
            int rows = columns.isEmpty() ? 1 : r.rows();
            for (int row = 0; row < rows; row++) {
                List<String> cells = new ArrayList<>();
                swept.values().forEach(v -> cells.add(ReportWriter.exact(v)));
                for (String c : columns) {
                    double[] col = r.columns().get(c);
                    cells.add(col == null || row >= col.length ? "" : ReportWriter.exact(col[row]));
                }
                for (String k : scalars) {
                    Object v = flat.get(k);
                    cells.add(v == null ? "" : quote(ReportWriter.exact(v)));
                }
                out.println(String.join(",", cells));
            }
        }

        private void header(Set<String> sweptKeys, Report r, Map<String, Object> flat) {
            columns = new ArrayList<>();
            scalars = new ArrayList<>();
            for (String c : r.columns().keySet()) {
                if (!sweptKeys.contains(c) && (selected == null || selected.contains(c))) {
                    columns.add(c);
                }
            }
            flat.forEach((k, v) -> {
                if (sweptKeys.contains(k) || r.columns().containsKey(k)) {
                    return;
                }
                boolean scalar = v instanceof Number || v instanceof Boolean
                        || (v instanceof String s && (selected != null || s.length() <= SHORT_STRING));
                if (scalar && (selected == null || selected.contains(k))) {
                    scalars.add(k);
                }
            });
            if (selected != null) {
                for (String s : selected) {
                    if (!columns.contains(s) && !scalars.contains(s) && !sweptKeys.contains(s)) {
                        throw new InvalidInputException("--fields", s, "keys of the '" + r.title() + "' result: "
                                + String.join(", ", flat.keySet()) + (r.columns().isEmpty() ? "" : ", " + String.join(", ", r.columns().keySet())));
                    }
                }
            }
            List<String> head = new ArrayList<>(sweptKeys);
            head.addAll(columns);
            head.addAll(scalars);
            out.println(String.join(",", head));
        }

        private static Object number(String text) {
            try {
                double d = Double.parseDouble(text);
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // not a number: keep the text (inf, opt, iso, ...)
            }
            return text;
        }

        private static String quote(String s) {
            if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
                return '"' + s.replace("\"", "\"\"") + '"';
            }
            return s;
        }
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
    static final class Progress {
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
