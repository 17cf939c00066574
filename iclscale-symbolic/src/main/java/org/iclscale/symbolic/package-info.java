/**
 * Symbolic side of ICLScale: the only package that imports Symja. {@link org.iclscale.symbolic.SymbolicEngine}
 * (lazy, quiet, thread-safe) evaluates, simplifies, prints TeX/Mathematica and compiles expressions to fast
 * Java functions; {@link org.iclscale.symbolic.FormulaLibrary} loads the theory's formula files from
 * {@code formulas/} on the class path; {@link org.iclscale.symbolic.IsoClosedForms} derives the exact ISO
 * optimum from them.
 */
package org.iclscale.symbolic;
