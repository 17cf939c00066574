package org.iclscale.cli;

import java.io.PrintWriter;
import java.util.List;
import org.iclscale.serve.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code ./iclscale}. One subcommand class per verb; exit codes: 0 success, 2 bad input
 * (one line on stderr naming the option, the value and the valid range), 1 a computation that could not be
 * completed. No stack trace reaches the user unless {@code ICLSCALE_DEBUG=1}.
 */
@Command(name = "iclscale",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Scaling-law calculator for in-context regression by deep linear attention",
            "(Bordelon, Letey, Pehlevan, arXiv 2510.01098).",
            "Conventions: alpha = P/D; depth L = in-context GD steps of size gamma/L; loss includes sigma^2;",
            "gradient flow dGamma/dt = -1/2 dLoss/dGamma."})
public final class Main implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_COMPUTATION = 1;
    public static final int EXIT_BAD_INPUT = 2;

    /**
     * The verbs, in the order of the usage help. They are added to the command line here and not in the
     * {@code @Command} annotation: picocli builds the model of every annotated subcommand (reflection over all
     * options, mixins and converters: most of a short verb's start-up, issue 17 item 6), so a command line whose
     * first argument names a verb gets that verb alone ({@link #commandLine(String...)}).
     */
    static final List<Class<?>> VERBS = List.of(
            RiskCommand.class,
            OptimumCommand.class,
            LandscapeCommand.class,
            DynamicsCommand.class,
            SgdCommand.class,
            SimulateCommand.class,
            TrainCommand.class,
            TourCommand.class,
            OodCommand.class,
            ExponentsCommand.class,
            ShapeCommand.class,
            DeriveCommand.class,
            CheckCommand.class,
            SweepCommand.class,
            MergeCommand.class,
            PlotCommand.class,
            FigureCommand.class,
            ServeCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing verb; try 'iclscale --help'");
    }

    public static void main(String[] args) {
        quietSymjaLogging();
        int code;
        try {
            code = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            System.err.println("iclscale: out of resources (" + e.getClass().getSimpleName()
                    + "); reduce the problem size or raise the JVM heap with JAVA_OPTS=-Xmx...");
            code = EXIT_COMPUTATION;
        }
        System.out.flush();
        if (System.out.checkError() && code == EXIT_OK) {
            // a closed pipe or a full device: the result did not reach its reader (PrintStream swallows the error)
            System.err.println("iclscale: cannot write to standard output (closed pipe or full device)");
            code = EXIT_COMPUTATION;
        }
        System.exit(code);
    }

    /**
     * Symja logs through log4j2; the application keeps every stream quiet (design.md). This is set here, in
     * the application, and not inside a library jar, so a host JVM that embeds the library keeps its own logging
     * configuration. A value given with -D wins.
     */
    static void quietSymjaLogging() {
        String[][] defaults = {
            {"log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory"},
            {"org.apache.logging.log4j.simplelog.StatusLogger.level", "OFF"},
            {"log4j2.simplelogLevel", "OFF"},
            {"log4j2.statusLoggerLevel", "OFF"}};
        for (String[] d : defaults) {
            if (System.getProperty(d[0]) == null) {
                System.setProperty(d[0], d[1]);
            }
        }
    }

    /**
     * picocli's default factory looks for Groovy's {@code groovy.lang.Closure} once per JVM (closures in
     * annotations, a Groovy-script feature this application does not use); the failed lookup searches every jar of
     * the class path, which opens all ~60 of them: ~0.07 of a numeric verb's ~0.35 CPU-s (issue 17 item 6). With
     * {@code picocli.disable.closures} no jar is opened at all on such a verb (its classes come from the archive).
     * Set before the first command line is built; a value given with -D wins.
     */
    static void noGroovyClosures() {
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
    }

    /** Runs the command line with the given streams and returns the exit code (used by the tests). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /** The configured picocli command line with every verb (exit-code mapping and one-line error messages). */
    public static CommandLine commandLine() {
        return build(VERBS);
    }

    /**
     * The command line for these arguments: when the first one names a verb (other than {@code help}), the
     * command line with that verb alone, which parses, runs and fails like the full one (everything after the verb
     * belongs to it); {@code --version} (or {@code -V}) alone, no verb: it prints the same two lines; otherwise (no
     * verb, other top-level options first, {@code help}, an unknown verb) every verb.
     */
    public static CommandLine commandLine(String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return build(List.of());
        }
        if (args.length > 0) {
            for (Class<?> verb : VERBS) {
                if (verb != CommandLine.HelpCommand.class && verb.getAnnotation(Command.class).name().equals(args[0])) {
                    return build(List.of(verb));
                }
            }
        }
        return commandLine();
    }

    private static CommandLine build(List<Class<?>> verbs) {
        noGroovyClosures();
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> verb : verbs) {
            cl.addSubcommand(verb);
            // adding copies the parent's parser settings over the verb's: its model transformer (sweep's
            // stop-at-verb) is applied again, as for a subcommand declared in the annotation
            Class<? extends CommandLine.IModelTransformer> transformer = verb.getAnnotation(Command.class).modelTransformer();
            if (transformer.getEnclosingClass() != CommandLine.class) { // not picocli's no-op default
                CommandLine sub = cl.getSubcommands().get(verb.getAnnotation(Command.class).name());
                try {
                    transformer.getDeclaredConstructor().newInstance().transform(sub.getCommandSpec());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("model transformer " + transformer.getName(), e);
                }
            }
        }
        configure(cl);
        // every verb offers -V/--version (mixinStandardHelpOptions); without a provider it printed nothing
        VersionProvider version = new VersionProvider();
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(version));
        return cl;
    }

    /**
     * Gives {@code cl} the command line's contract: case-insensitive enums, exit 2 with one line naming the option
     * for bad input, exit 1 with one line for a failed computation (also used by the Spark runner's command line).
     */
    public static CommandLine configure(CommandLine cl) {
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        numberGrammar(cl);
        cl.setParameterExceptionHandler(Main::handleParameterException);
        cl.setExecutionExceptionHandler(Main::handleExecutionException);
        return cl;
    }

    /**
     * One number grammar for every numeric option, also those without a converter of their own (issue 18):
     * {@link Converters.NumberConverter} and its integer siblings for the types double, int and long (also used by
     * sweep's verb lines).
     */
    static CommandLine numberGrammar(CommandLine cl) {
        cl.registerConverter(double.class, new Converters.NumberConverter());
        cl.registerConverter(Double.class, new Converters.NumberConverter());
        cl.registerConverter(int.class, new Converters.IntegerConverter());
        cl.registerConverter(Integer.class, new Converters.IntegerConverter());
        cl.registerConverter(long.class, new Converters.LongConverter());
        cl.registerConverter(Long.class, new Converters.LongConverter());
        return cl;
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        if (asksForHelp(args)) {
            // --help wins over every other option, also over an invalid value (picocli's convention when the
            // values convert; README): the usage of the verb the error is about, exit 0
            CommandLine cl = ex.getCommandLine();
            cl.usage(cl.getOut());
            cl.getOut().flush();
            return EXIT_OK;
        }
        return report(Failure.ofParameter(ex), ex.getCommandLine().getErr());
    }

    /** True when --help or -h is among the arguments before a {@code --} (after it they belong to an inner verb). */
    private static boolean asksForHelp(String[] args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    private static int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (System.getenv("ICLSCALE_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        return report(Failure.ofExecution(ex, cl), err);
    }

    /** Prints the failure's one line on stderr and returns its exit code. */
    private static int report(Failure failure, PrintWriter err) {
        err.println(failure.line());
        err.flush();
        return failure.code();
    }
}
