package org.iclscale.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One request line, {@code {"id": 7, "verb": "risk", "options": {"alpha": 0.5, "gamma": "opt"}, "args": [...]}}.
 * Option values are kept as the text the client sent (a JSON number keeps its spelling, so {@code 1e8} reaches
 * the option parser as {@code 1e8}): a {@link String}, a {@link Boolean}, or a {@link List} of strings.
 *
 * @param id      the client's id, echoed in the answer (any JSON value; JSON null when absent)
 * @param verb    the verb, as on the command line
 * @param options option name (as on the command line without the dashes, or camelCase) to value, in order
 * @param args    positional arguments after the options (e.g. {@code sweep}'s verb and its options)
 */
public record Request(JsonNode id, String verb, Map<String, Object> options, List<String> args) {

    public Request {
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        args = List.copyOf(args);
    }
}
