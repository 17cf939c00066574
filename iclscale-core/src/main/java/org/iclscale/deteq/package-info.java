/**
 * Deterministic equivalents for the reduced-Γ loss of the structured settings at finite width N and/or
 * finite context P (paper §4, Result 7, App. A, F.4-F.5; notes §3.5 and theory/deteq-general.md).
 *
 * <ul>
 *   <li>{@link org.iclscale.deteq.Subordination}: the τ-transform t(κ) = tr Λ(Λ+κ)^{-1} and its inverse,
 *       the free-product (S-transform product) rule, the structured-Wishart equation and the rank-N
 *       projection, solved by Newton with continuation in z from the positive real axis and an explicit
 *       branch choice; every solve reports a {@link org.iclscale.deteq.SolveReport}.</li>
 *   <li>{@link org.iclscale.deteq.OnePointDensity}: P = ∞, any N (one-point density method).</li>
 *   <li>{@link org.iclscale.deteq.TwoPointContour}: finite P (N = D: structured Wishart; N &lt; D: the
 *       two-point equivalent (E1)-(E3) of deteq-general.md) by a double contour integral; the label-noise term at
 *       any width by the one-point contour (N2) of deteq-noise.md.</li>
 *   <li>{@link org.iclscale.deteq.Floors}: the width floor (t, L, P → ∞) and the context floor
 *       (t, L, N → ∞, min-norm interpolation).</li>
 *   <li>{@link org.iclscale.deteq.StructuredLandscapes}: the {@code GammaLandscape}s the CLI uses, each
 *       naming its regime and method.</li>
 * </ul>
 * Limits (stated, not hidden): the contour route needs |f| bounded on a contour around the spectrum, so
 * very large γ·L at finite P is refused with exit 1 ({@link org.iclscale.deteq.TwoPointContour#MAX_GROWTH});
 * the stability edges are 2L/s₊ with s₊ the top of the equivalent's support, above which the sample λ_max of a
 * finite-D draw can still fall (the top band of a power-law spectrum holds O(1) eigenvalues); all equivalents
 * are asymptotic and sit below finite-size Monte Carlo by an offset that shrinks with D, measured by regime in
 * {@link org.iclscale.deteq.StructuredLandscapes} and README "Finite width N and context P".
 * Conventions: α = P/D always; inside this package the width ratio N/D is called {@code widthRatio} and
 * q = D/P (q = 0 means P = ∞). Solvers that fail throw {@link org.iclscale.core.ComputationException}.
 */
package org.iclscale.deteq;
