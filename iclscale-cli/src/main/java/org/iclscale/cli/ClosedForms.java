package org.iclscale.cli;

import org.iclscale.core.InvalidInputException;
import org.iclscale.symbolic.IsoClosedForms;
import org.iclscale.symbolic.SymbolicException;

/** Bridge to the symbolic package; only called when TeX output is asked for (Symja starts lazily). */
final class ClosedForms {

    private ClosedForms() {
    }

    /**
     * TeX of the exact ISO optimum. Asking for it where none exists (σ > 0 at depth > 1, α = ∞) is a request the
     * tool cannot answer from its input: exit 2 saying so, before Symja starts.
     */
    static String isoOptimumTex(ModelOptions model) {
        String none = IsoClosedForms.unavailable(model.alpha(), model.depth(), model.sigma());
        if (none != null) {
            throw new InvalidInputException("--format", "tex: " + none);
        }
        try {
            return IsoClosedForms.optimumTex(model.alpha(), model.depth(), model.sigma());
        } catch (SymbolicException e) {
            throw SymbolicFailures.map(e, "--format", "tex");
        }
    }
}
