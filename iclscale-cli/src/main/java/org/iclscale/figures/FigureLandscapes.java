package org.iclscale.figures;

import org.iclscale.core.Depth;
import org.iclscale.core.Setting;
import org.iclscale.deteq.StructuredLandscapes;
import org.iclscale.spectrum.PowerLawContinuum;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.IsoModel;
import org.iclscale.theory.RrsContinuum;
import org.iclscale.theory.RrsModel;

/**
 * THE one place of the figures package that decides which landscape a figure's parameters need (to become
 * {@code Landscapes.of(spec)} of the model layer when it lands): ISO (exact Marchenko–Pastur), RRS at P = N = ∞
 * on D modes (exact mode sum), at D = ∞ (continuum), at finite width N &lt; D or finite context α (deterministic
 * equivalents of {@link StructuredLandscapes}).
 */
final class FigureLandscapes {

    private FigureLandscapes() {
    }

    static IsoModel iso(double alpha, int depth, double sigma) {
        return new IsoModel(alpha, Depth.of(depth), sigma);
    }

    /** RRS power law on D modes, P = ∞; width N ≥ D: exact mode sum, N &lt; D: one-point deterministic equivalent. */
    static GammaLandscape rrs(Spectrum spectrum, int width, int depth) {
        return width >= spectrum.dim() ? new RrsModel(spectrum, Depth.of(depth), 0)
                : StructuredLandscapes.create(Setting.RRS, spectrum, width, Double.POSITIVE_INFINITY, Depth.of(depth), 0);
    }

    /** RRS power law on D modes at N = D, P = ∞ (exact mode sum). */
    static RrsModel rrs(Spectrum spectrum, Depth depth) {
        return new RrsModel(spectrum, depth, 0);
    }

    /** RRS power law at D = ∞ (the continuum; paper Fig. 4b, the {@code --continuum} landscape). */
    static RrsContinuum continuum(double nu, double beta, Depth depth) {
        return new RrsContinuum(new PowerLawContinuum(nu, beta), depth, 0);
    }

    /** RRS at finite context α = P/D, N = D (the deterministic equivalent {@code train} uses). */
    static GammaLandscape rrsFiniteContext(Spectrum spectrum, double alpha, int depth) {
        return StructuredLandscapes.create(Setting.RRS, spectrum, Integer.MAX_VALUE, alpha, Depth.of(depth), 0);
    }
}
