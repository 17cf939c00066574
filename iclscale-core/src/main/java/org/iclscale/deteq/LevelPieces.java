package org.iclscale.deteq;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Depth;
import org.iclscale.core.Diagnostics;
import org.iclscale.theory.ChebyshevInterpolant;
import org.iclscale.theory.LossEvaluation;

/**
 * The loss of one contour landscape (one L, one σ) on dyadic pieces of each level's γ interval, for
 * {@link BatchedContourLosses}. Level ℓ serves the γ of [e_{ℓ−1}, e_ℓ] ({@link TwoPointContour#levelEnd}, e_{−1} = 0);
 * piece (d, i) of it is the i-th of its 2^d equal parts, d ≤ {@link #FINEST}. On a piece the loss (E3) + (N2) is a
 * polynomial of degree n = 2L in γ ({@link ContourInterpolation}), so it is the Chebyshev interpolant through n + 1
 * direct samples at that level ({@link TwoPointContour#sample}); the imaginary residue of (E3) likewise. A γ is
 * served by the coarsest piece containing it that accepts it (Λ_n·max_j|𝓛_j| ≤
 * {@link BatchedContourLosses#MAX_AMPLIFICATION}·𝓛(γ), {@link BatchedContourLosses#accepts}); none: null (the
 * direct route). Pieces are built on first use and kept, so every run of γ on this landscape, whichever sweep block
 * or thread it comes from, is served by the same pieces (2L + 1 direct samples per piece and process, not per block),
 * and a γ's value depends on γ alone, not on the other γ of its run. Thread-safe.
 */
final class LevelPieces {

    /** Finest dyadic depth: pieces of 1/2^FINEST of a level's interval (below, the direct route answers). */
    static final int FINEST = 12;

    /** The interpolants of one piece, their acceptance bound, and the level's grid diagnostics. */
    private record Piece(long key, double lo, double hi, ChebyshevInterpolant value, ChebyshevInterpolant residue,
            double bound, Diagnostics grid) {
        boolean covers(double gamma) {
            return gamma >= lo && gamma <= hi;
        }
    }

    private final TwoPointContour contour;
    private final Depth depth;
    private final double sigma;
    private final int degree;
    /** e_{ℓ−1}, e_ℓ of every level: ends[ℓ] and ends[ℓ + 1]. */
    private final double[] ends = new double[TwoPointContour.MAX_LEVEL + 2];
    private final ConcurrentHashMap<Long, Optional<Piece>> pieces = new ConcurrentHashMap<>();

    LevelPieces(TwoPointContour contour, Depth depth, double sigma) {
        this.contour = contour;
        this.depth = depth;
        this.sigma = sigma;
        this.degree = 2 * depth.steps();
        for (int level = 0; level <= TwoPointContour.MAX_LEVEL; level++) {
            ends[level + 1] = contour.levelEnd(level, depth);
        }
    }

    /**
     * The interpolated evaluation at γ on level {@code level} (γ's own level: {@link TwoPointContour#levelAt}) from
     * the coarsest accepting piece, or null (no piece accepts γ, γ outside the level's interval, a piece that cannot
     * be sampled). {@code recent} (length FINEST + 1, entries may be null) remembers the last piece looked up at
     * each depth for the caller's next γ (used only when it is the very piece that γ's lookup would return).
     */
    LossEvaluation evaluate(int level, double gamma, Object[] recent) {
        double lo = ends[level];
        double hi = ends[level + 1];
        if (!(hi > lo) || !(gamma >= lo && gamma <= hi)) {
            return null;
        }
        for (int d = 0; d <= FINEST; d++) {
            long key = key(level, lo, hi, d, gamma);
            Piece p = recent[d] instanceof Piece r && r.key() == key ? r : piece(key, level, lo, hi, d);
            if (p == null || !p.covers(gamma)) {
                continue;
            }
            recent[d] = p;
            double e = p.value().value(gamma);
            if (BatchedContourLosses.accepts(p.bound(), e)) {
                Diagnostics d2 = p.grid().and(Diagnostics.builder()
                        .put("imaginaryPart", Math.abs(p.residue().value(gamma))).build());
                return new LossEvaluation(sigma * sigma + e, d2);
            }
        }
        return null;
    }

    /** The key (level, d, i) of the piece of depth d on [lo, hi] whose part i contains γ. */
    private static long key(int level, double lo, double hi, int d, double gamma) {
        long parts = 1L << d;
        long i = Math.max(0, Math.min(parts - 1, (long) Math.floor((gamma - lo) / (hi - lo) * parts)));
        return ((long) level << 56) | ((long) d << 48) | i;
    }

    /** The piece of {@code key} (built on first use), or null when it cannot be built. */
    private Piece piece(long key, int level, double lo, double hi, int d) {
        long parts = 1L << d;
        long i = key & ((1L << 48) - 1);
        Optional<Piece> known = pieces.get(key); // no capturing lambda per γ once the piece exists (issue 17 goal 2)
        if (known == null) {
            known = pieces.computeIfAbsent(key, k -> build(key, level, lo + (hi - lo) * i / parts,
                    lo + (hi - lo) * (i + 1) / parts));
        }
        return known.orElse(null);
    }

    /** Pieces built so far (each cost 2L + 1 direct samples; for tests). */
    int built() {
        return pieces.size();
    }

    /** The interpolants through 2L + 1 samples at level {@code level} on [a, b]; empty if a sample fails. */
    private Optional<Piece> build(long key, int level, double a, double b) {
        if (!(b > a)) {
            return Optional.empty();
        }
        double[] x = ChebyshevInterpolant.points(a, b, degree);
        double[] excess = new double[degree + 1];
        double[] imaginary = new double[degree + 1];
        TwoPointContour.Evaluation any = null;
        double largest = 0;
        try {
            for (int j = 0; j <= degree; j++) {
                TwoPointContour.LevelSample s = contour.sample(level, x[j], depth, sigma);
                excess[j] = s.signal().loss() + s.noise();
                imaginary[j] = s.signal().imaginaryPart();
                largest = Math.max(largest, Math.abs(excess[j]));
                any = s.signal();
            }
        } catch (ComputationException e) {
            return Optional.empty(); // the direct route answers (and reports) these γ
        }
        if (!(largest < Double.POSITIVE_INFINITY)) {
            return Optional.empty();
        }
        Diagnostics grid = Diagnostics.builder().put("nodesPerContour", any.nodes()).put("level", level)
                .put("newtonIterations", any.report().iterations()).put("residual", any.report().residual()).build();
        return Optional.of(new Piece(key, a, b, new ChebyshevInterpolant(x, excess), new ChebyshevInterpolant(x, imaginary),
                BatchedContourLosses.errorBound(degree, largest), grid));
    }
}
