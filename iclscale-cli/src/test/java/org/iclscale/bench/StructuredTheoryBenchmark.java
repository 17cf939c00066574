package org.iclscale.bench;

import java.util.concurrent.TimeUnit;
import org.iclscale.core.Depth;
import org.iclscale.core.Setting;
import org.iclscale.deteq.FsModeLandscape;
import org.iclscale.model.ExplicitSpectrum;
import org.iclscale.model.Landscapes;
import org.iclscale.model.ModelSpec;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.GradientFlow;
import org.iclscale.theory.ModeFlow;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The FS/RRS theory curves of {@code train} at D = 64 (ν = 1.5, β = 0.8, α = 1, L = 4): one FS per-mode loss,
 * one FS gradient, a whole FS per-mode flow to t = 10 (51 output times, D/2 clock) and a whole RRS scalar flow
 * to t = 10. Target: a few seconds per curve. Run: {@code DeteqBenchmarkMain StructuredTheoryBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class StructuredTheoryBenchmark {

    private Spectrum spectrum;
    private FsModeLandscape fs;
    private double[] gamma;
    private double[] times;

    @Setup
    public void setup() {
        spectrum = Spectrum.powerLaw(1.5, 0.8, 64);
        fs = new FsModeLandscape(spectrum, 1.0, Depth.of(4), 0);
        gamma = new double[64];
        for (int k = 0; k < 64; k++) {
            gamma[k] = Math.min(3.0 / spectrum.lambda()[k], 1.5 * Math.sqrt(k + 1.0));
        }
        times = new double[51];
        for (int i = 0; i < times.length; i++) {
            times[i] = 10.0 * i / 50;
        }
    }

    @Benchmark
    public double fsModeLoss() {
        return fs.loss(gamma);
    }

    @Benchmark
    public double[] fsModeGradient() {
        return fs.gradient(gamma);
    }

    @Benchmark
    public double fsModeFlowCurve() {
        return ModeFlow.integrate(fs, new double[64], times, 64).loss()[50];
    }

    @Benchmark
    public double rrsScalarFlowCurve() {
        GammaLandscape rrs = Landscapes.of(ModelSpec.rrs(ExplicitSpectrum.of(spectrum)).alpha(1.0).depth(4).build());
        return GradientFlow.integrate(rrs, times).loss()[50];
    }
}
