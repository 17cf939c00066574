package org.iclscale.symbolic;

import org.iclscale.core.ComputationException;
import org.iclscale.core.Depth;

/** Placeholder until the symbolic engine lands: TeX closed forms of the ISO optimum. */
public final class IsoClosedForms {

    private IsoClosedForms() {
    }

    public static String optimumTex(double alpha, Depth depth, double sigma) {
        throw new ComputationException("Symja", "symbolic closed forms are not available in this build");
    }
}
