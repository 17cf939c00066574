/**
 * Limiting-loss models of the reduced-Γ transformer: the ISO model (paper Result 1, §3.1 of the notes),
 * online SGD at depth 1 (Result 10), and the generic machinery shared by every setting whose loss is a
 * function of a scalar γ ({@link org.iclscale.theory.GammaLandscape}): global optimum search up to the
 * stability edge and gradient flow dγ/dt = −½ d𝓛/dγ.
 */
package org.iclscale.theory;
