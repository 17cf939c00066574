package org.iclscale.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.iclscale.core.Gamma;
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

    /**
     * The reports at every γ of {@code gammas}, every other option as set, computed together ({@code sweep}'s batched
     * path for points that differ only in {@code --gamma}: issue 17 goal 2); exactly the reports {@link #compute()}
     * gives with {@code --gamma} set to each value. Null (the default) when this verb, or this combination of its
     * options, has no batched route: then each point is computed alone. An exception makes the sweep compute the
     * points alone, so that the failing point is named as before.
     */
    protected List<Report> computeAtGammas(List<Gamma> gammas) {
        return null;
    }

    /**
     * {@link #computeAtGammas} as sweep rows: each a {@link Report} or a {@link GammaRun.Row}, whose report is built
     * only where an output needs it (a CSV row reads its numbers from the typed result). Default: the reports.
     */
    protected List<?> rowsAtGammas(List<Gamma> gammas) {
        return computeAtGammas(gammas);
    }

    @Override
    public Integer call() {
        Report report = compute();
        output.format().writer().write(report, spec.commandLine().getOut());
        return Main.EXIT_OK;
    }
}
