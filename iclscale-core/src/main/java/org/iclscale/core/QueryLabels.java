package org.iclscale.core;

import java.util.Locale;

/**
 * Whether the query labels y_μ of an online-SGD training batch carry the label noise σε_μ (paper §2.4: every label
 * of a context is y = x·w⋆ + σε). The gradient of the query loss sees the noise of the query labels; the context
 * labels are noisy in both conventions. The mean update, and hence every gradient flow, is the same for both; only
 * the SGD fluctuations differ (depth-1 Result 10: {@link org.iclscale.theory.ShallowSgd}).
 */
public enum QueryLabels {
    /** y_μ = x_μ·w⋆: the update of the paper's Result 10 (App. C.1). */
    NOISE_FREE("noise-free"),
    /** y_μ = x_μ·w⋆ + σε_μ, as every label of the data model (the simulators' default). */
    NOISY("noisy");

    private final String cliName;

    QueryLabels(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static QueryLabels parse(String text) {
        for (QueryLabels q : values()) {
            if (q.cliName.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return q;
            }
        }
        throw new InvalidInputException("queryLabels", text, "noise-free or noisy");
    }
}
