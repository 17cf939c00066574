package org.iclscale.deteq;

/**
 * Convergence diagnostics of a solve: which solver, how many Newton (or bisection) iterations in total,
 * the largest residual |F(κ)|/scale reached, and the tolerance asked for.
 */
public record SolveReport(String solver, int iterations, double residual, double tolerance) {

    /** Combines two reports of the same solve (iterations add, the worst residual is kept). */
    public SolveReport merge(SolveReport other) {
        return new SolveReport(solver, iterations + other.iterations, Math.max(residual, other.residual),
                Math.max(tolerance, other.tolerance));
    }
}
