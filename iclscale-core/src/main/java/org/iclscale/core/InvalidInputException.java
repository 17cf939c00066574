package org.iclscale.core;

import java.util.Optional;

/**
 * Bad user input: a parameter value outside its valid range, an unreadable file, an unknown name, a combination
 * of parameters no regime covers. The message names the parameter, the offending value and what would have been
 * valid, e.g. {@code depth: 0 is out of range (expected an integer >= 1, or inf)}.
 *
 * <p>The domain names <em>parameters</em> ({@code alpha}, {@code width}, {@code depth}); an adapter renders the
 * message with its own name for the parameter through {@link #message(String)} (the command line maps
 * {@code widthRatio} to {@code --width-ratio} in one place and exits with code 2). A name that already starts
 * with a dash is the command line's own option and is shown as it is.
 */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String detail;
    /** The offending value and the valid range, kept apart for structured adapters (null for a free-text error). */
    private final String value;
    private final String validRange;

    /** A value outside its valid range: "P: V is out of range (expected R)". */
    public InvalidInputException(String parameter, Object value, String validRange) {
        this(parameter, Inputs.excerpt(String.valueOf(value)) + " is out of range (expected " + validRange + ")",
                String.valueOf(value), validRange);
    }

    /** An input error that is not about a single value (a malformed file line, a missing parameter): "P: text". */
    public InvalidInputException(String parameter, String detail) {
        this(parameter, detail, null, null);
    }

    private InvalidInputException(String parameter, String detail, String value, String validRange) {
        super(parameter + ": " + detail);
        this.parameter = parameter;
        this.detail = detail;
        this.value = value;
        this.validRange = validRange;
    }

    /** The parameter (or, for the command line's own checks, the option) the error is about. */
    public String parameter() {
        return parameter;
    }

    /** The message after the parameter's name. */
    public String detail() {
        return detail;
    }

    /**
     * The offending value as the user gave it, for an error made by the value/valid-range constructor; empty for a
     * free-text error. Adapters that report errors as data (the JSON-lines {@code serve} mode) read it apart from
     * {@link #detail()}.
     */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /** What would have been valid, for an error made by the value/valid-range constructor; empty otherwise. */
    public Optional<String> validRange() {
        return Optional.ofNullable(validRange);
    }

    /** The message with {@code displayName} in place of the parameter's name. */
    public String message(String displayName) {
        return displayName + ": " + detail;
    }
}
