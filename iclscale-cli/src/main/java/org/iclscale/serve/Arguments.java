package org.iclscale.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A request's options as the verb's argument vector, generically from the verb's picocli model: a key is the
 * option without its dashes ({@code width-ratio}; camelCase {@code widthRatio} is accepted too); a string or a
 * number becomes {@code --key=value}; {@code true} switches a flag on and {@code false} leaves it off; a list
 * becomes one comma-separated value ({@code --times=1,10,100}), or one {@code --key=item} per item for a
 * repeatable option ({@code --set}). An unknown key is passed through as {@code --key value}, so the verb reports it
 * exactly as the command line does. Without a {@code format} key, a verb that has {@code --format} is asked for JSON.
 */
final class Arguments {

    private Arguments() {
    }

    /** The full argument vector (verb first) of {@code request} for the verb whose model is {@code verb}. */
    static String[] argv(CommandSpec verb, Request request) {
        List<String> argv = new ArrayList<>();
        argv.add(request.verb());
        if (verb.findOption("--format") != null && !hasOption(request, "format")) {
            argv.add("--format=json");
        }
        for (Map.Entry<String, Object> e : request.options().entrySet()) {
            String name = optionName(e.getKey());
            OptionSpec spec = verb.findOption(name);
            Object value = e.getValue();
            if (spec == null) {
                // not an option of this verb: the tokens the command line would see, so the error reads the same
                argv.add(name);
                if (!Boolean.TRUE.equals(value)) {
                    argv.add(value instanceof List<?> items ? String.join(",", items.stream().map(String::valueOf).toList())
                            : String.valueOf(value));
                }
            } else if (value instanceof Boolean on && spec.arity().max() == 0) {
                if (on) {
                    argv.add(name);
                }
            } else if (value instanceof List<?> items) {
                if (spec.isMultiValue() && spec.splitRegex().isEmpty()) {
                    items.forEach(item -> argv.add(name + "=" + item));
                } else {
                    argv.add(name + "=" + String.join(",", items.stream().map(String::valueOf).toList()));
                }
            } else {
                argv.add(name + "=" + value);
            }
        }
        argv.addAll(request.args());
        return argv.toArray(String[]::new);
    }

    /** Whether the request gives option {@code name} (in either spelling). */
    static boolean hasOption(Request request, String kebabName) {
        return request.options().keySet().stream().anyMatch(k -> optionName(k).equals("--" + kebabName));
    }

    /** {@code alpha} → {@code --alpha}, {@code widthRatio} and {@code width-ratio} → {@code --width-ratio}. */
    static String optionName(String key) {
        if (key.startsWith("-")) {
            return key;
        }
        StringBuilder sb = new StringBuilder("--");
        for (char c : key.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('-').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
