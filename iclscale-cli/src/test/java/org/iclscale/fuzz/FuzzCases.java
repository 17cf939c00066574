package org.iclscale.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.iclscale.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A seeded generator of command lines for {@link CliFuzzTest} (issue 18): every verb starts from a cheap valid
 * command and gets one or two mutations — an option of the verb (read from picocli, so a new option is fuzzed
 * without editing this class) set to a hostile value (0, negatives, NaN, ±inf, 1e308, 1e-308, 2³¹, non-numbers,
 * empty, malformed lists and ranges) or to a typical or extreme valid one, an option removed, repeated, or taken
 * from another verb or setting, another setting or output format. Path options get malformed spectrum files,
 * unwritable outputs, devices and directories. The same seed gives the same cases.
 */
final class FuzzCases {

    /** One command line with the verb's label (for the per-verb counts). */
    record Case(int index, String verb, List<String> args, String stdin) {
        String[] argv() {
            return args.toArray(String[]::new);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("#" + index + ":");
            for (String a : args) {
                b.append(' ').append(a.isEmpty() || a.contains(" ") ? "'" + shorten(a) + "'" : shorten(a));
            }
            return b.toString();
        }

        private static String shorten(String s) {
            return s.length() <= 60 ? s : s.substring(0, 40) + "…(" + s.length() + " chars)";
        }
    }

    /** Values that are wrong for (almost) every option, in every notation the issue lists. */
    static final List<String> HOSTILE = List.of("0", "-1", "-0", "-1e-3", "NaN", "nan", "inf", "-inf", "Infinity",
            "1e308", "-1e308", "1e-308", "4.9e-324", "2147483648", "2147483647", "-2147483648", "9223372036854775808",
            "1e400", "abc", "", " ", "1,", ",1", "1,,2", "1:10:log:0", "10:1:lin:3", "1:10:log:100000000", "0x10", "1d",
            "2f", "\uff14", "1e", ".", "-", "--alpha", "1 2", "\u00e9", "9".repeat(5000));

    /** Extreme but valid values: the bounded-time-and-memory half of the contract. */
    static final List<String> EXTREME = List.of("1e-6", "1e-3", "1e6", "1e7", "1e8", "2147483646", "1e12", "1e300",
            "1e-300", "65536");

    /** Typical values per option (long name without dashes). */
    private static final Map<String, List<String>> TYPICAL = Map.ofEntries(
            Map.entry("alpha", List.of("0.5", "1", "2", "8", "inf")),
            Map.entry("gamma", List.of("0.5", "1", "2", "opt")),
            Map.entry("depth", List.of("1", "2", "4", "16", "inf")),
            Map.entry("sigma", List.of("0", "0.1", "1")),
            Map.entry("nu", List.of("1.2", "1.5", "2.5")),
            Map.entry("beta", List.of("0.3", "0.8", "2")),
            Map.entry("dim", List.of("4", "16", "64")),
            Map.entry("width", List.of("2", "8", "inf")),
            Map.entry("width-ratio", List.of("0.25", "0.5", "1")),
            Map.entry("times", List.of("1,10,100", "0,1", "1:100:log:5")),
            Map.entry("time", List.of("1", "10", "100")),
            Map.entry("thetas", List.of("0,0.5,1", "0", "0:2:lin:3")),
            Map.entry("layer-gammas", List.of("1", "1,2", "0.5,1,1.5,2")),
            Map.entry("modes", List.of("1", "1,2")),
            Map.entry("points", List.of("5", "20")),
            Map.entry("max", List.of("2", "10")),
            Map.entry("steps", List.of("10", "100")),
            Map.entry("every", List.of("1", "10")),
            Map.entry("eta", List.of("0.01", "0.1")),
            Map.entry("tau", List.of("1", "2")),
            Map.entry("kappa", List.of("1", "2")),
            Map.entry("trials", List.of("5", "20")),
            Map.entry("seed", List.of("1", "42")),
            Map.entry("init", List.of("0.1", "0.3")),
            Map.entry("rule", List.of("tied", "untied", "full-attention")),
            Map.entry("solver", List.of("exact", "ode")),
            Map.entry("convention", List.of("half", "appendix-d")),
            Map.entry("setting", List.of("iso", "fs", "rrs")),
            Map.entry("format", List.of("table", "csv", "json", "tex")),
            Map.entry("compare-depths", List.of("1,2", "1,4,8")),
            Map.entry("compute", List.of("1e6", "1e10")),
            Map.entry("compute-range", List.of("1e4:1e8:log:3")),
            Map.entry("compute-formula", List.of("t*N*L*P", "t*N^2*L*P")),
            Map.entry("model", List.of("reduced", "full")),
            Map.entry("query-labels", List.of("clean", "noisy")),
            Map.entry("test-contexts", List.of("10", "100")),
            Map.entry("set", List.of("alpha=1", "L=2", "alpha=1/2")),
            Map.entry("against", List.of("isoDepthOneLoss", "isoOptimalLoss")),
            Map.entry("tolerance", List.of("1e-10", "1e-6")),
            Map.entry("threads", List.of("1", "2")),
            Map.entry("progress", List.of("none", "bar")),
            Map.entry("x", List.of("x", "alpha")),
            Map.entry("y", List.of("y", "loss")),
            Map.entry("log", List.of("none", "x", "xy")),
            Map.entry("legend", List.of("ne", "outside")),
            Map.entry("guide-slope", List.of("-1", "-beta/(2+beta)")),
            Map.entry("var", List.of("beta=0.8")),
            Map.entry("sim-dim", List.of("8")),
            Map.entry("sim-runs", List.of("1")),
            Map.entry("fields", List.of("loss", "gamma,loss")));

    /** Options never given a valid value here: a valid port would start a server that waits for requests. */
    private static final List<String> ONLY_HOSTILE = List.of("port");

    private final Random random;
    private final Path dir;
    private final Map<String, List<OptionSpec>> options = new LinkedHashMap<>();
    private final Map<String, List<List<String>>> bases = new LinkedHashMap<>();
    private final List<String> pathValues = new ArrayList<>();
    private final List<String> outValues = new ArrayList<>();
    private final String csv;

    FuzzCases(long seed, Path dir) {
        this.random = new Random(seed);
        this.dir = dir;
        CommandLine cl = Main.commandLine();
        cl.getSubcommands().forEach((verb, sub) -> {
            if (!verb.equals("help")) {
                options.put(verb, sub.getCommandSpec().options().stream()
                        .filter(o -> !o.longestName().equals("--help") && !o.longestName().equals("--version")).toList());
            }
        });
        csv = write("table.csv", "x,y,alpha,loss\n1,2,0.5,0.3\n2,3,1,0.2\n4,5,2,0.1\n");
        pathValues.add(csv);
        pathValues.add(write("spectrum.csv", "lambda,omega\n1,1\n0.5,0.5\n0.25,0.25\n"));
        pathValues.add(write("negative.csv", "lambda,omega\n1,1\n-0.5,0.5\n"));
        pathValues.add(write("nan.csv", "lambda,omega\nNaN,1\n"));
        pathValues.add(write("huge.csv", "lambda,omega\n1e300,1\n1e-300,1\n"));
        pathValues.add(write("header.csv", "lambda,omega\n"));
        pathValues.add(write("ragged.csv", "lambda,omega\n1\n2,3,4\n"));
        pathValues.add(write("text.csv", "hello world\n\u0000\u0001\n"));
        pathValues.add(write("long-cell.csv", "lambda,omega\n1," + "9".repeat(100_000) + "\n"));
        pathValues.add(write("empty.csv", ""));
        pathValues.add(dir.toString());
        pathValues.add("/nonexistent/spectrum.csv");
        pathValues.add("/dev/zero");
        pathValues.add("/dev/null");
        pathValues.add("/proc/self/environ");
        pathValues.add("");
        outValues.add(dir.resolve("out").toString());
        outValues.add(dir.resolve("o.svg").toString());
        outValues.add(dir.resolve("o.png").toString());
        outValues.add("/nonexistent/dir/out");
        outValues.add("/dev/full");
        outValues.add("/dev/null");
        outValues.add("/proc/out");
        outValues.add(dir.toString());
        outValues.add(dir.resolve("sub") + "/.");
        outValues.add(csv); // an existing regular file as an output directory
        String[] iso = {"--alpha", "1"};
        String[] rrs = {"--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "16"};
        String[] fs = {"--setting", "fs", "--nu", "1.5", "--beta", "0.8", "--dim", "16"};
        base("risk", "risk", "--alpha", "1", "--gamma", "1");
        base("risk", "risk", "--alpha", "2", "--depth", "4", "--gamma", "opt");
        base("risk", concat(new String[] {"risk"}, rrs, new String[] {"--gamma", "1", "--width", "8"}));
        base("risk", concat(new String[] {"risk"}, fs, new String[] {"--time", "10"}));
        base("optimum", "optimum", "--alpha", "2", "--depth", "4");
        base("optimum", concat(new String[] {"optimum"}, rrs, new String[] {"--depth", "2"}));
        base("optimum", concat(new String[] {"optimum"}, fs, new String[] {"--sigma", "0.1"}));
        base("landscape", "landscape", "--alpha", "1", "--depth", "2", "--points", "10");
        base("landscape", concat(new String[] {"landscape"}, rrs, new String[] {"--points", "8"}));
        base("dynamics", "dynamics", "--alpha", "1", "--times", "1,10");
        base("dynamics", concat(new String[] {"dynamics"}, rrs, new String[] {"--depth", "2", "--times", "1,10",
            "--rule", "untied"}));
        base("dynamics", concat(new String[] {"dynamics"}, fs, new String[] {"--times", "1,10", "--modes", "1,2"}));
        base("sgd", "sgd", "--alpha", "1", "--eta", "0.1", "--steps", "20");
        base("simulate", concat(new String[] {"simulate"}, iso, new String[] {"--dim", "8", "--gamma", "1", "--trials",
            "5"}));
        base("simulate", concat(new String[] {"simulate"}, rrs, new String[] {"--alpha", "1", "--gamma", "1",
            "--trials", "3"}));
        base("train", "train", "--alpha", "1", "--dim", "8", "--eta", "0.05", "--steps", "10", "--every", "5");
        base("train", "train", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--alpha", "1", "--dim", "8",
                "--depth", "2", "--eta", "0.05", "--steps", "10", "--every", "5");
        base("tour", "tour", "--out", dir.resolve("tour").toString());
        base("ood", concat(new String[] {"ood"}, fs, new String[] {"--thetas", "0,0.5", "--depth", "2"}));
        base("exponents", "exponents", "--nu", "1.5", "--beta", "0.8", "--numeric-only");
        base("exponents", "exponents", "--nu", "1.5", "--beta", "0.8");
        base("shape", "shape", "--nu", "1.5", "--beta", "0.8", "--compute", "1e8");
        base("derive", "derive", "isoDepthOneLoss");
        base("derive", "derive", "isoDepthOneLoss", "--set", "alpha=2");
        base("check", "check", "(1+alpha)/alpha", "--against", "isoDepthOneLoss");
        base("sweep", "sweep", "risk", "--alpha", "1,2", "--gamma", "1");
        base("sweep", "sweep", "--format", "json", "optimum", "--alpha", "0.5:2:log:3", "--depth", "1,2");
        base("plot", "plot", "--in", csv, "--x", "x", "--y", "y", "--out", dir.resolve("plot.svg").toString());
        base("plot", "plot", "--in", csv, "--x", "alpha", "--y", "loss", "--log", "xy", "--out",
                dir.resolve("plot").toString());
        base("figure", "figure", "1c", "--out", dir.resolve("fig").toString());
        base("serve", "serve", "--threads", "1");
        String shard = write("shard.csv", "index,alpha,loss\n0,1,0.5\n1,2,0.25\n");
        base("merge", "merge", "--points", "2", shard);
        base("merge", "merge", "--check", "--points", "2", shard, csv);
    }

    private void base(String verb, String... args) {
        bases.computeIfAbsent(verb, v -> new ArrayList<>()).add(List.of(args));
    }

    private static String[] concat(String[]... parts) {
        List<String> all = new ArrayList<>();
        for (String[] p : parts) {
            all.addAll(List.of(p));
        }
        return all.toArray(String[]::new);
    }

    private String write(String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.writeString(p, text);
            return p.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The verbs fuzzed (every verb of the command line but help). */
    List<String> verbs() {
        return List.copyOf(options.keySet());
    }

    /** The i-th case: verbs in turn (every verb equally often), the mutations drawn from the seed. */
    Case next(int index) {
        List<String> verbs = verbs();
        String verb = verbs.get(index % verbs.size());
        List<List<String>> b = bases.get(verb);
        if (b == null) {
            throw new IllegalStateException("no base command for verb " + verb + ": add one to FuzzCases");
        }
        List<String> args = new ArrayList<>(b.get(random.nextInt(b.size())));
        int mutations = 1 + random.nextInt(2);
        for (int m = 0; m < mutations; m++) {
            mutate(verb, args);
        }
        if (random.nextInt(3) == 0 && !verb.equals("serve")) {
            set(args, "--format", pick(TYPICAL.get("format")));
        }
        String stdin = verb.equals("serve") ? serveRequests() : "";
        return new Case(index, verb, args, stdin);
    }

    private void mutate(String verb, List<String> args) {
        List<OptionSpec> opts = options.get(verb);
        int kind = random.nextInt(100);
        if (kind < 55 && !opts.isEmpty()) {
            OptionSpec o = opts.get(random.nextInt(opts.size()));
            if (o.arity().max() == 0) {
                args.add(o.longestName());
            } else {
                set(args, o.longestName(), value(o.longestName().substring(2)));
            }
        } else if (kind < 65) {
            removeOption(args);
        } else if (kind < 72) {
            repeatOption(args);
        } else if (kind < 82) {
            // an option of another verb (wrong-setting or wrong-verb options)
            List<String> others = verbs();
            List<OptionSpec> foreign = options.get(others.get(random.nextInt(others.size())));
            if (!foreign.isEmpty()) {
                OptionSpec o = foreign.get(random.nextInt(foreign.size()));
                String name = o.longestName().substring(2);
                if (o.arity().max() == 0) {
                    args.add(o.longestName());
                } else {
                    set(args, o.longestName(), typicalOrHostile(name));
                }
            }
        } else if (kind < 88) {
            set(args, "--setting", pick(TYPICAL.get("setting")));
        } else if (kind < 92) {
            args.add("--help");
        } else if (kind < 96) {
            args.add("--" + pick(List.of("no-such-option", "alpha=", "Alpha", "")));
        } else {
            // a positional where none is expected, or a bad one where one is
            args.add(pick(HOSTILE));
        }
    }

    private String value(String name) {
        int r = random.nextInt(100);
        if (name.equals("spectrum") || name.equals("in")) {
            return r < 85 ? pick(pathValues) : pick(HOSTILE);
        }
        if (name.equals("out")) {
            // relative hostile names ("-1", "1,") are valid directories of tour and figure: made inside the temp dir
            return r < 85 ? pick(outValues) : dir.resolve(pick(HOSTILE).replace("/", "_")).toString();
        }
        if (ONLY_HOSTILE.contains(name)) {
            return pick(List.of("-1", "70000", "abc", "", "NaN", "1e308")); // 0 is valid: an ephemeral port
        }
        if (r < 35) {
            return pick(HOSTILE);
        }
        if (r < 55) {
            String e = pick(EXTREME);
            // one evaluation at D = 1e8 is bounded but takes ~150 s and 5.3 GB (refused when the heap is smaller):
            // measured apart (README), not in a sample of minutes
            return name.equals("dim") && e.equals("1e8") ? "1e7" : e;
        }
        return typicalOrHostile(name);
    }

    private String typicalOrHostile(String name) {
        if (ONLY_HOSTILE.contains(name)) {
            return "-1";
        }
        if (name.equals("spectrum") || name.equals("in")) {
            return pick(pathValues);
        }
        if (name.equals("out")) {
            return pick(outValues);
        }
        List<String> t = TYPICAL.get(name);
        return t == null ? pick(HOSTILE) : pick(t);
    }

    /** Sets {@code --name value} (replacing the option where it is, so options before a sweep's VERB stay there). */
    private static void set(List<String> args, String name, String value) {
        for (int i = 1; i < args.size() - 1; i++) {
            if (args.get(i).equals(name)) {
                args.set(i + 1, value);
                return;
            }
        }
        args.add(name);
        args.add(value);
    }

    private void removeOption(List<String> args) {
        List<Integer> at = new ArrayList<>();
        for (int i = 1; i < args.size() - 1; i++) {
            // --out stays: without it tour and figure write into the working directory, as documented
            if (args.get(i).startsWith("--") && !args.get(i + 1).startsWith("--") && !args.get(i).equals("--out")) {
                at.add(i);
            }
        }
        if (!at.isEmpty()) {
            int i = at.get(random.nextInt(at.size()));
            args.remove(i + 1);
            args.remove(i);
        }
    }

    private void repeatOption(List<String> args) {
        for (int i = 1; i < args.size() - 1; i++) {
            if (args.get(i).startsWith("--") && !args.get(i + 1).startsWith("--")) {
                args.add(args.get(i));
                args.add(random.nextBoolean() ? args.get(i + 1) : pick(HOSTILE));
                return;
            }
        }
    }

    /** Request lines for serve: valid and hostile requests, a line that is not JSON, hostile option values. */
    private String serveRequests() {
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            int r = random.nextInt(6);
            String value = pick(HOSTILE).replace("\\", "\\\\").replace("\"", "\\\"");
            String line = switch (r) {
                case 0 -> "{\"id\": " + i + ", \"verb\": \"risk\", \"options\": {\"alpha\": 1, \"gamma\": \"opt\"}}";
                case 1 -> "{\"id\": " + i + ", \"verb\": \"risk\", \"options\": {\"alpha\": \"" + value + "\", \"gamma\": 1}}";
                case 2 -> "{\"id\": " + i + ", \"verb\": \"" + pick(verbs()) + "\", \"options\": {\"depth\": \"" + value
                        + "\"}}";
                case 3 -> "not json " + value;
                case 4 -> "{\"id\": " + i + ", \"verb\": \"optimum\", \"options\": {\"alpha\": 2, \"depth\": 4}}";
                default -> "{\"id\": " + i + ", \"verb\": \"serve\"}";
            };
            b.append(line).append('\n');
        }
        return b.toString();
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
