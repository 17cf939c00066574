package org.iclscale.bench;

import java.util.concurrent.TimeUnit;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.iclscale.core.Depth;
import org.iclscale.spectrum.MarchenkoPastur;
import org.iclscale.theory.IsoModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The curve of {@code landscape --alpha A --depth 64 --points 2000} (loss at γ/L = edge·i/2000), computed
 * (a) by the exact Gauss–Chebyshev route of {@link IsoModel} and (b) by an adaptive-quadrature
 * implementation of the same curve: Hipparchus {@link IterativeLegendreGaussIntegrator} on the
 * Marchenko–Pastur density (plus the zero atom) after the substitution λ = (λ₋+λ₊)/2 − (λ₊−λ₋)/2·cos φ,
 * relative accuracy 1e-10. Target: (a) ≥ 5× faster than (b).
 * (b) is checked against (a) in {@link #setup} so the comparison is between equal curves.
 * Run with bench/run-jmh.sh LandscapeBenchmark.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class LandscapeBenchmark {

    static final int POINTS = 2000;
    static final int DEPTH = 64;

    @Param({"1", "2"})
    double alpha;

    @Param({"0", "0.5"})
    double sigma;

    IsoModel model;
    MarchenkoPastur law;
    double edgePerLayer;

    @Setup
    public void setup() {
        model = new IsoModel(alpha, Depth.of(DEPTH), sigma);
        law = model.law();
        edgePerLayer = model.stabilityEdge() / DEPTH;
        double[] exact = exact();
        double[] adaptive = adaptive();
        for (int i = 0; i < POINTS; i++) {
            if (Math.abs(exact[i] - adaptive[i]) > 1e-8 * Math.max(1e-3, exact[i])) {
                throw new IllegalStateException("adaptive and exact curves differ at " + i + ": " + adaptive[i] + " vs " + exact[i]);
            }
        }
    }

    @Benchmark
    public double[] exact() {
        double[] loss = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            loss[i] = model.loss(edgePerLayer * (i + 1) / POINTS * DEPTH);
        }
        return loss;
    }

    @Benchmark
    public double[] adaptive() {
        double[] loss = new double[POINTS];
        double s2 = sigma * sigma;
        double lo = law.lowerEdge();
        double hi = law.upperEdge();
        double mid = (lo + hi) / 2;
        double half = (hi - lo) / 2;
        for (int i = 0; i < POINTS; i++) {
            double c = edgePerLayer * (i + 1) / POINTS;
            // the usual substitution λ = mid − half·cos φ removes the square-root edges of the density (and
            // the 1/√λ edge at α = 1), which a Legendre–Gauss rule cannot resolve at any useful tolerance
            IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(16, RELATIVE, ABSOLUTE);
            double bulk = integrator.integrate(Integer.MAX_VALUE, phi -> {
                double lambda = mid - half * Math.cos(phi);
                double xl = Math.pow(1 - c * lambda, DEPTH);
                double value = xl * xl + (lambda > 0 ? s2 / alpha * (1 - xl) * (1 - xl) / lambda : 0);
                return law.density(lambda) * half * Math.sin(phi) * value;
            }, 0, Math.PI);
            loss[i] = s2 + law.zeroAtomMass() + bulk;
        }
        return loss;
    }

    static final double RELATIVE = 1e-10;
    static final double ABSOLUTE = 1e-14;
}
