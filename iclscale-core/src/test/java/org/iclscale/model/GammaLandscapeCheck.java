package org.iclscale.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.theory.GammaLandscape;

/** A reported optimum is a minimiser: no lower loss a little to either side. */
final class GammaLandscapeCheck {

    private GammaLandscapeCheck() {
    }

    static void isLocalMinimum(GammaLandscape landscape, double gamma, double loss) {
        for (double f : new double[] {0.9, 0.99, 1.01, 1.1}) {
            double other = landscape.loss(gamma * f);
            assertTrue(other >= loss - 1e-13 * Math.max(1, Math.abs(loss)),
                    "loss " + other + " at " + gamma * f + " below the optimum " + loss + " at " + gamma);
        }
    }
}
