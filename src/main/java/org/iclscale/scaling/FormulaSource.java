package org.iclscale.scaling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one file of {@code formulas/} from the class path without Symja: the header fields ({@code key: value})
 * and the definitions {@code lhs := rhs;} (comments removed). Only what the scaling package needs; the full
 * library with domains and validation is {@code org.iclscale.symbolic.FormulaLibrary} on branch symbolic.
 */
public record FormulaSource(String name, Map<String, String> header, Map<String, String> definitions,
        Map<String, String> leftSides) {

    private static final Pattern DEFINITION = Pattern.compile("([A-Za-z][A-Za-z0-9]*(?:\\[[^\\]]*\\])?)\\s*:=\\s*([^;]+);");

    /** Loads {@code formulas/<name>.m} from the class path. */
    public static FormulaSource load(String name) {
        String resource = "formulas/" + name + ".m";
        try (InputStream in = FormulaSource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("formula file " + resource + " is not on the class path");
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FormulaSource parse(String name, String text) {
        Map<String, String> header = new LinkedHashMap<>();
        int open = text.indexOf("(*");
        int close = text.indexOf("*)");
        String last = null;
        for (String line : text.substring(open + 2, close).split("\\R")) {
            Matcher m = Pattern.compile("^([a-z]+):\\s*(.*)$").matcher(line);
            if (m.matches()) {
                last = m.group(1);
                header.put(last, m.group(2).trim());
            } else if (last != null && !line.isBlank()) {
                header.put(last, header.get(last) + " " + line.trim());
            }
        }
        String body = text.substring(close + 2).replaceAll("(?s)\\(\\*.*?\\*\\)", " ");
        Map<String, String> defs = new LinkedHashMap<>();
        Map<String, String> lhss = new LinkedHashMap<>();
        Matcher m = DEFINITION.matcher(body);
        while (m.find()) {
            String lhs = m.group(1);
            String symbol = lhs.contains("[") ? lhs.substring(0, lhs.indexOf('[')) : lhs;
            defs.put(symbol, m.group(2).trim().replaceAll("\\s+", " "));
            lhss.put(symbol, lhs);
        }
        return new FormulaSource(name, header, defs, lhss);
    }

    /** Every definition as Mathematica text {@code lhs := rhs} (to load into a symbolic engine). */
    public java.util.List<String> definitionTexts() {
        return definitions.keySet().stream().map(k -> leftSides.get(k) + " := " + definitions.get(k)).toList();
    }

    /** The right-hand side of a definition (IllegalStateException if absent). */
    public String rhs(String symbol) {
        String r = definitions.get(symbol);
        if (r == null) {
            throw new IllegalStateException("formulas/" + name + ".m defines no " + symbol);
        }
        return r;
    }
}
