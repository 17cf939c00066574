package org.iclscale.cli;

import org.iclscale.io.OutputFormat;
import picocli.CommandLine.Option;

/** {@code --format table|csv|json|tex}, shared by every verb. */
public final class OutputOptions {

    @Option(names = "--format", defaultValue = "table", converter = Converters.FormatConverter.class,
            description = "Output format: table, csv, json or tex (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.TABLE;

    public OutputFormat format() {
        return format;
    }
}
