package org.iclscale.cli;

import java.util.List;
import org.iclscale.core.ComputationException;
import org.iclscale.core.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How the command line reports a failed command: the exit code, the one line it prints on stderr, and the same
 * facts as data — the option (as the command line spells it, e.g. {@code --alpha}), the offending value and what
 * is valid, each null when the failure is not about one value. {@link Main} prints {@link #line()}; the JSON-lines
 * {@code serve} mode sends the fields, so both speak with one voice.
 *
 * @param code   {@link Main#EXIT_BAD_INPUT} or {@link Main#EXIT_COMPUTATION}
 * @param line   the stderr line, e.g. {@code iclscale risk: --alpha: -1 is out of range (expected a number > 0, or inf)}
 * @param option the option or positional label the failure is about (null for a computation failure)
 * @param value  the value as given (null when not about one value)
 * @param valid  what would have been valid (null when not known apart from the message)
 */
public record Failure(int code, String line, String option, String value, String valid) {

    /** A picocli parse error or an input error raised while converting an option value (exit code 2). */
    public static Failure ofParameter(CommandLine.ParameterException ex) {
        CommandLine cl = ex.getCommandLine();
        String verb = cl.getCommandSpec().qualifiedName();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && cl.getCommandSpec().name().equals("iclscale")
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            String valid = "one of " + String.join(", ", verbs(cl));
            String token = u.getUnmatched().get(0);
            return bad(verb, "unknown verb '" + token + "' (expected " + valid + ")", "VERB", token, valid);
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            // picocli says "Unknown options: '--foo', '1'": name the valid ones, as for every other bad input
            String token = u.getUnmatched().get(0);
            String valid = "one of " + String.join(", ", options(cl));
            int eq = token.indexOf('=');
            String option = token.startsWith("-") && eq > 0 ? token.substring(0, eq) : token;
            return bad(verb, "unknown option '" + token + "' (expected " + valid + ")", option, null, valid);
        }
        if (ex.getCause() instanceof InvalidInputException iie) {
            return ofInput(verb, named(ex, iie));
        }
        String option = null;
        if (ex instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            option = name(m.getMissing().get(0));
        } else if (ex.getArgSpec() != null) {
            option = name(ex.getArgSpec());
        }
        return bad(verb, ex.getMessage(), option, ex.getValue(), null);
    }

    /**
     * {@code iie} as raised by the converter of {@code ex}'s option, with the option's name where a converter
     * registered for a type ({@link Main#numberGrammar}) could not know it.
     */
    static InvalidInputException named(CommandLine.ParameterException ex, InvalidInputException iie) {
        if (iie.parameter().equals(Converters.THIS_OPTION) && ex.getArgSpec() != null) {
            return new InvalidInputException(name(ex.getArgSpec()), iie.value().orElse(""), iie.validRange().orElse(""));
        }
        return iie;
    }

    /** An exception thrown by a verb's computation: bad input (2), a computation that failed (1), or a bug (1). */
    public static Failure ofExecution(Exception ex, CommandLine cl) {
        String verb = cl.getCommandSpec().qualifiedName();
        if (ex instanceof InvalidInputException iie) {
            return ofInput(verb, iie);
        }
        if (ex instanceof ComputationException) {
            return new Failure(Main.EXIT_COMPUTATION, verb + ": computation failed: " + oneLine(ex.getMessage()),
                    null, null, null);
        }
        return new Failure(Main.EXIT_COMPUTATION, verb + ": internal error: " + ex.getClass().getSimpleName() + ": "
                + oneLine(String.valueOf(ex.getMessage())) + " (set ICLSCALE_DEBUG=1 for the stack trace)", null, null, null);
    }

    private static Failure ofInput(String verb, InvalidInputException iie) {
        return bad(verb, OptionNames.render(iie), OptionNames.option(iie.parameter()),
                iie.value().orElse(null), iie.validRange().orElse(null));
    }

    private static Failure bad(String verb, String message, String option, String value, String valid) {
        return new Failure(Main.EXIT_BAD_INPUT, verb + ": " + oneLine(message), option, value, valid);
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
    }

    private static List<String> verbs(CommandLine cl) {
        return cl.getSubcommands().keySet().stream().filter(v -> !v.equals("help")).toList();
    }

    private static List<String> options(CommandLine cl) {
        return cl.getCommandSpec().options().stream().map(OptionSpec::longestName).toList();
    }

    /** Longest error line (characters): every message is one bounded line on stderr. */
    static final int MAX_MESSAGE = 2000;

    private static String oneLine(String s) {
        String line = s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "… (" + line.length() + " characters)";
    }
}
