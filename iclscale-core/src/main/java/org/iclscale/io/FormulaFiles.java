package org.iclscale.io;

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
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one reader of the theory's formula files ({@code formulas/*.m}, Mathematica syntax, packaged on the class
 * path), in plain Java: reading them never starts Symja, so numeric code ({@code scaling}) and the symbolic
 * library ({@code symbolic.FormulaLibrary}, which adds domains, validation and loading into the engine) share it.
 *
 * <p>A file opens with a header comment of {@code key: value} lines (a line starting with a space continues the
 * previous value) followed by delayed definitions {@code symbol := expression;} (functions {@code f[x_] := ...}
 * allowed; {@code (* comments *)} nest).
 */
public final class FormulaFiles {

    /** Class-path folder of the formula files (pom.xml copies the top-level {@code formulas/} there). */
    public static final String FOLDER = "formulas";

    private static final Pattern HEADER_LINE = Pattern.compile("^\\s*([a-zA-Z]+)\\s*:\\s*(.*)$");
    private static final Pattern DEFINITION = Pattern.compile("(?s)^\\s*([a-z][A-Za-z0-9]*)(\\[.*?\\])?\\s*:=(.*)$");

    private FormulaFiles() {
    }

    /** One definition {@code lhs := rhs}; {@code symbol} is the head of lhs. */
    public record Definition(String symbol, String lhs, String rhs) {

        /** True for a function definition ({@code f[x_] := ...}). */
        public boolean isFunction() {
            return !lhs.equals(symbol);
        }

        /** Mathematica text {@code lhs := rhs} (to load into a symbolic engine). */
        public String text() {
            return lhs + " := " + rhs;
        }
    }

    /**
     * A parsed file: its name (without {@code .m}), header fields (lower-case keys, file order), its code with the
     * comments removed and its definitions in file order.
     */
    public record Text(String name, Map<String, String> header, String code, List<Definition> definitions) {

        /** The right-hand side of the definition of {@code symbol} (the last one; IllegalStateException if absent). */
        public String rhs(String symbol) {
            String rhs = null;
            for (Definition d : definitions) {
                if (d.symbol().equals(symbol)) {
                    rhs = d.rhs(); // the last definition wins, as in Mathematica
                }
            }
            if (rhs == null) {
                throw new IllegalStateException(FOLDER + "/" + name + ".m defines no " + symbol);
            }
            return rhs;
        }

        /** Every definition as Mathematica text {@code lhs := rhs}. */
        public List<String> definitionTexts() {
            return definitions.stream().map(Definition::text).toList();
        }
    }

    /** Reads and parses {@code formulas/<name>.m} from the class path. */
    public static Text load(String name) {
        String fileName = name + ".m";
        return parse(fileName, read(fileName));
    }

    /** The raw text of {@code formulas/<fileName>} from the class path. */
    public static String read(String fileName) {
        String resource = FOLDER + "/" + fileName;
        try (InputStream in = FormulaFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("formula file " + resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file names ({@code x.m}) directly under {@code formulas/} on the class path (folder or jar), sorted. */
    public static List<String> names() {
        ClassLoader loader = FormulaFiles.class.getClassLoader();
        TreeSet<String> names = new TreeSet<>();
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
        return List.copyOf(names);
    }

    /**
     * Parses a file's text: the header comment and the definitions. A file without a leading header comment or
     * with a statement that is not {@code symbol := expression} is an IllegalStateException naming the file.
     */
    public static Text parse(String fileName, String text) {
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
                key = m.group(1).toLowerCase(java.util.Locale.ROOT);
                header.put(key, m.group(2).trim());
            } else if (key != null && !line.isBlank()) {
                header.put(key, (header.get(key) + " " + line.trim()).trim());
            }
        }
        String code = stripComments(text.substring(close + 2));
        List<Definition> definitions = new ArrayList<>();
        for (String statement : splitStatements(code)) {
            Matcher m = DEFINITION.matcher(statement);
            if (!m.matches()) {
                throw new IllegalStateException(fileName + ": expected 'symbol := expression;' but found: "
                        + statement.strip().replaceAll("\\s+", " "));
            }
            String lhs = m.group(1) + (m.group(2) == null ? "" : m.group(2));
            definitions.add(new Definition(m.group(1), lhs, m.group(3).strip().replaceAll("\\s*\\R\\s*", " ")));
        }
        return new Text(name, Collections.unmodifiableMap(header), code, List.copyOf(definitions));
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
}
