package org.iclscale.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.iclscale.cli.Failure;

/**
 * The answer to one request: {@code {"id": ..., "result": {...}}} or {@code {"id": ..., "error": {...}}}.
 *
 * @param id     the request's id (JSON null when the line was not JSON or had none)
 * @param result the verb's {@code --format json} output (null for an error)
 * @param error  the failure (null for a result)
 */
public record Answer(JsonNode id, JsonNode result, Error error) {

    /**
     * A failure as data, with the command line's exit code and its stderr line as {@code message}.
     *
     * @param code    2 bad input, 1 a computation that could not be completed
     * @param option  the option as in requests (no dashes: {@code alpha}), or a positional label; null if none
     * @param value   the offending value as given; null if the failure is not about one value
     * @param valid   what would have been valid; null if not known apart from the message
     * @param message the one line the command line prints on stderr
     */
    public record Error(int code, String option, String value, String valid, String message) {

        /** The command line's failure, with the option spelled as in requests. */
        static Error of(Failure f) {
            return new Error(f.code(), requestName(f.option()), f.value(), f.valid(), f.line());
        }

        /** {@code --width-ratio} becomes {@code width-ratio}; positional labels ({@code VERB}) stay. */
        static String requestName(String option) {
            return option == null ? null : option.replaceFirst("^-+", "");
        }
    }

    static Answer result(JsonNode id, JsonNode result) {
        return new Answer(id == null ? NullNode.getInstance() : id, result, null);
    }

    static Answer error(JsonNode id, Error error) {
        return new Answer(id == null ? NullNode.getInstance() : id, null, error);
    }

    /** One compact JSON line (no line breaks: every string is escaped). */
    String toJsonLine(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        node.set("id", id);
        if (error == null) {
            node.set("result", result);
        } else {
            ObjectNode e = node.putObject("error");
            e.put("code", error.code());
            e.put("option", error.option());
            e.put("value", error.value());
            e.put("valid", error.valid());
            e.put("message", error.message());
        }
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
