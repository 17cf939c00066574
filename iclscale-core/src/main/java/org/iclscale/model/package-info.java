/**
 * The model layer: the theory as a library (issue 11). Everything above it — the command line, {@code serve}, the
 * Python package, sweeps, Spark, the figures — is a thin adapter over {@link org.iclscale.model.Theory}.
 *
 * <ul>
 *   <li>{@link org.iclscale.model.ModelSpec}: an immutable, validated description of a model — setting (ISO, FS,
 *       RRS), spectrum ({@link org.iclscale.model.SpectrumSpec}: {@link org.iclscale.model.Isotropic},
 *       {@link org.iclscale.model.PowerLaw}, {@link org.iclscale.model.ExplicitSpectrum},
 *       {@link org.iclscale.model.Continuum}), width N and context α = P/D ({@link org.iclscale.core.Extent}, one
 *       meaning of ∞), depth L ({@link org.iclscale.core.Depth}) and label noise σ; built with
 *       {@code ModelSpec.iso().alpha(0.5).depth(16).sigma(0.5).build()}.</li>
 *   <li>{@link org.iclscale.model.Regime} and {@link org.iclscale.model.Landscapes}: the one place that decides
 *       how a spec is computed (Marchenko–Pastur quadrature, mode sum, continuum, one-point density, two-point
 *       contour, structured Wishart, Monte Carlo) under the caller's {@link org.iclscale.model.Method} (the regime's
 *       theory, or an explicit Monte Carlo of the defining model); its regime table is the javadoc of
 *       {@link org.iclscale.model.Landscapes#regime}.</li>
 *   <li>{@link org.iclscale.model.Theory}: the facade — risk, optimum, floor, landscape, flow, simulate, the
 *       Monte Carlo check at the user's D, train, SGD, OOD, shape, exponents — returning immutable typed results ({@code *Result}) that carry their regime,
 *       method and diagnostics.</li>
 *   <li>{@link org.iclscale.model.ModelProbe}: the model as a source of values at points, for checking a hand
 *       derivation or an asymptotic claim ({@code check --against-model}, {@link org.iclscale.check});
 *       {@link org.iclscale.model.FrontierProbe} the compute-optimal frontier (optimal loss and allocations at a
 *       budget C) as such a source, for a claim in C ({@code check --scaling --along frontier}).</li>
 * </ul>
 * Domain errors name parameters ({@code alpha}, {@code depth}), never command-line flags: the command line maps
 * them ({@code cli.OptionNames}).
 */
package org.iclscale.model;
