package org.iclscale.scaling;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iclscale.core.InvalidInputException;

/**
 * A compute formula C = Π x^{b_x}, a product of powers of the resources t (training time), N (width),
 * L (depth), P (context) with positive exponents, e.g. {@code t*P^2*N^2*L} (Result 8), {@code t*N^2*L}
 * (Fig. 5c), {@code L*t}. Exponents may be decimals or fractions ({@code N^(3/2)}); a resource may appear once.
 */
public final class ComputeFormula {

    /** Result 8's compute C = t P² N² L. */
    public static final String DEFAULT = "t*P^2*N^2*L";

    private static final String RANGE = "a product of powers of t, N, L, P with positive exponents, each at most once, "
            + "e.g. 't*P^2*N^2*L', 't*N^2*L', 'L*t'";
    private static final Pattern FACTOR = Pattern.compile(
            "\\s*([tNLP])\\s*(?:\\^\\s*(?:\\(\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(?:/\\s*([0-9]+(?:\\.[0-9]+)?)\\s*)?\\)|([0-9]+(?:\\.[0-9]+)?)))?\\s*");

    private final String text;
    private final Map<Character, Double> powers;

    private ComputeFormula(String text, Map<Character, Double> powers) {
        this.text = text;
        this.powers = Collections.unmodifiableMap(powers);
    }

    /** Parses the formula; bad input → {@link InvalidInputException} naming {@code option}. */
    public static ComputeFormula parse(String option, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(option, String.valueOf(text), RANGE);
        }
        Map<Character, Double> powers = new LinkedHashMap<>();
        for (String factor : text.split("\\*", -1)) {
            Matcher m = FACTOR.matcher(factor);
            if (!m.matches()) {
                throw new InvalidInputException(option, text, RANGE);
            }
            char x = m.group(1).charAt(0);
            double b;
            if (m.group(2) != null) {
                b = Double.parseDouble(m.group(2)) / (m.group(3) == null ? 1 : Double.parseDouble(m.group(3)));
            } else if (m.group(4) != null) {
                b = Double.parseDouble(m.group(4));
            } else {
                b = 1;
            }
            if (!(b > 0) || !Double.isFinite(b) || powers.containsKey(x)) {
                throw new InvalidInputException(option, text, RANGE);
            }
            powers.put(x, b);
        }
        return new ComputeFormula(text.replaceAll("\\s+", ""), powers);
    }

    /** Power b_x of each resource present, in formula order. */
    public Map<Character, Double> powers() {
        return powers;
    }

    public boolean contains(char resource) {
        return powers.containsKey(resource);
    }

    public double power(char resource) {
        return powers.getOrDefault(resource, 0.0);
    }

    /** C at the given resource values (absent resources ignored). */
    public double compute(Map<Character, Double> values) {
        double c = 1;
        for (Map.Entry<Character, Double> e : powers.entrySet()) {
            c *= Math.pow(values.get(e.getKey()), e.getValue());
        }
        return c;
    }

    public String text() {
        return text;
    }

    /** Mathematica form with the resources renamed to Symja-safe symbols (t, width, depth, context). */
    public String mathematica() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Character, Double> e : powers.entrySet()) {
            if (sb.length() > 0) {
                sb.append('*');
            }
            sb.append(symbol(e.getKey()));
            if (e.getValue() != 1) {
                sb.append("^(").append(Rationals.toMathematica(e.getValue())).append(')');
            }
        }
        return sb.toString();
    }

    static String symbol(char resource) {
        return switch (resource) {
            case 't' -> "t";
            case 'N' -> "width";
            case 'L' -> "depth";
            case 'P' -> "context";
            default -> throw new IllegalArgumentException(String.valueOf(resource));
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
