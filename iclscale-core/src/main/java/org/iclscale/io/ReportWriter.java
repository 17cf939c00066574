package org.iclscale.io;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Numbers;

/** Renders a {@link Report}. Refuses to print NaN or ±∞ (a {@link ComputationException} instead). */
public interface ReportWriter {

    void write(Report report, PrintWriter out);

    /** Throws if any number in the report is not finite: no NaN or Infinity ever reaches the user. */
    static void requireFinite(Report report) {
        report.fields().forEach((k, v) -> requireFinite(report, k, v));
        report.columns().forEach((k, v) -> requireFinite(report, k, v));
    }

    private static void requireFinite(Report report, String key, Object value) {
        if (value instanceof Double d && !Double.isFinite(d)) {
            throw notFinite(report, "the value of '" + key + "'", d);
        }
        if (value instanceof Float f && !Float.isFinite(f)) {
            throw notFinite(report, "the value of '" + key + "'", f);
        }
        if (value instanceof double[] a) {
            for (int i = 0; i < a.length; i++) {
                if (!Double.isFinite(a[i])) {
                    throw notFinite(report, "entry " + i + " of '" + key + "'", a[i]);
                }
            }
        }
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> requireFinite(report, key + "." + k, v));
        }
        if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                requireFinite(report, key + "[" + i + "]", l.get(i));
            }
        }
    }

    /**
     * The one-line failure for a non-finite number: names the entry, says whether it overflowed or is undefined,
     * and repeats the report's notes, which carry the cause when one is known (e.g. a step size beyond the
     * stability edge, where the loss grows like |1 − γλ/L|^{2L}).
     */
    private static ComputationException notFinite(Report report, String what, double value) {
        String kind = Double.isNaN(value) ? "is undefined in floating point (0/0 or inf - inf)"
                : "overflows double precision (magnitude above " + Double.MAX_VALUE + ")";
        String cause = report.notes().isEmpty() ? "" : "; " + String.join("; ", report.notes());
        return new ComputationException(report.title(), what + " " + kind + cause);
    }

    /** Flattens nested maps to dotted keys (for CSV and table output). */
    static Map<String, Object> flatten(Map<String, Object> fields) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flattenInto("", fields, flat);
        return flat;
    }

    @SuppressWarnings("unchecked")
    private static void flattenInto(String prefix, Map<String, ?> in, Map<String, Object> out) {
        in.forEach((k, v) -> {
            String key = prefix.isEmpty() ? k : prefix + "." + k;
            if (v instanceof Map<?, ?> m) {
                flattenInto(key, (Map<String, ?>) m, out);
            } else {
                out.put(key, v);
            }
        });
    }

    /** Human-readable number: 10 significant digits, no trailing noise. */
    static String human(Object v) {
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d == 0) {
                return "0";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e12) {
                return Long.toString((long) d);
            }
            return HumanNumber.format(d); // = %.10g with trailing zeros stripped, without Formatter and regex
        }
        if (v instanceof double[] a) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < a.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(human(a[i]));
            }
            return sb.append(']').toString();
        }
        if (v instanceof int[] a) {
            return java.util.Arrays.toString(a);
        }
        return String.valueOf(v);
    }

    /** Full-precision number for machine-readable output (shortest string that round-trips). */
    static String exact(Object v) {
        if (v instanceof Double d) {
            return Numbers.compact(d);
        }
        return String.valueOf(v);
    }

}
