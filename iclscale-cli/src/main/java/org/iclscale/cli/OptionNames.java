package org.iclscale.cli;

import java.util.Map;
import org.iclscale.core.InvalidInputException;

/**
 * The one place that maps the domain's parameter names to this command line's option names: the library names
 * parameters ({@code alpha}, {@code widthRatio}, {@code computeFormula}), the command line spells them as options
 * ({@code --alpha}, {@code --width-ratio}, {@code --compute-formula}). A camelCase parameter becomes the
 * kebab-case option; names that are already options (a leading dash) or positional labels are kept.
 */
public final class OptionNames {

    /** Parameters whose option is not their kebab-case spelling, and labels that are not options. */
    private static final Map<String, String> SPECIAL = Map.of(
            "figure", "FIGURE",
            "plot", "plot",
            "option", "option",
            "tau", "--tau");

    /** A parameter name: a camelCase identifier (anything else, e.g. "--alpha" or "point 3 of 10", is shown as is). */
    private static final java.util.regex.Pattern PARAMETER = java.util.regex.Pattern.compile("[a-z][a-zA-Z0-9]*");

    private OptionNames() {
    }

    /** The option (or label) under which the command line shows {@code parameter}. */
    public static String option(String parameter) {
        if (!PARAMETER.matcher(parameter).matches()) {
            return parameter;
        }
        String special = SPECIAL.get(parameter);
        if (special != null) {
            return special;
        }
        StringBuilder sb = new StringBuilder("--");
        for (char c : parameter.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('-').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The message of a domain input error with the command line's option name in front. */
    public static String render(InvalidInputException e) {
        return e.message(option(e.parameter()));
    }
}
