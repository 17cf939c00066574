package org.iclscale.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one computation went, returned with its result (never kept in the object that computed it, so that
 * models stay stateless): named numbers such as Newton iterations, residuals, quadrature nodes, evaluations or a
 * Monte Carlo standard error, in the order they were recorded. Immutable.
 */
public final class Diagnostics {

    private static final Diagnostics NONE = new Diagnostics(Map.of());

    private final Map<String, Number> values;

    private Diagnostics(Map<String, Number> values) {
        this.values = values;
    }

    /** No diagnostics. */
    public static Diagnostics none() {
        return NONE;
    }

    /** A builder of diagnostics in recording order. */
    public static Builder builder() {
        return new Builder();
    }

    /** The named values, in recording order (unmodifiable). */
    public Map<String, Number> values() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** A value by name, or null. */
    public Number get(String name) {
        return values.get(name);
    }

    /** These diagnostics followed by {@code more} (later names replace earlier ones). */
    public Diagnostics and(Diagnostics more) {
        if (more.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return more;
        }
        Map<String, Number> m = new LinkedHashMap<>(values);
        m.putAll(more.values);
        return new Diagnostics(Collections.unmodifiableMap(m));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Diagnostics d && d.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Builds {@link Diagnostics}. */
    public static final class Builder {
        private final Map<String, Number> values = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(String name, Number value) {
            values.put(name, value);
            return this;
        }

        public Diagnostics build() {
            return values.isEmpty() ? NONE : new Diagnostics(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
        }
    }
}
