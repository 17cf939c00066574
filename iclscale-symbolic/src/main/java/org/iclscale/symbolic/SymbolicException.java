package org.iclscale.symbolic;

/**
 * A symbolic computation failed. {@link #kind()} says whose fault it is: the input (it did not parse, used a
 * refused head, left the formula's domain: exit 2 at the command line), a resource limit (time, recursion,
 * size: exit 1 naming the limit), or Symja itself (exit 1).
 */
public final class SymbolicException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Whose fault a failure is. */
    public enum Kind {
        /** The expression did not parse, or was refused by the allow-list ({@link ExpressionPolicy}). */
        BAD_INPUT,
        /** The evaluation hit the time, recursion or size limit. */
        LIMIT,
        /** Symja could not evaluate a well-formed, allowed expression. */
        FAILED
    }

    private final Kind kind;

    SymbolicException(String message, Kind kind, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    SymbolicException(String message, boolean badInput, Throwable cause) {
        this(message, badInput ? Kind.BAD_INPUT : Kind.FAILED, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** True when the input expression could not be parsed or was refused (bad input, exit 2). */
    public boolean isBadInput() {
        return kind == Kind.BAD_INPUT;
    }

    /** Same as {@link #isBadInput()} (the older name: every bad input used to be a syntax error). */
    public boolean isSyntaxError() {
        return isBadInput();
    }

    /** True when a time, recursion or size limit stopped the evaluation. */
    public boolean isLimit() {
        return kind == Kind.LIMIT;
    }
}
