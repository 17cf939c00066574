/**
 * Symbolic side of ICLScale: the only package that imports Symja. {@link org.iclscale.symbolic.SymbolicEngine}
 * (lazy, quiet, thread-safe) evaluates, simplifies, prints TeX/Mathematica and compiles expressions to fast
 * Java functions; {@link org.iclscale.symbolic.FormulaLibrary} loads the theory's formula files from
 * {@code formulas/} on the class path; {@link org.iclscale.symbolic.IsoClosedForms} derives the exact ISO
 * optimum from them; {@code AsymptoticSeries} expands closed forms as L → ∞ through
 * ε = 1/L ({@code derive --series}). User text is parsed into a tree and checked against an allow-list of heads
 * ({@link org.iclscale.symbolic.ExpressionPolicy}, {@code ExpressionGuard}) before anything is
 * evaluated, under time and size limits (issue 18).
 */
package org.iclscale.symbolic;
