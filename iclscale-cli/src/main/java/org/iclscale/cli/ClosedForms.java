package org.iclscale.cli;

import org.iclscale.symbolic.IsoClosedForms;

/** Bridge to the symbolic package; only called when TeX output is asked for (Symja starts lazily). */
final class ClosedForms {

    private ClosedForms() {
    }

    static String isoOptimumTex(ModelOptions model) {
        return IsoClosedForms.optimumTex(model.alpha(), model.depth(), model.sigma());
    }
}
