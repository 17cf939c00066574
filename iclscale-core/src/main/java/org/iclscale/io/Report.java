package org.iclscale.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result record every command produces and every writer consumes: ordered scalar fields (parameters
 * echoed back, results, method, diagnostics), optional equal-length columns (curves, tables), optional TeX
 * and free-text notes. Values are {@link Number}, {@link String}, {@link Boolean}, {@code double[]},
 * {@code int[]}, {@link List} or nested {@code Map<String, ?>} (rendered as a JSON object, flattened with
 * dotted keys in CSV and table form).
 *
 * <p>Keys are camelCase and follow design.md: {@code loss} (total test loss, σ² included),
 * {@code excessLoss} (loss − σ²), {@code gamma}, {@code method}.
 */
public final class Report {

    private final String title;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, double[]> columns = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private String tex;

    public Report(String title) {
        this.title = Objects.requireNonNull(title);
    }

    /** Adds (or replaces) a scalar or nested field. */
    public Report put(String key, Object value) {
        fields.put(key, Objects.requireNonNull(value, key));
        return this;
    }

    /** Adds every entry of {@code values}, in order. */
    public Report putAll(Map<String, ?> values) {
        values.forEach(this::put);
        return this;
    }

    /** Adds a column; every column of a report must have the same length. */
    public Report column(String key, double[] values) {
        if (!columns.isEmpty()) {
            int n = columns.values().iterator().next().length;
            if (values.length != n) {
                throw new IllegalArgumentException("column " + key + " has length " + values.length + ", expected " + n);
            }
        }
        columns.put(key, values.clone());
        return this;
    }

    public Report note(String note) {
        notes.add(note);
        return this;
    }

    public Report tex(String texSource) {
        this.tex = texSource;
        return this;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    public Map<String, double[]> columns() {
        return Collections.unmodifiableMap(columns);
    }

    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    public String texOrNull() {
        return tex;
    }

    public Object get(String key) {
        Object v = fields.get(key);
        if (v == null && columns.containsKey(key)) {
            return columns.get(key);
        }
        return v;
    }

    public double number(String key) {
        return ((Number) fields.get(key)).doubleValue();
    }

    public int rows() {
        return columns.isEmpty() ? 0 : columns.values().iterator().next().length;
    }
}
