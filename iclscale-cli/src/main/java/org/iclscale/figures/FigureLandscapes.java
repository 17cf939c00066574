package org.iclscale.figures;

import org.iclscale.core.Depth;
import org.iclscale.core.Extent;
import org.iclscale.model.Continuum;
import org.iclscale.model.ExplicitSpectrum;
import org.iclscale.model.FloorResult;
import org.iclscale.model.Landscapes;
import org.iclscale.model.Method;
import org.iclscale.model.ModelSpec;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.ExactShallowLandscape;
import org.iclscale.theory.FsModel;
import org.iclscale.theory.ModeLandscape;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.IsoModel;
import org.iclscale.theory.RrsModel;
import org.iclscale.theory.TimeConvention;

/**
 * The figures' door to the model layer: each figure states its parameters as a {@link ModelSpec} and
 * {@link Landscapes} (the one dispatcher) decides the landscape — ISO (exact Marchenko–Pastur), RRS at P = N = ∞
 * on D modes (exact mode sum), at D = ∞ (continuum), at finite width N &lt; D or finite context α (deterministic
 * equivalents), FS per mode (Result 4).
 */
final class FigureLandscapes {

    private FigureLandscapes() {
    }

    static IsoModel iso(double alpha, int depth, double sigma) {
        return (IsoModel) Landscapes.of(ModelSpec.iso().alpha(alpha).depth(depth).sigma(sigma).build());
    }

    /** RRS power law on D modes, P = ∞; width N ≥ D: exact mode sum, N &lt; D: one-point deterministic equivalent. */
    static GammaLandscape rrs(Spectrum spectrum, int width, int depth) {
        return Landscapes.of(ModelSpec.rrs(ExplicitSpectrum.of(spectrum)).width(Extent.of(width)).depth(depth).build());
    }

    /**
     * RRS power law on D modes, P = ∞, by {@code method}: with {@link Method#MONTE_CARLO} and N &lt; D the finite-D
     * model itself (the projection average: exact over the task, Monte Carlo over the Haar projection).
     */
    static GammaLandscape rrs(Spectrum spectrum, int width, int depth, Method method) {
        return Landscapes.of(rrsSpec(spectrum, width, Depth.of(depth)), method);
    }

    /** The t, L → ∞ floor of RRS on D modes at width N, P = ∞, by {@code method} ({@link Landscapes#floor}). */
    static FloorResult rrsFloor(Spectrum spectrum, int width, Method method) {
        return Landscapes.floor(rrsSpec(spectrum, width, Depth.INFINITE), method);
    }

    private static ModelSpec rrsSpec(Spectrum spectrum, int width, Depth depth) {
        return ModelSpec.rrs(ExplicitSpectrum.of(spectrum)).width(Extent.of(width)).depth(depth).build();
    }

    /** RRS power law on D modes at N = D, P = ∞ (exact mode sum). */
    static RrsModel rrs(Spectrum spectrum, Depth depth) {
        return (RrsModel) Landscapes.of(ModelSpec.rrs(ExplicitSpectrum.of(spectrum)).depth(depth).build());
    }

    /** RRS power law at D = ∞ (the continuum; paper Fig. 4b, the {@code --continuum} landscape). */
    static GammaLandscape continuum(double nu, double beta, Depth depth) {
        return Landscapes.of(ModelSpec.rrs(new Continuum(nu, beta)).depth(depth).build());
    }

    /** RRS at finite context α = P/D, N = D (the deterministic equivalent {@code train} uses). */
    static GammaLandscape rrsFiniteContext(Spectrum spectrum, double alpha, int depth) {
        return Landscapes.of(ModelSpec.rrs(ExplicitSpectrum.of(spectrum)).alpha(alpha).depth(depth).build());
    }

    /** The FS per-mode landscape at finite α = P/D (structured-Wishart equivalent with Λ' = ΓΛ). */
    static ModeLandscape fsModes(Spectrum spectrum, double alpha, Depth depth) {
        return Landscapes.modes(ModelSpec.fs(ExplicitSpectrum.of(spectrum)).alpha(alpha).depth(depth).build());
    }

    /** The exact finite-(D, P) depth-1 loss (Isserlis) of FS data with P = {@code contextLength} pairs. */
    static ExactShallowLandscape exactShallow(Spectrum spectrum, int contextLength) {
        return Landscapes.exactShallow(ModelSpec.fs(ExplicitSpectrum.of(spectrum)).build(), contextLength);
    }

    /** FS at α = ∞ per mode (Result 4) in the given time convention. */
    static FsModel fs(Spectrum spectrum, Depth depth, TimeConvention convention) {
        return Landscapes.fsModes(ModelSpec.fs(ExplicitSpectrum.of(spectrum)).depth(depth).build(), convention);
    }
}
