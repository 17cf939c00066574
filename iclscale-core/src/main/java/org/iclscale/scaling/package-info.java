/**
 * Scaling exponents and the compute-optimal shape (paper Result 8, App. F; paper-notes §3.3–§3.5, §3.7, §5, §8).
 *
 * <p><b>Tail-sum model.</b> Each asymptotic loss term (one resource R finite, the others infinite) is a sum
 * Σ_k k^{−(1+s)} F(k^{−p} R^q) with weights p_k ~ k^{−(1+s)} (s = νβ) and a filter F, F(0) = 1 (mode not learned),
 * F(u) ~ u^{−m} for u → ∞ (m = ∞ for an exponential filter). Its parameters per term are data in
 * {@code formulas/scaling-exponents.m}. <b>Rule</b> (derived): substituting k = R^{q/p} x,
 * Σ ≈ R^{−qs/p}·(1/p)∫₀^∞ y^{s/p−1} F(y) dy; the Mellin integral converges iff s/p &lt; m (the unlearned tail
 * k &gt; R^{q/p} dominates). Otherwise the learned head dominates, Σ_{k&lt;k*} k^{−(1+s)}(k^{−p}R^q)^{−m} ~ R^{−qm}.
 * Hence the exponent (q/p)·min(s, p·m), e.g. width (q = p = ν, m = 1) ν·min(β, 1), context (m = 2) ν·min(β, 2),
 * depth β, FS time νβ/(νβ+2ν+1) (p = νβ+2ν+1). A term reached by gradient flow on a parameter θ (γ = θ^q):
 * 𝓛(θ) ~ θ^{−a} ⇒ dθ/dt ~ θ^{−a−1} ⇒ 𝓛(t) ~ t^{−a/(a+2)} (RRS time β/(2+β), full attention 5β/(5β+2)).
 *
 * <p><b>Compute-optimal allocation.</b> Minimising Σ c_i x_i^{−a_i} subject to Π x_i^{b_i} = C: the Lagrange
 * conditions a_i c_i x_i^{−a_i} = μ b_i give, with x_i ~ C^{ε_i}, a_i ε_i = e and Σ b_i ε_i = 1, so e = 1/Σ b_i/a_i
 * ({@link org.iclscale.scaling.ComputeOptimal}); symbolically {@code org.iclscale.symbolic.SymbolicScaling} (module
 * iclscale-symbolic) solves the same linear system with Symja's {@code Solve}; this module never imports Symja. Saturation branches enter through the a_i chosen at (ν, β).
 *
 * <p><b>Numeric side.</b> {@link org.iclscale.scaling.ExponentTable} evaluates the rule without Symja
 * ({@link org.iclscale.core.Expression} evaluates the formula parameters). {@link org.iclscale.scaling.ExactLosses}
 * evaluates the exact single-resource losses for the power law at D = ∞ and
 * {@link org.iclscale.scaling.Verification} fits their local slopes. {@link org.iclscale.scaling.FourTermLaw} gives the
 * four-term law with prefactors derived from the same tail sums (Mellin integrals), and
 * {@link org.iclscale.scaling.ShapeOptimizer} the compute-optimal integer shape (Hipparchus BOBYQA + local search).
 * {@link org.iclscale.scaling.ExactJointLoss} is the exact joint loss at finite (t, N, L, P) (gradient flow on the
 * D = ∞ mode sum, the one-point density at finite N or the two-point contour at finite P) and
 * {@link org.iclscale.scaling.ExactShapeOptimizer} minimises it over integer shapes at a budget.
 */
package org.iclscale.scaling;
