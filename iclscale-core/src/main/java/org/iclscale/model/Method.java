package org.iclscale.model;

import java.util.Locale;
import org.iclscale.core.InvalidInputException;

/**
 * How a loss landscape is computed, chosen by the caller: the regime's theory ({@link #THEORY}: the exact limit or
 * the deterministic equivalent that {@link Landscapes#regime} picks; the default) or a Monte Carlo estimate of the
 * defining in-context GD at the spectrum's D ({@link #MONTE_CARLO}, {@link Regime#MONTE_CARLO}, with its standard
 * error). The regime under each choice is decided by {@link Landscapes#regime(ModelSpec, Method)} alone.
 */
public enum Method {
    /** The regime's theory: exact limit or deterministic equivalent. */
    THEORY("deteq"),
    /** Monte Carlo of the defining model at finite D (FS/RRS with a finite spectrum, finite depth). */
    MONTE_CARLO("monte-carlo");

    private final String label;

    Method(String label) {
        this.label = label;
    }

    /** The name of the choice as a user writes it: deteq, monte-carlo. */
    public String label() {
        return label;
    }

    /** The method named {@code text} (deteq or monte-carlo, case-insensitive). */
    public static Method parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Method m : values()) {
            if (m.label.equals(t)) {
                return m;
            }
        }
        throw new InvalidInputException("method", text, "deteq (the regime's theory) or monte-carlo");
    }
}
