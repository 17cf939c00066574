/**
 * Finite-dimension Monte Carlo simulators of the reduced-Γ predictor (and, later, pretraining), used to
 * check every theory curve. Matrix–vector products only; seeded, reproducible, parallel over trials.
 */
package org.iclscale.simulate;
