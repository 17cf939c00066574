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
 *       two-point equivalent (E1)-(E3) of deteq-general.md) by a double contour integral.</li>
 *   <li>{@link org.iclscale.deteq.Floors}: the width floor (t, L, P → ∞) and the context floor
 *       (t, L, N → ∞, min-norm interpolation).</li>
 *   <li>{@link org.iclscale.deteq.StructuredLandscapes}: the {@code GammaLandscape}s the CLI uses, each
 *       naming its regime and method.</li>
 * </ul>
 * Limits (stated, not hidden): the contour route needs |f| bounded on a contour around the spectrum, so
 * very large γ·L at finite P is refused with exit 1 ({@link org.iclscale.deteq.TwoPointContour#MAX_GROWTH});
 * the label-noise term at finite N &lt; D and finite P has no validated equivalent and is computed by Monte
 * Carlo; all equivalents are asymptotic and sit ~0.2-3 % (D = 200-400) and up to ~8 % (D = 64, N = 8) below
 * finite-size Monte Carlo (notes §8 item 13; deteq-general.md §4c).
 * Conventions: α = P/D always; inside this package the width ratio N/D is called {@code widthRatio} and
 * q = D/P (q = 0 means P = ∞). Solvers that fail throw {@link org.iclscale.core.ComputationException}.
 */
package org.iclscale.deteq;
