package org.iclscale.symbolic;

/** A symbolic computation failed: the expression did not parse, or Symja could not evaluate it. */
public final class SymbolicException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean syntaxError;

    SymbolicException(String message, boolean syntaxError, Throwable cause) {
        super(message, cause);
        this.syntaxError = syntaxError;
    }

    /** True when the input expression could not be parsed (bad input, exit 2) rather than evaluated. */
    public boolean isSyntaxError() {
        return syntaxError;
    }
}
