package org.iclscale.figures;

/**
 * How the paper's step axes map to gradient-flow time t in the ½ convention dΓ/dt = −½∂𝓛/∂Γ (the clock of every
 * theory curve of this project). The paper's experiments (the authors' and the port's scripts, paper-notes §6)
 * update the entries of their N×N matrix Γ (N = min(width, D)) by Γ ← Γ − η ∂𝓛/∂Γ; on Γ = γI each diagonal entry
 * receives 1/N of d𝓛/dγ, so dγ/dn = −(η/N) d𝓛/dγ and <b>t = 2ηn/min(N, D)</b>. In FS (Fig. 3) each mode's γ_k is
 * its own entry: <b>t = 2ηn</b>. Untied layers use the rate ηL per layer (paper §2.6), which gives the same clock.
 * Measured against the digitized figures: Fig. 5a t = n/128 (2η/D at η = 0.25, D = 64) fits the paper's N = 64,
 * 128, 256 curves to 0.24 % rms; Fig. 3 (η = 0.5) t = n matches to &lt; 0.5 %; Fig. 8's curves are the discrete
 * iterates γ_{n+1} = γ_n − η d𝓛/dγ at η = 0.2 (rms 1e-6), t ≈ 2ηn.
 */
final class Clocks {

    private Clocks() {
    }

    /** ½-convention time per SGD step of a matrix model of effective size N (t = 2ηn/N). */
    static double perStep(double eta, int effectiveSize) {
        return 2 * eta / effectiveSize;
    }

    /** Text for the CSVs: the mapping from the plotted step n to flow time t. */
    static String describe(double eta, int effectiveSize) {
        return effectiveSize == 1 ? "x = SGD step n of the paper (eta = " + eta + "); flow time t = 2 eta n"
                : "x = SGD step n of the paper (eta = " + eta + ", N = " + effectiveSize + "); flow time t = 2 eta n / N = "
                        + perStep(eta, effectiveSize) + " n";
    }
}
