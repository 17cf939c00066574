package org.iclscale.theory;

import java.util.Locale;
import org.iclscale.core.InvalidInputException;

/**
 * Gradient-flow time conventions. The project default (design.md; paper Results 1, 4 main text, 6) is
 * dΓ/dt = −½ ∂𝓛/∂Γ. The paper's App. D (FS closed form 2λ_kγ_k = ln(1 + 4ω_kλ_k³t), loss
 * Σ p_k/(1 + 4ω_kλ_k³t), and the notes' Fig. 3 reference curve) uses dΓ/dt = −∂𝓛/∂Γ. The two differ only by
 * t → 2t: a flow in convention c at time t equals the ½-flow at time {@link #factor()}·t.
 */
public enum TimeConvention {
    /** dΓ/dt = −½ ∂𝓛/∂Γ. */
    HALF("half", 1.0, "dGamma/dt = -1/2 dLoss/dGamma"),
    /** dΓ/dt = −∂𝓛/∂Γ (paper App. D). */
    APPENDIX_D("appendix-d", 2.0, "dGamma/dt = -dLoss/dGamma (paper App. D)");

    private final String cliName;
    private final double factor;
    private final String description;

    TimeConvention(String cliName, double factor, String description) {
        this.cliName = cliName;
        this.factor = factor;
        this.description = description;
    }

    /** g such that dΓ/dt = −(g/2) ∂𝓛/∂Γ; time t in this convention is ½-flow time g·t. */
    public double factor() {
        return factor;
    }

    public String cliName() {
        return cliName;
    }

    public String description() {
        return description;
    }

    public static TimeConvention parse(String text) {
        for (TimeConvention c : values()) {
            if (c.cliName.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new InvalidInputException("convention", text, "half or appendix-d");
    }
}
