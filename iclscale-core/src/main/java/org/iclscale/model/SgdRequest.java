package org.iclscale.model;

import java.util.Objects;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.QueryLabels;

/**
 * The depth-1 ISO online-SGD theory to tabulate ({@link Theory#sgd}, paper Result 10): context ratio α = P/D,
 * queries κ = K/D, batch τ = B/D, learning rate η, label noise σ, steps 0..n every k, and the query-label
 * convention of the update (the paper's: {@link QueryLabels#NOISE_FREE}). Validated here; an unstable η is refused
 * by {@link Theory#sgd} with the largest stable η.
 */
public record SgdRequest(double alpha, double kappa, double tau, double eta, double sigma, int steps, int every,
        QueryLabels queryLabels) {

    /** Largest number of rows of the curve (steps/every + 1; a row is a handful of doubles). */
    public static final int MAX_ROWS = 1_000_000;

    /**
     * Peak memory per row of the curve from request to written output, measured (issue 18): 10⁶ rows took 0.47 GB
     * resident with {@code --format json} (0.28 GB as CSV) against 0.09 GB for the bare JVM.
     */
    public static final long BYTES_PER_ROW = 400;

    /** Largest number of steps. */
    public static final int MAX_STEPS = 100_000_000;

    public SgdRequest {
        positive("alpha", alpha);
        positive("kappa", kappa);
        positive("tau", tau);
        positive("eta", eta);
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new InvalidInputException("sigma", sigma, "a finite number >= 0");
        }
        if (steps < 0 || steps > MAX_STEPS) {
            throw new InvalidInputException("steps", steps, "an integer in [0, " + MAX_STEPS + "]");
        }
        if (every < 1) {
            throw new InvalidInputException("every", every, "an integer >= 1");
        }
        if (steps / every + 1 > MAX_ROWS) {
            // the curve is held in memory: steps 1e8 every 1 ran out of heap (issue 18)
            // not streamed: the typed result holds the whole curve, so the request is refused up front with its estimate
            long rows = steps / every + 1L;
            throw new InvalidInputException("every", every, "an integer >= " + ((steps + MAX_ROWS - 2) / (MAX_ROWS - 1))
                    + " for " + steps + " steps (at most " + MAX_ROWS + " rows: the curve is held in memory, about "
                    + BYTES_PER_ROW + " bytes a row, so " + rows + " rows would need about "
                    + String.format(java.util.Locale.ROOT, "%.1f", rows * (double) BYTES_PER_ROW / 1e9) + " GB)");
        }
        Objects.requireNonNull(queryLabels, "queryLabels");
    }

    /** The paper's convention (noise-free query labels), every step. */
    public static SgdRequest of(double alpha, double kappa, double tau, double eta, double sigma, int steps) {
        return new SgdRequest(alpha, kappa, tau, eta, sigma, steps, 1, QueryLabels.NOISE_FREE);
    }

    private static void positive(String parameter, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new InvalidInputException(parameter, v, "a finite number > 0");
        }
    }
}
