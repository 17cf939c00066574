package org.iclscale.spark;

import java.io.PrintWriter;
import org.iclscale.cli.Main;
import org.iclscale.cli.VersionProvider;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the Spark runner: {@code spark-submit --class org.iclscale.spark.SparkSweep iclscale-spark.jar sweep
 * VERB ...} (or {@code ./iclscale-spark sweep VERB ...}). The command line keeps {@code iclscale}'s contract: exit 2
 * and one stderr line for bad input (checked before Spark starts), exit 1 and one line for a failed point or an
 * unwritable output.
 */
@Command(name = "iclscale-spark", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {SparkSweepCommand.class},
        description = {"Run an iclscale sweep on Apache Spark: the same grid syntax as `iclscale sweep`, blocks of grid",
            "indices as tasks, output as Parquet, CSV or JSON lines on any Hadoop path, or in index order on stdout."})
public final class SparkSweep implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (expected: sweep VERB ...)");
    }

    public static void main(String[] args) {
        int code;
        try {
            code = execute(new PrintWriter(System.out, false), new PrintWriter(System.err, true), args);
        } finally {
            if (SparkSession.getDefaultSession().isDefined()) {
                SparkSession.getDefaultSession().get().stop();
            }
        }
        System.exit(code);
    }

    /** Runs the command line with the given streams and returns the exit code (the tests' entry). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = Main.configure(new CommandLine(new SparkSweep()));
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
