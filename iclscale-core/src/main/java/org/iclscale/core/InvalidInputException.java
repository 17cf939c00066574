package org.iclscale.core;

/**
 * Bad user input: an option value outside its valid range, an unreadable file, an unknown name.
 * The command line turns it into one line on stderr and exit code 2. The message always names the
 * option, the offending value and what would have been valid, e.g.
 * {@code --depth: 0 is out of range (expected an integer >= 1, or inf)}.
 */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String option;

    public InvalidInputException(String option, Object value, String validRange) {
        super(option + ": " + value + " is out of range (expected " + validRange + ")");
        this.option = option;
    }

    /** For input errors that are not about a single value (a malformed file line, a missing option). */
    public InvalidInputException(String option, String message) {
        super(option + ": " + message);
        this.option = option;
    }

    public String option() {
        return option;
    }
}
