package org.iclscale.symbolic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The theory as data: the Symja (Mathematica-syntax) files under {@code formulas/} on the class path, one file
 * per result. Each file opens with a header comment of {@code key: value} lines ({@code name}, {@code title},
 * {@code source}, {@code assumptions}, {@code domain}, {@code variables}, optionally {@code main} and
 * {@code note}) followed by delayed definitions {@code symbol := expression;} (functions {@code f[x_] := ...}
 * allowed). Parsing is plain Java: reading the library never starts Symja. {@link #define(SymbolicEngine)}
 * loads every definition into an engine once.
 */
public final class FormulaLibrary {

    /** Class-path folder of the formula files (pom.xml copies the top-level {@code formulas/} there). */
    public static final String FOLDER = "formulas";

    /** A sampling interval of one variable of a file's validity domain. */
    public record Range(String variable, double lower, boolean lowerOpen, double upper, boolean upperOpen,
            boolean integer) {

        /** A point of the interval for u ∈ [0, 1) (open ends are avoided; integers rounded inside). */
        public double at(double u) {
            if (integer) {
                long lo = (long) Math.ceil(lowerOpen ? Math.nextUp(lower) : lower);
                long hi = (long) Math.floor(upperOpen ? Math.nextDown(upper) : upper);
                return lo + Math.min(hi - lo, (long) Math.floor(u * (hi - lo + 1)));
            }
            double x = lower + u * (upper - lower);
            if (lowerOpen && x <= lower) {
                x = lower + 1e-3 * (upper - lower);
            }
            if (upperOpen && x >= upper) {
                x = upper - 1e-3 * (upper - lower);
            }
            return x;
        }

        @Override
        public String toString() {
            return variable + (integer ? " integer " : " ") + (lowerOpen ? "(" : "[") + fmt(lower) + ", " + fmt(upper)
                    + (upperOpen ? ")" : "]");
        }

        private static String fmt(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
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
    }

    private static final Pattern HEADER_LINE = Pattern.compile("^\\s*([a-zA-Z]+)\\s*:\\s*(.*)$");
    private static final Pattern DEFINITION = Pattern.compile("(?s)^\\s*([a-z][A-Za-z0-9]*)(\\[.*?\\])?\\s*:=(.*)$");
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
        String name = fileName.replaceFirst("\\.m$", "");
        int open = text.indexOf("(*");
        int close = text.indexOf("*)");
        if (open < 0 || close < open || !text.substring(0, open).isBlank()) {
            throw new IllegalStateException(fileName + ": a formula file must start with a header comment (* ... *)");
        }
        Map<String, String> header = new LinkedHashMap<>();
        String key = null;
        for (String line : text.substring(open + 2, close).split("\\R")) {
            Matcher m = HEADER_LINE.matcher(line);
            if (m.matches() && !line.startsWith(" ")) {
                key = m.group(1).toLowerCase();
                header.put(key, m.group(2).trim());
            } else if (key != null && !line.isBlank()) {
                header.put(key, (header.get(key) + " " + line.trim()).trim());
            }
        }
        for (String required : List.of("name", "title", "source", "assumptions", "domain", "variables")) {
            if (!header.containsKey(required) || header.get(required).isBlank()) {
                throw new IllegalStateException(fileName + ": header field '" + required + "' missing");
            }
        }
        if (!header.get("name").equals(name)) {
            throw new IllegalStateException(fileName + ": header name '" + header.get("name") + "' differs from the file name");
        }
        String code = stripComments(text.substring(close + 2));
        FormulaFile file = new FormulaFile(name, Collections.unmodifiableMap(header), parseDomain(fileName, header.get("domain")),
                new ArrayList<>(), code);
        for (String statement : splitStatements(code)) {
            Matcher m = DEFINITION.matcher(statement);
            if (!m.matches()) {
                throw new IllegalStateException(fileName + ": expected 'symbol := expression;' but found: "
                        + statement.strip().replaceAll("\\s+", " "));
            }
            String lhs = m.group(1) + (m.group(2) == null ? "" : m.group(2));
            file.formulas().add(new Formula(m.group(1), lhs, m.group(3).strip().replaceAll("\\s*\\R\\s*", " "), file));
        }
        if (file.formulas().isEmpty()) {
            throw new IllegalStateException(fileName + ": no definitions");
        }
        return new FormulaFile(name, file.header(), file.domain(), List.copyOf(file.formulas()), code);
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

    /** Removes (* ... *) comments (nesting allowed). */
    static String stripComments(String code) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < code.length(); i++) {
            if (code.startsWith("(*", i)) {
                depth++;
                i++;
            } else if (depth > 0 && code.startsWith("*)", i)) {
                depth--;
                i++;
            } else if (depth == 0) {
                out.append(code.charAt(i));
            }
        }
        return out.toString();
    }

    /** Splits on ';' outside brackets. */
    static List<String> splitStatements(String code) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : code.toCharArray()) {
            if (c == '[' || c == '(' || c == '{') {
                depth++;
            } else if (c == ']' || c == ')' || c == '}') {
                depth--;
            }
            if (c == ';' && depth == 0) {
                if (!cur.toString().isBlank()) {
                    out.add(cur.toString());
                }
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString());
        }
        return out;
    }

    // ------------------------------------------------------------------ class-path reading

    private static List<FormulaFile> readClasspath() {
        ClassLoader loader = FormulaLibrary.class.getClassLoader();
        Set<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(FOLDER);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if (url.getProtocol().equals("file")) {
                    try (Stream<Path> s = Files.list(Path.of(url.toURI()))) {
                        s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".m")).forEach(names::add);
                    }
                } else if (url.getProtocol().equals("jar")) {
                    JarURLConnection c = (JarURLConnection) url.openConnection();
                    c.setUseCaches(false);
                    try (JarFile jar = c.getJarFile()) {
                        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                            String n = e.nextElement().getName();
                            if (n.startsWith(FOLDER + "/") && n.endsWith(".m") && n.indexOf('/', FOLDER.length() + 1) < 0) {
                                names.add(n.substring(FOLDER.length() + 1));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<FormulaFile> parsed = new ArrayList<>();
        for (String n : names) {
            try (InputStream in = loader.getResourceAsStream(FOLDER + "/" + n)) {
                if (in == null) {
                    throw new IllegalStateException("formula file " + n + " disappeared from the class path");
                }
                parsed.add(parse(n, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return parsed;
    }
}
