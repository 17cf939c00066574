package org.iclscale.cli;

import java.util.concurrent.Callable;
import org.iclscale.io.Report;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every verb: compute a {@link Report}, write it in the requested format, return exit code 0.
 * Failures are exceptions ({@link org.iclscale.core.InvalidInputException} → 2,
 * {@link org.iclscale.core.ComputationException} → 1) mapped by {@link Main}.
 */
public abstract class Verb implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    @Mixin
    protected OutputOptions output;

    /** Computes the result of this verb from its validated options. */
    protected abstract Report compute();

    /**
     * Checks the options without computing anything. {@code sweep} calls it once for every value of every swept
     * option (the other options at their first value) before the first point runs, so a bad value is refused up
     * front instead of after hours of points. picocli's converters already check typed options; a verb whose
     * {@link #compute()} parses text options overrides this with the same parsing (compute still checks
     * everything it uses). Default: nothing beyond the converters.
     */
    protected void validate() {
    }

    @Override
    public Integer call() {
        Report report = compute();
        output.format().writer().write(report, spec.commandLine().getOut());
        return Main.EXIT_OK;
    }
}
