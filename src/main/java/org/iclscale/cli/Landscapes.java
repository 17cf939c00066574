package org.iclscale.cli;

import org.iclscale.core.InvalidInputException;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.IsoModel;

/** Builds the {@link GammaLandscape} that the options select. */
final class Landscapes {

    private Landscapes() {
    }

    static GammaLandscape create(ModelOptions model) {
        return switch (model.setting()) {
            case ISO -> new IsoModel(model.alpha(), model.depth(), model.sigma());
            case FS, RRS -> throw new InvalidInputException("--setting", model.setting().cliName(),
                    "iso (the structured settings fs and rrs are not available in this build)");
        };
    }
}
