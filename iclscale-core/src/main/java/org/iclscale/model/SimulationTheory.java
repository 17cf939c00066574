package org.iclscale.model;

import java.util.OptionalDouble;
import org.iclscale.core.ComputationException;
import org.iclscale.theory.GammaLandscape;

/**
 * The theory column of {@link Theory#simulate}: the limiting loss of the realised model at γ (ISO: exact; FS/RRS:
 * the deterministic equivalent of its regime), its method, and the note that says which it is — or, where the
 * theory fails to converge ({@link ComputationException}), no loss and a note saying so. Independent of the Monte
 * Carlo, so it may be evaluated beside it.
 */
record SimulationTheory(OptionalDouble loss, String method, String note) {

    /** The theory of {@code realised} at {@code gamma}, for a simulation at dimension {@code dim}. */
    static SimulationTheory of(ModelSpec realised, double gamma, int dim) {
        Regime regime = Landscapes.regime(realised);
        try {
            GammaLandscape landscape = Landscapes.of(realised);
            double loss = landscape.loss(gamma);
            String note = regime.exact()
                    ? "the theory is the exact D = inf limit; at D = " + dim + " the simulation differs from it by O(1/D)"
                    : "the theory is a deterministic equivalent (" + regime.label() + "), exact as D -> inf; at D = "
                            + dim + " an offset of O(1/D) from the simulation is expected (README: measured offsets)";
            return new SimulationTheory(OptionalDouble.of(loss), landscape.method(), note);
        } catch (ComputationException e) {
            return new SimulationTheory(OptionalDouble.empty(), null, "theory not available at these parameters: "
                    + e.getMessage());
        }
    }
}
