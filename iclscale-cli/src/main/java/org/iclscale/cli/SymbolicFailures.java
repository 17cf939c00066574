package org.iclscale.cli;

import org.iclscale.core.ComputationException;
import org.iclscale.core.InvalidInputException;
import org.iclscale.symbolic.SymbolicException;

/**
 * Maps a {@link SymbolicException} to the exit-code contract: bad input (a syntax error, a refused head, a symbol
 * outside the vocabulary) is exit 2 naming the option and quoting a bounded excerpt of the input; a time,
 * recursion or size limit, or a failure of Symja, is exit 1 naming Symja and the limit.
 */
final class SymbolicFailures {

    /** Longest excerpt of user input quoted in a message. */
    static final int EXCERPT = 80;

    private SymbolicFailures() {
    }

    static RuntimeException map(SymbolicException e, String option, String input) {
        if (e.isBadInput()) {
            return new InvalidInputException(option, "'" + excerpt(input) + "' " + e.getMessage());
        }
        return new ComputationException("Symja", e.getMessage(), e);
    }

    static String excerpt(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() <= EXCERPT ? one : one.substring(0, EXCERPT - 3) + "...";
    }
}
