package org.iclscale.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iclscale.core.Gamma;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.ParameterGrid;
import org.iclscale.io.Report;
import org.iclscale.sweep.Axis;
import org.iclscale.sweep.Grid;
import org.iclscale.sweep.Point;
import org.iclscale.sweep.SweepRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A sweep of one verb: the verb's fixed options and its swept options as the typed axes of a {@link Grid}.
 *
 * <p>How a point gets its input without picocli parsing anything per point:
 * <ol>
 *   <li>{@link #of} parses the verb's arguments once (every swept option at its first value) and converts every
 *   value of every swept option once, with that option's own picocli converter, into the axis's typed values;
 *   then it calls {@link Verb#validate()} with each value set, so the whole grid is checked before any point
 *   runs (a bad value, say {@code --depth 1.5} from a linear range, is refused naming option and value).</li>
 *   <li>Each worker thread gets a {@link Worker}: a verb instance of its own, parsed once the same way, whose
 *   option values are recorded. For each point the worker puts the recorded values back and sets each swept
 *   option to the point's typed value ({@link OptionSpec#setValue}); then it calls {@link Verb#compute()}.</li>
 * </ol>
 * The coupling to a verb is its picocli options and {@code compute()}/{@code validate()}, nothing else; a verb
 * that writes files ({@link WritesFiles}) cannot be swept. The Spark runner builds the same plan inside each
 * task from the verb name and arguments alone.
 */
public final class SweepPlan {

    /** One token of the verb's argument vector: a flag, an option with a fixed value, or a swept option. */
    private record Token(String option, String value, int axis) {
        static final int FIXED = -1;
        static final int FLAG = -2;
    }

    private final String verb;
    private final List<Token> tokens;
    private final List<String> axisOptions;
    private final Grid grid;

    private SweepPlan(String verb, List<Token> tokens, List<String> axisOptions, Grid grid) {
        this.verb = verb;
        this.tokens = List.copyOf(tokens);
        this.axisOptions = List.copyOf(axisOptions);
        this.grid = grid;
    }

    /**
     * Splits {@code args} into fixed and swept options (a value that is a list or range is swept unless its option
     * is in {@code noExpand}), converts and validates every swept value.
     *
     * @throws InvalidInputException for an unknown verb or option, a malformed list, a value the option refuses
     */
    public static SweepPlan of(String verb, List<String> args, Set<String> noExpand) {
        VerbLine template = new VerbLine(verb);
        CommandSpec spec = template.line.getCommandSpec();
        List<Token> tokens = new ArrayList<>();
        List<String> axisOptions = new ArrayList<>();
        List<List<String>> labels = new ArrayList<>();
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
            OptionSpec opt = token.startsWith("-") ? spec.findOption(name) : null;
            if (opt == null) {
                throw new InvalidInputException(token, "is not an option of '" + verb + "' (see iclscale " + verb + " --help)");
            }
            if (opt.longestName().equals("--format")) {
                // the sweep writes its own CSV or JSON lines from each point's typed result: a verb's --format after
                // VERB had no effect at all (issue 18), and swept (json,csv) it even became a column
                throw new InvalidInputException("--format", "after VERB is the verb's own output format, which a sweep "
                        + "does not use (expected sweep --format csv|json VERB ..., before the verb)");
            }
            if (opt.usageHelp() || opt.versionHelp()) {
                throw new InvalidInputException(name, "cannot be swept (run iclscale " + verb + " " + name + ")");
            }
            if (opt.arity().max() == 0) {
                tokens.add(new Token(name, null, Token.FLAG));
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
                tokens.add(new Token(name, null, axisOptions.size()));
                axisOptions.add(name);
                labels.add(ParameterGrid.parse(name, value));
            } else {
                tokens.add(new Token(name, value, Token.FIXED));
            }
        }
        List<Axis> text = new ArrayList<>();
        for (int k = 0; k < labels.size(); k++) {
            text.add(Axis.ofLabels(axisOptions.get(k), labels.get(k)));
        }
        Grid textGrid = new Grid(text); // refuses too large a grid before anything is converted
        String[] argv = argv(tokens, labels, new int[labels.size()]);
        try {
            template.parse(argv);
        } catch (InvalidInputException e) {
            throw atPoint(textGrid.point(0), e);
        }
        List<Axis> axes = new ArrayList<>();
        for (int k = 0; k < axisOptions.size(); k++) {
            axes.add(convert(template, tokens, labels, k, argv, textGrid));
        }
        return new SweepPlan(verb, tokens, axisOptions, new Grid(axes));
    }

    /**
     * Axis {@code k}: each label converted by the option's converter (a text option keeps the text; an option
     * without a single converter is converted by parsing the argument vector with that label), and
     * {@link Verb#validate()} run with it set. Afterwards the template holds the first values again.
     */
    private static Axis convert(VerbLine template, List<Token> tokens, List<List<String>> labels, int k, String[] argv,
            Grid textGrid) {
        OptionSpec opt = template.option(nameOfAxis(tokens, k));
        Object firstValue = opt.getValue();
        ITypeConverter<?>[] converters = opt.converters();
        boolean direct = !opt.isMultiValue() && (converters.length == 1 || opt.type() == String.class);
        List<Object> values = new ArrayList<>();
        int[] coordinates = new int[labels.size()];
        long stride = 1;
        for (int i = k + 1; i < labels.size(); i++) {
            stride *= labels.get(i).size();
        }
        // a range's numbers go to a converter that takes them, so its labels are not parsed (issue 17 goal 2)
        ParameterGrid.Range range = labels.get(k) instanceof ParameterGrid.Range r ? r : null;
        Converters.FromNumber<?> fromNumber = direct && converters.length == 1
                && converters[0] instanceof Converters.FromNumber<?> f ? f : null;
        for (int j = 0; j < labels.get(k).size(); j++) {
            String label = labels.get(k).get(j);
            Object value;
            try {
                if (range != null && fromNumber != null) {
                    value = convertWith(fromNumber, opt, label, range.number(j));
                    opt.setValue(value);
                } else if (direct) {
                    value = converters.length == 1 ? convertWith(converters[0], opt, label) : label;
                    opt.setValue(value);
                } else {
                    coordinates[k] = j;
                    template.parse(argv(tokens, labels, coordinates));
                    value = opt.getValue();
                }
                template.verb.validate();
            } catch (InvalidInputException e) {
                throw atPoint(textGrid.point(j * stride), e);
            }
            values.add(value);
        }
        if (direct) {
            opt.setValue(firstValue);
        } else {
            template.parse(argv);
        }
        return new Axis(nameOfAxis(tokens, k), labels.get(k), values);
    }

    /** A refused value, named by the first point that has it: "point 2 of 3 (--alpha -1): --alpha: ...". */
    private static InvalidInputException atPoint(Point p, InvalidInputException e) {
        return new InvalidInputException(p.where(), OptionNames.render(e));
    }

    private static Object convertWith(ITypeConverter<?> converter, OptionSpec opt, String label) {
        return convertWith(converter, opt, label, Double.NaN);
    }

    /** {@code converter}'s value of {@code label}; from {@code number} (its Range number) when it is a FromNumber. */
    private static Object convertWith(ITypeConverter<?> converter, OptionSpec opt, String label, double number) {
        try {
            return converter instanceof Converters.FromNumber<?> f && !Double.isNaN(number) ? f.fromNumber(number, label)
                    : converter.convert(label);
        } catch (InvalidInputException e) {
            throw e;
        } catch (Exception e) {
            throw new InvalidInputException(opt.longestName(), label, "a value " + opt.paramLabel() + " (" + e.getMessage() + ")");
        }
    }

    private static String nameOfAxis(List<Token> tokens, int k) {
        for (Token t : tokens) {
            if (t.axis() == k) {
                return t.option();
            }
        }
        throw new IllegalStateException("axis " + k);
    }

    /** The verb's argument vector with axis {@code k} at its value {@code coordinates[k]}. */
    private static String[] argv(List<Token> tokens, List<List<String>> labels, int[] coordinates) {
        List<String> out = new ArrayList<>();
        for (Token t : tokens) {
            out.add(t.option());
            if (t.axis() >= 0) {
                out.add(labels.get(t.axis()).get(coordinates[t.axis()]));
            } else if (t.axis() == Token.FIXED) {
                out.add(t.value());
            }
        }
        return out.toArray(String[]::new);
    }

    public String verb() {
        return verb;
    }

    public Grid grid() {
        return grid;
    }

    /** The swept options, in the order of the axes (e.g. {@code --alpha}). */
    public List<String> axisOptions() {
        return axisOptions;
    }

    /** The column key of axis {@code k} ({@code --time-convention} → {@code timeConvention}). */
    public String axisKey(int k) {
        return ParameterGrid.key(axisOptions.get(k));
    }

    /** The option whose runs {@link Worker#evaluateAll} computes together. */
    static final String GAMMA = "--gamma";

    /** Whether --gamma is swept: then blocks of points are worth giving to one worker ({@link Worker#evaluateAll}). */
    public boolean sweepsGamma() {
        return axisOptions.stream().anyMatch(o -> o.equals(GAMMA));
    }

    /** A new evaluator with a verb instance of its own (one per worker thread). */
    public Worker newWorker() {
        return new Worker();
    }

    /**
     * Evaluates points with one verb instance: parsed once, its options reset to the parsed values and the swept
     * options set to the point's typed values before each {@link Verb#compute()}. Not thread-safe: one per thread.
     */
    public final class Worker implements SweepRunner.Evaluator<Report> {
        private final VerbLine line;
        private final Map<OptionSpec, Object> parsed = new IdentityHashMap<>();
        private final OptionSpec[] swept;
        private final int gammaAxis; // the axis of --gamma, or -1

        private Worker() {
            line = new VerbLine(verb);
            List<List<String>> labels = new ArrayList<>();
            grid.axes().forEach(a -> labels.add(a.labels()));
            line.parse(argv(tokens, labels, new int[labels.size()]));
            swept = new OptionSpec[axisOptions.size()];
            int g = -1;
            for (int k = 0; k < swept.length; k++) {
                swept[k] = line.option(axisOptions.get(k));
                if (swept[k].longestName().equals(GAMMA)) {
                    g = k;
                }
            }
            gammaAxis = g;
            Set<OptionSpec> sweptSet = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            sweptSet.addAll(List.of(swept));
            for (OptionSpec o : line.line.getCommandSpec().options()) {
                if (!sweptSet.contains(o) && !o.usageHelp() && !o.versionHelp()) {
                    parsed.put(o, o.getValue());
                }
            }
        }

        /** The verb's report at {@code point} (any exception is the verb's: bad input or a failed computation). */
        @Override
        public Report evaluate(Point point) {
            set(point);
            return line.verb.compute();
        }

        /** The report of an entry of {@link #evaluateAll}: a {@link Report}, or a {@link GammaRun.Row}'s report. */
        public static Report report(Object entry) {
            return entry instanceof GammaRun.Row row ? row.report() : (Report) entry;
        }

        /** The recorded option values, then the swept options at {@code point}'s values. */
        private void set(Point point) {
            parsed.forEach((o, v) -> o.setValue(fresh(v)));
            for (int k = 0; k < swept.length; k++) {
                swept[k].setValue(fresh(point.value(k)));
            }
        }

        /**
         * Runs of consecutive points that differ only in {@code --gamma} go to the verb's
         * {@link Verb#rowsAtGammas} at once (one landscape, one batched evaluation: issue 17 goal 2); the other
         * points, a verb without that route, and any run whose batched computation throws are evaluated one by
         * one, so every report and every failure is what {@link #evaluate} gives. An entry is a {@link Report} or a
         * {@link GammaRun.Row} (its report built on demand: {@link #report}).
         */
        @Override
        public List<Object> evaluateAll(List<Point> points) {
            List<Object> out = new ArrayList<>(points.size());
            int from = 0;
            while (from < points.size()) {
                int to = from + 1;
                while (gammaAxis >= 0 && to < points.size() && sameBesideGamma(points.get(from), points.get(to))) {
                    to++;
                }
                List<?> batch = to - from > 1 ? batched(points.subList(from, to)) : null;
                if (batch != null) {
                    out.addAll(batch);
                } else {
                    for (int i = from; i < to; i++) {
                        try {
                            out.add(evaluate(points.get(i)));
                        } catch (RuntimeException | Error e) {
                            out.add(new SweepRunner.Failed(e));
                            return out;
                        }
                    }
                }
                from = to;
            }
            return out;
        }

        /**
         * The run's rows from {@link Verb#rowsAtGammas} (reports or {@link GammaRun.Row}s); null when there is no
         * batched route or it threw.
         */
        private List<?> batched(List<Point> run) {
            List<Gamma> gammas = new ArrayList<>(run.size());
            for (Point p : run) {
                if (!(p.value(gammaAxis) instanceof Gamma g)) {
                    return null;
                }
                gammas.add(g);
            }
            try {
                set(run.get(0));
                List<?> rows = line.verb.rowsAtGammas(gammas);
                return rows != null && rows.size() == run.size() ? rows : null;
            } catch (RuntimeException e) {
                return null; // computed again one by one, which names the failing point
            }
        }

        private boolean sameBesideGamma(Point a, Point b) {
            for (int k = 0; k < swept.length; k++) {
                if (k != gammaAxis && a.coordinate(k) != b.coordinate(k)) {
                    return false;
                }
            }
            return true;
        }

        /** Options whose values are mutable containers get a copy per point (the others are immutable values). */
        private static Object fresh(Object v) {
            if (v instanceof List<?> l) {
                return new ArrayList<>(l);
            }
            if (v instanceof Collection<?> c) {
                return new HashSet<>(c);
            }
            if (v instanceof double[] a) {
                return a.clone();
            }
            if (v instanceof int[] a) {
                return a.clone();
            }
            return v;
        }
    }

    /** A verb instance in a picocli command line of its own (only that verb's classes are introspected). */
    private static final class VerbLine {
        final Verb verb;
        final CommandLine line;

        VerbLine(String name) {
            verb = SweepPlan.newVerb(name);
            line = Main.numberGrammar(new CommandLine(verb));
            line.setCaseInsensitiveEnumValuesAllowed(true);
        }

        OptionSpec option(String name) {
            return line.getCommandSpec().findOption(name);
        }

        /** picocli parses {@code argv} into the verb's fields (resetting every option first). */
        void parse(String[] argv) {
            try {
                line.parseArgs(argv);
            } catch (CommandLine.ParameterException e) {
                if (e.getCause() instanceof InvalidInputException iie) {
                    throw Failure.named(e, iie);
                }
                throw new InvalidInputException("option", e.getMessage());
            }
        }
    }

    /** The sweepable verbs: {@link Main}'s subcommands that are a {@link Verb} and do not write files. */
    public static List<String> sweepableVerbs() {
        List<String> names = new ArrayList<>();
        for (Class<?> c : Main.VERBS) {
            if (sweepable(c)) {
                names.add(c.getAnnotation(Command.class).name());
            }
        }
        return names;
    }

    private static boolean sweepable(Class<?> c) {
        return Verb.class.isAssignableFrom(c) && !WritesFiles.class.isAssignableFrom(c);
    }

    /** A new instance of the verb called {@code name} (only that class is linked: numeric verbs need no Symja). */
    static Verb newVerb(String name) {
        for (Class<?> c : Main.VERBS) {
            Command cmd = c.getAnnotation(Command.class);
            if (cmd != null && cmd.name().equals(name)) {
                if (WritesFiles.class.isAssignableFrom(c)) {
                    throw new InvalidInputException("VERB", name + " writes files and cannot be swept (expected one of "
                            + String.join(", ", sweepableVerbs()) + ")");
                }
                if (!sweepable(c)) {
                    break;
                }
                try {
                    return (Verb) c.getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("verb " + name + " cannot be created", e);
                }
            }
        }
        throw new InvalidInputException("VERB", name, "a computing verb: one of " + String.join(", ", sweepableVerbs()));
    }
}
