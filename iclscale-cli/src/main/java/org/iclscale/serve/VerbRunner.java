package org.iclscale.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.iclscale.cli.Failure;
import org.iclscale.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Runs one request through the command line, exactly as {@code ./iclscale VERB --format json ...} would, and turns
 * the outcome into an {@link Answer}: the verb's JSON output as the result (JSON lines, as {@code sweep} writes,
 * become {@code {"rows": [...]}}; other text, such as {@code --help}, becomes {@code {"text": "..."}}), or the
 * command line's {@link Failure} as a structured error.
 *
 * <p>Each worker thread builds picocli's command line once and reuses it (picocli resets every option to its
 * default before each parse; building it costs ~100 ms, parsing microseconds). Every verb of {@link Main} is
 * served except {@code help} and {@code serve}; a verb that writes files (one with an {@code --out} option) runs
 * only when the request names its output directory. Thread-safe.
 */
public final class VerbRunner {

    /** Verbs that use the one Symja engine (run one at a time; the numeric verbs stay parallel). */
    private static final java.util.Set<String> SYMBOLIC = java.util.Set.of("derive", "check", "exponents");

    /** The meta-request that lists the served verbs, their options and their help text. */
    public static final String DESCRIBE = "describe";

    private static final Set<String> NOT_SERVED = Set.of("help", "serve");

    private final ObjectMapper mapper;
    private final RequestReader reader;
    private final List<String> verbs;
    private final ThreadLocal<Worker> workers = ThreadLocal.withInitial(Worker::new);

    public VerbRunner(ObjectMapper mapper) {
        this.mapper = mapper;
        this.reader = new RequestReader(mapper);
        this.verbs = Main.commandLine().getSubcommands().keySet().stream().filter(v -> !NOT_SERVED.contains(v)).toList();
    }

    /** The verbs this runner serves, in the command line's order. */
    public List<String> verbs() {
        return verbs;
    }

    /** Answers one request line (never throws: every failure is an error answer). */
    public Answer answer(String line) {
        Request request;
        try {
            request = reader.read(line);
        } catch (BadRequest e) {
            return Answer.error(e.id(), e.error());
        }
        return run(request);
    }

    /** Runs one parsed request (never throws). */
    public Answer run(Request request) {
        try {
            if (request.verb().equals(DESCRIBE)) {
                return Answer.result(request.id(), describe());
            }
            if (!verbs.contains(request.verb())) {
                String valid = "one of " + String.join(", ", verbs) + " (or " + DESCRIBE + ")";
                return Answer.error(request.id(), new Answer.Error(Main.EXIT_BAD_INPUT, "verb", request.verb(), valid,
                        "iclscale: unknown verb '" + request.verb() + "' (expected " + valid + ")"));
            }
            return workers.get().run(request);
        } catch (StackOverflowError | OutOfMemoryError e) {
            workers.remove(); // the worker may have been left half-way: the next request on this thread builds anew
            return Answer.error(request.id(), new Answer.Error(Main.EXIT_COMPUTATION, null, null, null,
                    "iclscale: out of resources (" + e.getClass().getSimpleName()
                    + "); reduce the problem size or raise the JVM heap with JAVA_OPTS=-Xmx..."));
        } catch (RuntimeException e) {
            workers.remove();
            return Answer.error(request.id(), new Answer.Error(Main.EXIT_COMPUTATION, null, null, null,
                    "iclscale " + request.verb() + ": internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** A worker thread's own command line and the failure its handlers recorded during the current call. */
    private final class Worker {
        private final CommandLine main = Main.commandLine();
        private Failure failure;

        Worker() {
            boolean debug = System.getenv("ICLSCALE_DEBUG") != null;
            main.setParameterExceptionHandler((ex, args) -> {
                failure = Failure.ofParameter(ex);
                return failure.code();
            });
            main.setExecutionExceptionHandler((ex, cl, parsed) -> {
                if (debug) {
                    ex.printStackTrace();
                }
                failure = Failure.ofExecution(ex, cl);
                return failure.code();
            });
        }

        Answer run(Request request) {
            CommandSpec verb = main.getSubcommands().get(request.verb()).getCommandSpec();
            if (verb.findOption("--out") != null && !Arguments.hasOption(request, "out")) {
                return Answer.error(request.id(), new Answer.Error(Main.EXIT_BAD_INPUT, "out", null, "a folder",
                        "iclscale " + request.verb() + ": --out: missing (serve runs a verb that writes files only when the "
                                + "request names their folder with \"out\")"));
            }
            String[] argv = Arguments.argv(verb, request);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            main.setOut(new PrintWriter(out, true));
            main.setErr(new PrintWriter(err, true));
            failure = null;
            int code;
            if (SYMBOLIC.contains(request.verb())) {
                // Symja serialises single calls but not a verb's sequence of definitions and evaluations: two
                // symbolic verbs at once (exponents while check redefines the library) raced inside Symja
                synchronized (SYMBOLIC) {
                    code = main.execute(argv);
                }
            } else {
                code = main.execute(argv);
            }
            if (failure != null) {
                return Answer.error(request.id(), Answer.Error.of(failure));
            }
            if (code != Main.EXIT_OK) {
                return Answer.error(request.id(), new Answer.Error(code, null, null, null, err.toString().strip()));
            }
            return Answer.result(request.id(), result(out.toString()));
        }
    }

    /** The verb's output: one JSON object as it is, several (JSON lines) as {"rows": [...]}, else {"text": ...}. */
    JsonNode result(String output) {
        String text = output.strip();
        ObjectNode wrapped = mapper.createObjectNode();
        if (!text.isEmpty() && (text.charAt(0) == '{')) {
            try (MappingIterator<JsonNode> it = mapper.readerFor(JsonNode.class).readValues(text)) {
                List<JsonNode> values = it.readAll();
                if (values.stream().allMatch(JsonNode::isObject)) {
                    if (values.size() == 1) {
                        return values.get(0);
                    }
                    ArrayNode rows = wrapped.putArray("rows");
                    values.forEach(rows::add);
                    return wrapped;
                }
            } catch (IOException | RuntimeException e) {
                // not JSON after all: returned as text below
            }
        }
        wrapped.put("text", output);
        return wrapped;
    }

    /** {"verbs": {verb: {"usage": help text, "writesFiles": ..., "options": [...], "positionals": [...]}}}. */
    private JsonNode describe() {
        ObjectNode all = mapper.createObjectNode();
        ObjectNode byVerb = all.putObject("verbs");
        CommandLine main = workers.get().main;
        for (String v : verbs) {
            CommandLine sub = main.getSubcommands().get(v);
            CommandSpec spec = sub.getCommandSpec();
            ObjectNode d = byVerb.putObject(v);
            d.put("usage", sub.getUsageMessage(CommandLine.Help.Ansi.OFF));
            d.put("writesFiles", spec.findOption("--out") != null);
            ArrayNode options = d.putArray("options");
            for (OptionSpec o : spec.options()) {
                if (o.usageHelp() || o.versionHelp()) {
                    continue;
                }
                ObjectNode n = options.addObject();
                n.put("name", Answer.Error.requestName(o.longestName()));
                n.put("label", o.paramLabel());
                n.put("description", String.join(" ", o.description()));
                n.put("default", o.defaultValue());
                n.put("required", o.required());
                n.put("flag", o.arity().max() == 0);
                n.put("repeatable", o.isMultiValue() && o.splitRegex().isEmpty());
            }
            ArrayNode positionals = d.putArray("positionals");
            for (PositionalParamSpec p : spec.positionalParameters()) {
                ObjectNode n = positionals.addObject();
                n.put("label", p.paramLabel());
                n.put("description", String.join(" ", p.description()));
                n.put("required", p.arity().min() > 0);
            }
        }
        return all;
    }
}

