/**
 * Finite-dimension simulators used to check every theory curve: Monte Carlo of the reduced-Γ predictor
 * ({@link org.iclscale.simulate.IsoSimulator}) and pretraining by online SGD
 * ({@link org.iclscale.simulate.ReducedModelTrainer} for the reduced Γ, tied or untied;
 * {@link org.iclscale.simulate.FullAttentionTrainer} for the full deep linear attention of paper §2.1), on
 * ISO/FS/RRS contexts from {@link org.iclscale.simulate.ContextSampler}, driven by
 * {@link org.iclscale.simulate.TrainingLoop}; the finite-D RRS loss at width N < D and P = ∞ averaged exactly over the
 * task and by Monte Carlo over the projections only ({@link org.iclscale.simulate.ProjectionAverage}, a landscape); the
 * simulator's Haar projection G(GᵀG)⁻¹Gᵀ in {@code HaarProjection}. Matrix–vector products wherever the model allows; seeded and
 * reproducible independently of the thread count (per-context generators, fixed-order reductions).
 */
package org.iclscale.simulate;
