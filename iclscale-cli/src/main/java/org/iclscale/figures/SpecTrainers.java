package org.iclscale.figures;

import org.iclscale.core.Setting;
import org.iclscale.model.ModelSpec;
import org.iclscale.model.TrainSpec;
import org.iclscale.simulate.ContextSampler;
import org.iclscale.simulate.FullAttentionTrainer;
import org.iclscale.simulate.ReducedModelTrainer;
import org.iclscale.simulate.Trainer;

/**
 * The trainer of one overlay run: the simulator {@code Theory.train} runs for a {@link TrainSpec} (reduced Γ of
 * paper §2.2 or full linear attention of §2.1, the batches' query-label convention), with the run's own seed, so
 * that the overlays' SGD and their {@code Theory.trainingTheory} curves describe the same run.
 */
final class SpecTrainers {

    private SpecTrainers() {
    }

    /** The context distribution of the spec: P = round(αD) pairs, K = round(κD) queries, its σ and spectrum. */
    static ContextSampler sampler(TrainSpec spec) {
        ModelSpec m = spec.model();
        return new ContextSampler(m.setting(), spec.dim(), spec.contextLength(), spec.queries(), m.sigma(),
                m.setting() == Setting.ISO ? null : m.finiteSpectrum().spectrum()).withQueryLabels(spec.queryLabels());
    }

    /** A fresh trainer of the spec at Γ(0) (or the balanced start of full attention) drawing batches from seed. */
    static Trainer create(TrainSpec spec, ContextSampler sampler, long seed) {
        return spec.full()
                ? new FullAttentionTrainer(sampler, spec.layers(), spec.untied(), spec.trainReadout(), spec.eta(),
                        spec.batch(), spec.init(), seed, spec.testContexts())
                : new ReducedModelTrainer(sampler, spec.layers(), spec.untied(), spec.eta(), spec.batch(), spec.init(),
                        seed, spec.testContexts());
    }
}
