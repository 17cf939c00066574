package org.iclscale.bench;

import org.iclscale.core.Setting;
import org.iclscale.simulate.ContextSampler;
import org.iclscale.simulate.FullAttentionTrainer;
import org.iclscale.simulate.ReducedModelTrainer;
import org.iclscale.simulate.Trainer;

/**
 * Timing harness for the pretraining loop, the counterpart of {@code bench/numpy_train.py} (same algorithm,
 * same sizes): SGD steps per second of the reduced-Γ model (tied, ISO), and of full attention for reference.
 * Run after {@code mvn -o test-compile dependency:build-classpath}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.iclscale.bench.TrainBenchmark 64 1 1 1 4 200}
 * (args: D alpha kappa tau L steps [full]). Uses the common fork-join pool (all cores).
 */
public final class TrainBenchmark {

    private TrainBenchmark() {
    }

    public static void main(String[] args) {
        int d = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        double alpha = args.length > 1 ? Double.parseDouble(args[1]) : 1;
        double kappa = args.length > 2 ? Double.parseDouble(args[2]) : 1;
        double tau = args.length > 3 ? Double.parseDouble(args[3]) : 1;
        int depth = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        int steps = args.length > 5 ? Integer.parseInt(args[5]) : 200;
        boolean full = args.length > 6 && args[6].equals("full");
        int p = (int) Math.max(1, Math.round(alpha * d));
        int k = (int) Math.max(1, Math.round(kappa * d));
        int b = (int) Math.max(1, Math.round(tau * d));
        ContextSampler sampler = new ContextSampler(Setting.ISO, d, p, k, 0, null);
        double best = 0;
        double bestCpu = 0;
        double gamma = 0;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int rep = 0; rep < 4; rep++) { // the first repetition is JIT warm-up
            Trainer t = full ? new FullAttentionTrainer(sampler, depth, false, false, 0.02, b, 0.5, rep, 2)
                    : new ReducedModelTrainer(sampler, depth, false, 0.02, b, 0.0, rep, 2);
            long t0 = System.nanoTime();
            long c0 = os.getProcessCpuTime();
            for (int n = 0; n < steps; n++) {
                t.step(n);
            }
            double rate = steps / ((System.nanoTime() - t0) / 1e9);
            double cpuRate = steps / ((os.getProcessCpuTime() - c0) / 1e9); // all threads of the process
            if (rep > 0) {
                best = Math.max(best, rate);
                bestCpu = Math.max(bestCpu, cpuRate);
            }
            gamma = t.observables().get("gamma");
        }
        System.out.printf(java.util.Locale.ROOT, "java %s cores=%d %s D=%d alpha=%s kappa=%s tau=%s L=%d: best %.1f steps/s, %.1f steps per CPU-second, gamma=%.4f%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                full ? "full" : "reduced", d, alpha, kappa, tau, depth, best, bestCpu, gamma);
    }
}
