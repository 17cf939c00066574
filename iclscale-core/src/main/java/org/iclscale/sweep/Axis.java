package org.iclscale.sweep;

import java.util.List;

/**
 * One swept parameter: its name (as the caller spells it, e.g. {@code --alpha}), the text of each value as the
 * user wrote it or a range produced it ({@code labels}), and each value converted once to its type
 * ({@code values}, e.g. a {@code Double} or a {@code Depth}). Labels name a point in messages and output; values
 * are what an evaluator uses.
 */
public record Axis(String name, List<String> labels, List<Object> values) {

    public Axis {
        labels = List.copyOf(labels);
        values = List.copyOf(values);
        if (labels.isEmpty() || labels.size() != values.size()) {
            throw new IllegalArgumentException("axis " + name + ": " + labels.size() + " labels, " + values.size()
                    + " values (expected the same positive number)");
        }
    }

    /** An axis whose values are its labels (text parameters). */
    public static Axis ofLabels(String name, List<String> labels) {
        return new Axis(name, labels, List.copyOf(labels));
    }

    public int size() {
        return labels.size();
    }
}
