package org.iclscale.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses one request line into a {@link Request}. The line is read twice: once as a tree (is it JSON, which id,
 * which keys) and once as a token stream for the option values, so that a number keeps the spelling the client
 * sent ({@code 1e8}, {@code 0.10}) and reaches the command line's own number grammar unchanged.
 */
final class RequestReader {

    static final Set<String> KEYS = Set.of("id", "verb", "options", "args");
    static final String SHAPE = "a JSON object {\"id\": ..., \"verb\": \"risk\", \"options\": {\"alpha\": 0.5}, \"args\": [...]}";

    private final ObjectMapper mapper;

    RequestReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Request read(String line) {
        JsonNode tree;
        try {
            tree = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadRequest(null, null, abbreviate(line), SHAPE,
                    "request is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (tree == null || !tree.isObject()) {
            throw new BadRequest(null, null, abbreviate(line), SHAPE, "request is not a JSON object");
        }
        JsonNode id = tree.has("id") ? tree.get("id") : NullNode.getInstance();
        if (id.isContainerNode()) {
            throw new BadRequest(null, "id", abbreviate(id.toString()), "a number, a string or null", "id must be a number, a string or null");
        }
        for (var it = tree.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new BadRequest(id, key, null, "id, verb, options, args", "unknown key '" + key + "' (expected id, verb, options, args)");
            }
        }
        JsonNode verb = tree.get("verb");
        if (verb == null || !verb.isTextual() || verb.asText().isBlank()) {
            throw new BadRequest(id, "verb", verb == null ? null : verb.toString(), "a verb name such as \"risk\"",
                    "verb: " + (verb == null ? "missing" : verb + " is not a verb name") + " (expected a string such as \"risk\")");
        }
        Map<String, Object> options = new LinkedHashMap<>();
        List<String> args = new ArrayList<>();
        try (JsonParser p = mapper.getFactory().createParser(line)) {
            p.nextToken(); // START_OBJECT
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "options" -> readOptions(p, id, options);
                    case "args" -> args.addAll(readList(p, id, "args"));
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new BadRequest(id, null, abbreviate(line), SHAPE, "request is not JSON (" + e.getMessage() + ")");
        }
        return new Request(id, verb.asText(), options, args);
    }

    private static void readOptions(JsonParser p, JsonNode id, Map<String, Object> options) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new BadRequest(id, "options", null, "an object of option name to value", "options must be a JSON object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (options.containsKey(name)) {
                throw new BadRequest(id, name, null, "one value per option", name + ": given twice");
            }
            switch (t) {
                case VALUE_NULL -> { } // absent: the option's default
                case VALUE_TRUE, VALUE_FALSE -> options.put(name, t == JsonToken.VALUE_TRUE);
                case START_ARRAY -> options.put(name, readList(p, id, name));
                case START_OBJECT -> throw new BadRequest(id, name, null, "a string, a number, a boolean or a list",
                        name + ": an object is not an option value (expected a string, a number, a boolean or a list)");
                default -> options.put(name, p.getText());
            }
        }
    }

    /** A JSON array of scalars as the texts the client sent. */
    private static List<String> readList(JsonParser p, JsonNode id, String name) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new BadRequest(id, name, null, "a list of strings and numbers", name + " must be a JSON array");
        }
        List<String> items = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t.isStructStart() || t == JsonToken.VALUE_NULL) {
                throw new BadRequest(id, name, null, "a list of strings and numbers",
                        name + ": list items must be strings, numbers or booleans");
            }
            items.add(p.getText());
        }
        return items;
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
