package org.iclscale.cli;

import org.iclscale.io.Report;
import picocli.CommandLine.Command;

/** {@code tour}: the headline results, printed and written as CSV. */
@Command(name = "tour", mixinStandardHelpOptions = true, description = "Headline ISO results, printed and written as CSV.")
public final class TourCommand extends Verb {

    @Override
    protected Report compute() {
        return new Report("tour");
    }
}
