package org.iclscale.serve;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request line that cannot be turned into a command: not JSON, not an object, a missing verb, an option value of
 * the wrong JSON type. Answered as an error with code 2, like the command line's bad input.
 */
final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient JsonNode id;
    private final String option;
    private final String value;
    private final String valid;

    BadRequest(JsonNode id, String option, String value, String valid, String message) {
        super(message);
        this.id = id;
        this.option = option;
        this.value = value;
        this.valid = valid;
    }

    JsonNode id() {
        return id;
    }

    Answer.Error error() {
        return new Answer.Error(2, option, value, valid, "iclscale serve: " + getMessage());
    }
}
