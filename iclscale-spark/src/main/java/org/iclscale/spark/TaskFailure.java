package org.iclscale.spark;

import org.iclscale.core.ComputationException;
import org.iclscale.core.InvalidInputException;

/**
 * A point that failed inside a Spark task, carried back to the driver as plain text (the original exception's
 * cause may not be serializable): bad input (exit 2) or a failed computation (exit 1), with the point named as
 * {@code iclscale sweep} names it.
 */
final class TaskFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean badInput;
    private final String where;
    private final String detail;

    private TaskFailure(boolean badInput, String where, String detail) {
        super(where + ": " + detail);
        this.badInput = badInput;
        this.where = where;
        this.detail = detail;
    }

    /** The failure of the command line ({@code SweepCommand.failure}) as text. */
    static TaskFailure of(RuntimeException failure) {
        if (failure instanceof InvalidInputException iie) {
            return new TaskFailure(true, iie.parameter(), iie.detail());
        }
        if (failure instanceof ComputationException ce) {
            String m = ce.getMessage();
            String prefix = ce.solver() + ": ";
            return new TaskFailure(false, ce.solver(), m.startsWith(prefix) ? m.substring(prefix.length()) : m);
        }
        return new TaskFailure(false, "point", failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    /** The exception the command line reports on one line (exit 2 or 1). */
    RuntimeException toCommandLine() {
        return badInput ? new InvalidInputException(where, detail) : new ComputationException(where, detail);
    }

    /** The task failure in {@code t}'s cause chain, if Spark carried it back. */
    static TaskFailure find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TaskFailure f) {
                return f;
            }
        }
        return null;
    }
}
