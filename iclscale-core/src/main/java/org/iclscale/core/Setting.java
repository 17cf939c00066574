package org.iclscale.core;

import java.util.Locale;

/** The three data models of the paper (§3): isotropic, fixed structured, randomly rotated structured. */
public enum Setting {
    /** x ~ N(0, I), task β ~ N(0, I). */
    ISO,
    /** Fixed structured covariance Σ and task covariance Ω, the same for every context. */
    FS,
    /** Randomly rotated structured: Σ_c = O_c Λ O_cᵀ with a fresh Haar rotation per context. */
    RRS;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Setting parse(String text) {
        for (Setting s : values()) {
            if (s.cliName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new InvalidInputException("setting", text, "one of iso, fs, rrs");
    }
}
