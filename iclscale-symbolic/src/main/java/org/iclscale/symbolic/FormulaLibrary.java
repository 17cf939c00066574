package org.iclscale.symbolic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iclscale.check.Interval;
import org.iclscale.core.NearestName;
import org.iclscale.io.FormulaFiles;

/**
 * The theory as data: the Symja (Mathematica-syntax) files under {@code formulas/} on the class path, one file
 * per result. Each file opens with a header comment of {@code key: value} lines ({@code name}, {@code title},
 * {@code source}, {@code assumptions}, {@code domain}, {@code variables}, optionally {@code main} and
 * {@code note}) followed by delayed definitions {@code symbol := expression;} (functions {@code f[x_] := ...}
 * allowed). Reading and parsing the text is {@link FormulaFiles} (plain Java, shared with the numeric side:
 * reading the library never starts Symja); this class adds the required header fields, the validity domains
 * and the one-file-per-symbol check. {@link #define(SymbolicEngine)} loads every definition into an engine once.
 */
public final class FormulaLibrary {

    /** Class-path folder of the formula files (pom.xml copies the top-level {@code formulas/} there). */
    public static final String FOLDER = FormulaFiles.FOLDER;

    /**
     * A sampling interval of one variable of a file's validity domain (the numeric side's
     * {@link Interval}, which {@code check} samples).
     */
    public record Range(String variable, double lower, boolean lowerOpen, double upper, boolean upperOpen,
            boolean integer) {

        /** The same interval as the comparison engine's type. */
        public Interval interval() {
            return new Interval(variable, lower, lowerOpen, upper, upperOpen, integer);
        }

        /** A point of the interval for u ∈ [0, 1) (open ends are avoided; integers rounded inside). */
        public double at(double u) {
            return interval().at(u);
        }

        /** Whether x lies in the interval (an integer for an integer variable). */
        public boolean contains(double x) {
            return interval().contains(x);
        }

        @Override
        public String toString() {
            return interval().toString();
        }
    }

    /** One definition {@code lhs := rhs} of a file; {@code symbol} is the head of lhs. */
    public record Formula(String symbol, String lhs, String rhs, FormulaFile file) {

        /** True for a function definition ({@code f[x_] := ...}); plain symbols are the derivable formulas. */
        public boolean isFunction() {
            return !lhs.equals(symbol);
        }
    }

    /** A parsed formula file: its header fields, domain and definitions in file order. */
    public record FormulaFile(String name, Map<String, String> header, List<Range> domain, List<Formula> formulas,
            String code) {

        public String header(String key) {
            return header.getOrDefault(key, "");
        }

        /** The domain's variables, in header order. */
        public List<String> domainVariables() {
            return domain.stream().map(Range::variable).toList();
        }

        /** The domain as the comparison engine's intervals. */
        public List<Interval> intervals() {
            return domain.stream().map(Range::interval).toList();
        }

        /**
         * The closed form that {@code derive SYMBOL --series VAR} expands in place of {@code symbol} (header
         * {@code series: a -> aClosed; b -> bClosed}: an exact identity whose right side has no Sum over the
         * variable), or null when the file names none.
         */
        public String seriesForm(String symbol) {
            return seriesForms(header("series")).get(symbol);
        }

        /** The interval of a domain variable, or null. */
        public Range range(String variable) {
            return domain.stream().filter(r -> r.variable().equals(variable)).findFirst().orElse(null);
        }
    }

    private static final Pattern RANGE = Pattern.compile(
            "^\\s*([A-Za-z][A-Za-z0-9]*)\\s+(integer\\s+)?([\\[(])\\s*([^,]+?)\\s*,\\s*([^\\])]+?)\\s*([\\])])\\s*$");

    private static volatile FormulaLibrary standard;

    private final Map<String, FormulaFile> files;
    private final Map<String, Formula> formulas;

    private FormulaLibrary(List<FormulaFile> parsed) {
        Map<String, FormulaFile> byName = new LinkedHashMap<>();
        Map<String, Formula> bySymbol = new LinkedHashMap<>();
        for (FormulaFile f : parsed) {
            if (byName.put(f.name(), f) != null) {
                throw new IllegalStateException("two formula files named " + f.name());
            }
            for (Formula formula : f.formulas()) {
                Formula previous = bySymbol.put(formula.symbol(), formula);
                if (previous != null && previous.file() != f) {
                    throw new IllegalStateException("symbol " + formula.symbol() + " defined in both "
                            + previous.file().name() + " and " + f.name());
                }
            }
        }
        this.files = Collections.unmodifiableMap(byName);
        this.formulas = Collections.unmodifiableMap(bySymbol);
    }

    /** The library packaged with the tool (read once from the class path). */
    public static FormulaLibrary standard() {
        FormulaLibrary lib = standard;
        if (lib == null) {
            synchronized (FormulaLibrary.class) {
                lib = standard;
                if (lib == null) {
                    lib = new FormulaLibrary(readClasspath());
                    standard = lib;
                }
            }
        }
        return lib;
    }

    /** A library from explicit (file name, text) pairs (tests). */
    public static FormulaLibrary of(Map<String, String> texts) {
        List<FormulaFile> parsed = new ArrayList<>();
        texts.forEach((name, text) -> parsed.add(parse(name, text)));
        return new FormulaLibrary(parsed);
    }

    public Map<String, FormulaFile> files() {
        return files;
    }

    /** Every defined symbol, in file order. */
    public Set<String> symbols() {
        return formulas.keySet();
    }

    /** Plain-symbol formulas (what {@code derive} and {@code check --against} accept), sorted. */
    public List<String> names() {
        return formulas.values().stream().filter(f -> !f.isFunction()).map(Formula::symbol).sorted().toList();
    }

    public Formula formula(String symbol) {
        return formulas.get(symbol);
    }

    /**
     * What a user's expression may refer to besides the built-ins (issue 18): the given variables, every plain
     * symbol of the library as a value and every function symbol as a head (read-only).
     */
    public ExpressionPolicy.Vocabulary vocabulary(Collection<String> variables, String context) {
        Set<String> values = new LinkedHashSet<>();
        Set<String> functions = new LinkedHashSet<>();
        for (Formula f : formulas.values()) {
            (f.isFunction() ? functions : values).add(f.symbol());
        }
        return new ExpressionPolicy.Vocabulary(new LinkedHashSet<>(variables), values, functions, context);
    }

    /** The plain formula nearest to a misspelt name (for "did you mean"), or null. */
    public String nearestName(String typed) {
        Set<String> candidates = new LinkedHashSet<>(names());
        candidates.addAll(files.keySet());
        return NearestName.nearest(typed, candidates);
    }

    public FormulaFile file(String name) {
        return files.get(name);
    }

    /** Loads every definition into the engine (idempotent per engine: delayed definitions are re-set). */
    public synchronized void define(SymbolicEngine engine) {
        for (Formula f : formulas.values()) {
            engine.execute(f.lhs() + " := " + f.rhs());
        }
    }

    // ------------------------------------------------------------------ parsing

    static FormulaFile parse(String fileName, String text) {
        FormulaFiles.Text t = FormulaFiles.parse(fileName, text);
        String name = t.name();
        Map<String, String> header = t.header();
        for (String required : List.of("name", "title", "source", "assumptions", "domain", "variables")) {
            if (!header.containsKey(required) || header.get(required).isBlank()) {
                throw new IllegalStateException(fileName + ": header field '" + required + "' missing");
            }
        }
        if (!header.get("name").equals(name)) {
            throw new IllegalStateException(fileName + ": header name '" + header.get("name") + "' differs from the file name");
        }
        if (t.definitions().isEmpty()) {
            throw new IllegalStateException(fileName + ": no definitions");
        }
        List<Formula> formulas = new ArrayList<>();
        FormulaFile file = new FormulaFile(name, header, parseDomain(fileName, header.get("domain")), formulas, t.code());
        for (FormulaFiles.Definition d : t.definitions()) {
            formulas.add(new Formula(d.symbol(), d.lhs(), d.rhs(), file));
        }
        Set<String> plain = new LinkedHashSet<>();
        formulas.stream().filter(f -> !f.isFunction()).forEach(f -> plain.add(f.symbol()));
        seriesForms(header.getOrDefault("series", "")).forEach((from, to) -> {
            if (!plain.contains(from) || !plain.contains(to)) {
                throw new IllegalStateException(fileName + ": series header names " + from + " -> " + to
                        + " but the file's plain formulas are " + plain);
            }
        });
        return new FormulaFile(name, header, file.domain(), List.copyOf(formulas), t.code());
    }

    /** "a -> b; c -> d" as a map a -> b (file order). */
    static Map<String, String> seriesForms(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : header.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] sides = entry.split("->");
            if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank()) {
                throw new IllegalStateException("series header entry '" + entry.trim() + "' is not 'symbol -> closedForm'");
            }
            out.put(sides[0].trim(), sides[1].trim());
        }
        return out;
    }

    static List<Range> parseDomain(String fileName, String domain) {
        List<Range> ranges = new ArrayList<>();
        for (String part : domain.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = RANGE.matcher(part);
            if (!m.matches()) {
                throw new IllegalStateException(fileName + ": domain entry '" + part.trim()
                        + "' is not 'name [integer] (lo, hi]'");
            }
            ranges.add(new Range(m.group(1), Double.parseDouble(m.group(4)), m.group(3).equals("("),
                    Double.parseDouble(m.group(5)), m.group(6).equals(")"), m.group(2) != null));
        }
        return List.copyOf(ranges);
    }

    // ------------------------------------------------------------------ class-path reading

    private static List<FormulaFile> readClasspath() {
        List<FormulaFile> parsed = new ArrayList<>();
        for (String n : FormulaFiles.names()) {
            parsed.add(parse(n, FormulaFiles.read(n)));
        }
        return parsed;
    }
}
