package org.iclscale.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.iclscale.cli.Main;
import org.iclscale.cli.SweepCommand;
import picocli.CommandLine;

/**
 * The side-by-side measurement of the README's "Larger than one machine" (not a test): in one JVM, the same grid
 * through the in-JVM sweep ({@code --threads 2}) and through the Spark runner in local[2], alternated
 * {@code rounds} times, wall time and process CPU time each; and the fixed cost of starting the SparkSession.
 * Both outputs are compared (they must be equal). Run:
 * {@code java $(spark.jvm.options) -cp iclscale-spark/target/test-classes:iclscale-spark/target/iclscale-spark-0.1.0-all.jar:$(cat iclscale-spark/target/classpath.txt) org.iclscale.spark.SparkVsJvmMeasurement [rounds]}.
 */
public final class SparkVsJvmMeasurement {

    private SparkVsJvmMeasurement() {
    }

    static final String[][] GRIDS = {
        {"risk", "--alpha", "0.1:10:log:100", "--depth", "1:100:lin:100", "--gamma", "0.5"},
        {"risk", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "64", "--width", "8:64:lin:8",
            "--alpha", "0.5:4:log:5", "--depth", "1,2,4,8", "--gamma", "1"},
    };

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        SparkSession spark = SparkSession.builder().master("local[2]").appName("measurement")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        spark.range(0, 2, 1, 2).count(); // the first job: executors' thread pools, closure serializer
        System.out.printf(Locale.ROOT, "spark start-up (session + first job): wall %.2f s, cpu %.2f s%n",
                (System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - c0) / 1e9);
        for (String[] grid : GRIDS) {
            List<String> jvm = new ArrayList<>(List.of("--threads", "2"));
            jvm.addAll(List.of(grid));
            List<String> sp = new ArrayList<>(List.of("sweep", "--master", "local[2]"));
            sp.addAll(List.of(grid));
            long points = -1;
            for (int r = 0; r < rounds; r++) {
                String[] outs = new String[2];
                for (int which = 0; which < 2; which++) {
                    StringWriter out = new StringWriter();
                    long w = System.nanoTime();
                    long c = os.getProcessCpuTime();
                    int code = which == 0 ? jvmSweep(out, jvm) : SparkSweep.execute(new PrintWriter(out),
                            new PrintWriter(System.err, true), sp.toArray(String[]::new));
                    double wall = (System.nanoTime() - w) / 1e9;
                    double cpu = (os.getProcessCpuTime() - c) / 1e9;
                    if (code != 0) {
                        throw new IllegalStateException("exit " + code);
                    }
                    outs[which] = out.toString();
                    points = outs[which].lines().count() - 1;
                    System.out.printf(Locale.ROOT, "%s round %d %-9s %6d points: wall %7.2f s (%9.1f points/s), cpu %7.2f s%n",
                            grid[0] + (grid.length > 8 ? " rrs" : " iso"), r, which == 0 ? "in-JVM" : "spark", points,
                            wall, points / wall, cpu);
                }
                if (!outs[0].equals(outs[1])) {
                    throw new IllegalStateException("Spark output differs from the in-JVM sweep");
                }
            }
        }
        spark.stop();
    }

    private static int jvmSweep(StringWriter out, List<String> args) {
        CommandLine cl = Main.configure(new CommandLine(new SweepCommand()));
        cl.setOut(new PrintWriter(out));
        int code = cl.execute(args.toArray(String[]::new));
        cl.getOut().flush();
        return code;
    }
}
