package org.iclscale.cli;

import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Setting;
import org.iclscale.deteq.StructuredLandscapes;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.IsoModel;
import org.iclscale.theory.RrsContinuum;
import org.iclscale.theory.RrsModel;

/** Builds the {@link GammaLandscape} that the options select. */
final class Landscapes {

    private Landscapes() {
    }

    /** ISO only (verbs without structured options). */
    static GammaLandscape create(ModelOptions model) {
        return create(model, new SpectrumOptions());
    }

    /**
     * ISO: {@link IsoModel} (structured options refused). FS/RRS at α = ∞ and N = ∞: {@link RrsModel}
     * (for FS the loss along Γ = γI, which at α = ∞ equals the RRS loss); finite α or finite N: see
     * {@link #finiteContextOrWidth}.
     */
    static GammaLandscape create(ModelOptions model, SpectrumOptions structured) {
        if (model.setting() == Setting.ISO) {
            structured.requireAbsent(model.setting());
            return new IsoModel(model.alpha(), model.depth(), model.sigma());
        }
        if (structured.continuum()) {
            if (model.setting() != Setting.RRS || Double.isFinite(model.alpha()) || !structured.infiniteWidth()) {
                throw new InvalidInputException("--continuum", "available only for --setting rrs at --alpha inf and --width inf");
            }
            return new RrsContinuum(structured.continuumLaw(), model.depth(), model.sigma());
        }
        Spectrum spectrum = structured.spectrum(model.setting());
        if (Double.isFinite(model.alpha()) || structured.width(spectrum) < spectrum.dim()) {
            return finiteContextOrWidth(model, structured, spectrum);
        }
        return switch (model.setting()) {
            case RRS -> new RrsModel(spectrum, model.depth(), model.sigma());
            case FS -> org.iclscale.theory.FsModel.isotropicLandscape(spectrum, model.depth(), model.sigma());
            case ISO -> throw new IllegalStateException("unreachable");
        };
    }

    /**
     * FS/RRS at finite context α or finite width N &lt; D: the deterministic equivalents of package
     * {@code deteq} ({@link StructuredLandscapes}: one-point density for P = ∞; two-point contour plus the noise
     * contour (N2) for finite P). THE one place where these regimes are dispatched.
     */
    static GammaLandscape finiteContextOrWidth(ModelOptions model, SpectrumOptions structured, Spectrum spectrum) {
        return StructuredLandscapes.create(model.setting(), spectrum, structured.width(spectrum), model.alpha(),
                model.depth(), model.sigma());
    }

    /** Rejects FS/RRS where only ISO is implemented (verbs such as sgd). */
    static void requireIso(ModelOptions model, String verb) {
        if (model.setting() != Setting.ISO) {
            throw new InvalidInputException("--setting", model.setting().cliName(), "iso for " + verb);
        }
    }
}
