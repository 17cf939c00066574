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

    @Override
    public Integer call() {
        Report report = compute();
        output.format().writer().write(report, spec.commandLine().getOut());
        return Main.EXIT_OK;
    }
}
