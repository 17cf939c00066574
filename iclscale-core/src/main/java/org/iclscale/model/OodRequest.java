package org.iclscale.model;

import java.util.Objects;
import org.iclscale.core.InvalidInputException;

/**
 * An FS out-of-distribution evaluation ({@link Theory#ood}, paper Result 5): the model (setting fs, α = ∞, width ∞,
 * finite depth L, a finite spectrum of at most {@link #MAX_DIM} modes, σ), the rotation angles θ ≥ 0 (increasing,
 * at most {@link #MAX_THETA}), the seed of the random skew-symmetric generator S, and further depths to tabulate
 * side by side (may be empty). Validated here.
 */
public record OodRequest(ModelSpec spec, double[] thetas, long seed, int[] compareDepths) {

    /** Largest D (dense D×D matrix exponentials and eigen-decompositions). */
    public static final int MAX_DIM = 2000;
    /** Largest rotation angle (e^{θS} by scaling and squaring; the brittleness is at θ ≲ 1). */
    public static final double MAX_THETA = 1e4;
    /** Largest depth of a comparison. */
    public static final int MAX_COMPARE_DEPTH = 1_000_000;

    public OodRequest {
        Objects.requireNonNull(spec, "spec");
        thetas = thetas.clone();
        compareDepths = compareDepths.clone();
        if (spec.setting() != org.iclscale.core.Setting.FS) {
            throw new InvalidInputException("setting", spec.setting().cliName(), "fs for ood (Result 5)");
        }
        if (spec.alpha().finite()) {
            throw new InvalidInputException("alpha", spec.alpha(), "inf for ood (Result 5 is the alpha = inf optimum)");
        }
        if (spec.width().finite()) {
            throw new InvalidInputException("width", spec.width(), "inf for ood");
        }
        if (spec.depth().infinite()) {
            throw new InvalidInputException("depth", "inf", "a finite integer >= 1 (Gamma = L Sigma^-1)");
        }
        if (thetas.length == 0) {
            throw new InvalidInputException("thetas", "empty: give at least one angle");
        }
        for (int i = 0; i < thetas.length; i++) {
            if (!(thetas[i] >= 0 && thetas[i] <= MAX_THETA) || i > 0 && thetas[i] < thetas[i - 1]) {
                throw new InvalidInputException("thetas", thetas[i], "numbers in [0, " + (long) MAX_THETA
                        + "] in increasing order");
            }
        }
        if (!(spec.spectrum() instanceof FiniteSpectrum finite)) {
            throw new InvalidInputException("continuum", "not available for ood (it needs a finite list of modes: give "
                    + "dim)");
        }
        if (finite.dim() > MAX_DIM) {
            throw new InvalidInputException("dim", finite.dim(), "an integer <= " + MAX_DIM + " for ood (dense matrix "
                    + "exponentials)");
        }
        for (int l : compareDepths) {
            if (l < 1 || l > MAX_COMPARE_DEPTH) {
                throw new InvalidInputException("compareDepths", l, "integers in [1, " + MAX_COMPARE_DEPTH + "]");
            }
        }
    }

    @Override
    public double[] thetas() {
        return thetas.clone();
    }

    @Override
    public int[] compareDepths() {
        return compareDepths.clone();
    }

    /** The depth of the spec followed by the comparison depths. */
    public int[] depths() {
        int[] d = new int[compareDepths.length + 1];
        d[0] = spec.depth().steps();
        System.arraycopy(compareDepths, 0, d, 1, compareDepths.length);
        return d;
    }
}
