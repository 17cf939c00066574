package org.iclscale.core;

/**
 * A computation that could not be completed: a solver that did not converge, a result that is not a
 * finite number. The command line reports it on one line with exit code 1. The message names the solver,
 * the tolerance asked for and what was reached, e.g.
 * {@code Newton (tau-transform) did not converge: residual 3.2e-5 > 1e-12 after 200 iterations at z = 0.1}.
 */
public final class ComputationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String solver;

    public ComputationException(String solver, String detail) {
        super(solver + ": " + detail);
        this.solver = solver;
    }

    public ComputationException(String solver, String detail, Throwable cause) {
        super(solver + ": " + detail, cause);
        this.solver = solver;
    }

    public String solver() {
        return solver;
    }
}
