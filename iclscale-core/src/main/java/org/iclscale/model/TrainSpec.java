package org.iclscale.model;

import java.util.Locale;
import java.util.Objects;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.QueryLabels;
import org.iclscale.core.Setting;

/**
 * One pretraining run by online SGD, validated once: the data model ({@link ModelSpec}: setting, spectrum, α, L, σ;
 * width ∞), the trained architecture (the reduced Γ of paper §2.2 or the full linear attention of §2.1), the input
 * dimension D, the batch shape κ = K/D (queries per context) and τ = B/D (contexts per step), the learning rate η,
 * the number of steps n and the measuring stride, the seed, tied or untied layers, the test contexts of each
 * loss measurement, the initialisation, whether the full model's readout is trained, and the query-label
 * convention of the batches.
 *
 * <pre>{@code
 * TrainSpec.builder(ModelSpec.iso().alpha(1).depth(2).build(), TrainSpec.Architecture.REDUCED)
 *         .dim(32).eta(0.05).steps(200).build();
 * TrainSpec.builder(ModelSpec.rrs(PowerLaw.of(1.5, 0.8, 32)).alpha(4).depth(2).build(), TrainSpec.Architecture.FULL)
 *         .eta(0.02).steps(200).tau(2).build();   // D = the spectrum's 32 modes
 * }</pre>
 *
 * The sizes the simulator allocates are derived here, once: P = max(1, round(αD)) pairs and K = max(1, round(κD))
 * queries per context, B = max(1, round(τD)) contexts per step. Each must be an integer whose matrices fit
 * ({@link #MAX_ENTRIES} doubles: P·D, K·D, B·L·D and the Γ matrices L_g·D²); the error names the parameter that
 * made it too large. Errors name parameters ({@code alpha}, {@code tau}, {@code trainReadout}), never options.
 */
public record TrainSpec(ModelSpec model, Architecture architecture, int dim, double kappa, double tau, double eta,
        int steps, int every, long seed, boolean untied, int testContexts, double init, boolean trainReadout,
        QueryLabels queryLabels) {

    /** The trained model. */
    public enum Architecture {
        /** The reduced model: L preconditioned in-context GD steps with trained Γ (paper §2.2). */
        REDUCED,
        /** Deep linear attention of residual width D + 1 (paper §2.1). */
        FULL;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Architecture parse(String text) {
            for (Architecture a : values()) {
                if (a.cliName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return a;
                }
            }
            throw new InvalidInputException("model", text, "reduced or full");
        }
    }

    /** Largest D of the reduced model. */
    public static final int MAX_REDUCED_DIM = 100_000;
    /** Largest D of full attention (its N×N weights, N = D + 1, are dense per layer). */
    public static final int MAX_FULL_DIM = 512;
    /** Largest depth of a training run. */
    public static final int MAX_DEPTH = 4096;
    /** Largest number of SGD steps. */
    public static final int MAX_STEPS = 100_000_000;
    /** Largest number of test contexts per loss measurement. */
    public static final int MAX_TEST_CONTEXTS = 10_000_000;
    /** Largest number of doubles in one matrix of the simulator (400 MB): P·D, K·D, B·L·D, L_g·D². */
    public static final long MAX_ENTRIES = 50_000_000L;

    public TrainSpec {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(queryLabels, "queryLabels");
        boolean full = architecture == Architecture.FULL;
        int maxDim = full ? MAX_FULL_DIM : MAX_REDUCED_DIM;
        if (dim < 1 || dim > maxDim) {
            throw new InvalidInputException("dim", dim, "an integer in [1, " + maxDim + "]");
        }
        if (model.alpha().infinite()) {
            throw new InvalidInputException("alpha", "inf", "a finite number > 0 for training (alpha is required)");
        }
        if (model.depth().infinite()) {
            throw new InvalidInputException("depth", "inf", "a finite integer >= 1 for training");
        }
        int layers = model.depth().steps();
        if (layers > MAX_DEPTH) {
            throw new InvalidInputException("depth", layers, "an integer in [1, " + MAX_DEPTH + "] for training");
        }
        if (model.width().finite()) {
            throw new InvalidInputException("width", model.width(), "inf for training (the trained models have no "
                    + "width bottleneck)");
        }
        if (model.setting() != Setting.ISO) {
            if (!(model.spectrum() instanceof FiniteSpectrum f)) {
                throw new InvalidInputException("continuum", "not available for training (the simulator needs a finite "
                        + "list of modes: give dim)");
            }
            if (f.dim() != dim) {
                throw new InvalidInputException("dim", dim, f.dim() + ", the number of modes of the spectrum");
            }
        }
        requirePositive("kappa", kappa);
        requirePositive("tau", tau);
        requirePositive("eta", eta);
        if (steps < 0 || steps > MAX_STEPS) {
            throw new InvalidInputException("steps", steps, "an integer in [0, " + MAX_STEPS + "]");
        }
        if (every < 1) {
            throw new InvalidInputException("every", every, "an integer >= 1");
        }
        if (testContexts < 2 || testContexts > MAX_TEST_CONTEXTS) {
            throw new InvalidInputException("testContexts", testContexts, "an integer in [2, " + MAX_TEST_CONTEXTS + "]");
        }
        if (full ? !(init > 0) || !Double.isFinite(init) : !(init >= 0) || !Double.isFinite(init)) {
            throw new InvalidInputException("init", init, full ? "a finite number > 0 (the balanced scale s of full "
                    + "attention)" : "a finite number >= 0 (Gamma(0) = init*I)");
        }
        if (trainReadout && !full) {
            throw new InvalidInputException("trainReadout", "true", "false for model reduced (only full attention has "
                    + "the readout weights w_y, w_o)");
        }
        // the sizes the simulator allocates (issue 18: an overflowing round(alpha*D) was a negative array size)
        if (!full) {
            long groups = untied ? layers : 1;
            if ((long) dim * dim * groups > MAX_ENTRIES) {
                throw new InvalidInputException("dim", dim, "an integer with " + (untied ? "L*" : "") + "D^2 <= "
                        + MAX_ENTRIES + " (the " + (untied ? "L untied" : "tied") + " D x D matrices Gamma)");
            }
        }
        long perRow = MAX_ENTRIES / dim;
        requireSize("alpha", model.alpha().value(), dim, "P = round(alpha*D)", perRow, "P*D");
        requireSize("kappa", kappa, dim, "K = round(kappa*D)", perRow, "K*D");
        requireSize("tau", tau, dim, "B = round(tau*D)", perRow / layers, "B*L*D");
    }

    private static void requirePositive(String parameter, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new InvalidInputException(parameter, value, "a finite number > 0");
        }
    }

    /** max(1, round(ratio·D)) must lie in [1, max]: the message states the range of the ratio's size. */
    private static void requireSize(String parameter, double ratio, int dim, String size, long max, String entries) {
        double rows = Math.max(1, Math.floor(ratio * dim + 0.5)); // = max(1, round(ratio*D)) without overflow
        if (!(rows <= max)) {
            throw new InvalidInputException(parameter, ratio, "a number > 0 with " + size + " an integer in [1, " + max
                    + "] at D = " + dim + " (" + entries + " <= " + MAX_ENTRIES + " entries)");
        }
    }

    /** A builder for a run of {@code architecture} on the data model {@code model}. */
    public static Builder builder(ModelSpec model, Architecture architecture) {
        return new Builder(model, architecture);
    }

    /** L. */
    public int layers() {
        return model.depth().steps();
    }

    /** P = max(1, round(αD)): the pairs per context. */
    public int contextLength() {
        return size(model.alpha().value());
    }

    /** K = max(1, round(κD)): the queries per context. */
    public int queries() {
        return size(kappa);
    }

    /** B = max(1, round(τD)): the contexts per SGD step. */
    public int batch() {
        return size(tau);
    }

    private int size(double ratio) {
        return (int) Math.max(1, Math.round(ratio * dim));
    }

    /** The realised context ratio P/D (the FS/RRS theories are evaluated there). */
    public double realisedAlpha() {
        return (double) contextLength() / dim;
    }

    /**
     * Gradient-flow time per SGD step in dΓ/dt = −½ ∂𝓛/∂Γ: η (tied reduced model, full attention), η/L (untied
     * reduced layers: each Γ^ℓ receives 1/L of d𝓛/dγ; {@link org.iclscale.simulate.ReducedModelTrainer}).
     */
    public double flowTimePerStep() {
        return untied && architecture == Architecture.REDUCED ? eta / layers() : eta;
    }

    public boolean full() {
        return architecture == Architecture.FULL;
    }

    /** Builds a {@link TrainSpec}; κ = τ = 1, seed 1, 200 test contexts, tied, noisy query labels by default. */
    public static final class Builder {
        private final ModelSpec model;
        private final Architecture architecture;
        private Integer dim;
        private double kappa = 1;
        private double tau = 1;
        private Double eta;
        private Integer steps;
        private Integer every;
        private long seed = 1;
        private boolean untied;
        private int testContexts = 200;
        private Double init;
        private boolean trainReadout;
        private QueryLabels queryLabels = QueryLabels.NOISY;

        private Builder(ModelSpec model, Architecture architecture) {
            this.model = Objects.requireNonNull(model, "model");
            this.architecture = Objects.requireNonNull(architecture, "architecture");
            if (model.spectrum() instanceof FiniteSpectrum f) {
                dim = f.dim();
            }
        }

        /** D (FS/RRS: defaults to the spectrum's number of modes, and must equal it). */
        public Builder dim(int d) {
            this.dim = d;
            return this;
        }

        public Builder kappa(double k) {
            this.kappa = k;
            return this;
        }

        public Builder tau(double t) {
            this.tau = t;
            return this;
        }

        public Builder eta(double e) {
            this.eta = e;
            return this;
        }

        public Builder steps(int n) {
            this.steps = n;
            return this;
        }

        /** Measure every k steps (default max(1, steps/50)); the last step is always measured. */
        public Builder every(int k) {
            this.every = k;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder untied(boolean u) {
            this.untied = u;
            return this;
        }

        public Builder testContexts(int n) {
            this.testContexts = n;
            return this;
        }

        /** γ₀ of Γ(0) = γ₀I (reduced, default 0) or the balanced scale s of full attention (default 0.5). */
        public Builder init(double x) {
            this.init = x;
            return this;
        }

        public Builder trainReadout(boolean t) {
            this.trainReadout = t;
            return this;
        }

        public Builder queryLabels(QueryLabels q) {
            this.queryLabels = Objects.requireNonNull(q, "queryLabels");
            return this;
        }

        public TrainSpec build() {
            if (dim == null) {
                throw new InvalidInputException("dim", "missing: the input dimension D is required for setting iso");
            }
            if (eta == null) {
                throw new InvalidInputException("eta", "missing: the learning rate is required");
            }
            if (steps == null) {
                throw new InvalidInputException("steps", "missing: the number of SGD steps is required");
            }
            int stride = every == null ? Math.max(1, steps / 50) : every;
            double start = init == null ? (architecture == Architecture.FULL ? 0.5 : 0.0) : init;
            return new TrainSpec(model, architecture, dim, kappa, tau, eta, steps, stride, seed, untied, testContexts,
                    start, trainReadout, queryLabels);
        }
    }
}
