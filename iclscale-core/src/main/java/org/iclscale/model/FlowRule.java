package org.iclscale.model;

import java.util.Locale;
import org.iclscale.core.InvalidInputException;

/** The parameterisation trained by gradient flow (paper Results 1, 6, 9; App. G.1). */
public enum FlowRule {
    /** The reduced model Γ = γI with one γ for every layer (the looped model). */
    TIED,
    /** One γ^ℓ per layer (App. G.1; learning rate η₀L), RRS at α = N = ∞. */
    UNTIED,
    /** All of W_x, W_q, W_k, W_v trained (Result 9): γ = w⁵ from a small balanced initialisation. */
    FULL_ATTENTION;

    /** The lower-case, dashed name ({@code full-attention}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code tied}, {@code untied} or {@code full-attention}. */
    public static FlowRule parse(String text) {
        String r = text.trim().toLowerCase(Locale.ROOT);
        for (FlowRule x : values()) {
            if (x.label().equals(r)) {
                return x;
            }
        }
        throw new InvalidInputException("rule", text, "one of tied, untied, full-attention");
    }
}
