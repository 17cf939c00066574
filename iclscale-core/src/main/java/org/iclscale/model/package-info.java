/**
 * The front door of the library: a validated {@link org.iclscale.model.ModelSpec} (setting, spectrum, width N,
 * context α = P/D, depth L, σ), the one dispatcher {@link org.iclscale.model.Landscapes} that decides the
 * {@link org.iclscale.model.Regime} of a spec (under the caller's {@link org.iclscale.model.Method}: the regime's
 * theory, or an explicit Monte Carlo of the defining model), and the {@link org.iclscale.model.Theory} facade whose
 * methods return immutable typed results (risk, optimum, landscape, floors, flows, simulation, the Monte Carlo check
 * at the user's D, training theory) carrying their spec, regime, method, diagnostics and notes.
 */
package org.iclscale.model;
