package org.iclscale.bench;

import org.iclscale.core.Depth;
import org.iclscale.theory.IsoModel;
import org.iclscale.theory.OptimumSearch;

/** Quick timing (not a test): raw optimum search over the 10^4-point grid of the sweep benchmark. */
public final class SweepTiming {
    public static void main(String[] args) {
        for (int rep = 0; rep < 2; rep++) {
            long t0 = System.nanoTime();
            long c0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            int evals = 0;
            for (int i = 0; i < 100; i++) {
                double a = 0.1 * Math.pow(100, i / 99.0);
                for (int l = 1; l <= 100; l++) {
                    evals += OptimumSearch.minimise(new IsoModel(a, Depth.of(l), 0)).evaluations();
                }
            }
            System.out.printf("raw: %.2f s wall, %.2f s cpu, %d evaluations%n", (System.nanoTime() - t0) / 1e9, (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0) / 1e9, evals);
        }
    }
}
