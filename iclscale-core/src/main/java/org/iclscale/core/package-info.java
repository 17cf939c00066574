/**
 * Value types and error types shared by every package: the {@link org.iclscale.core.Setting data setting},
 * {@link org.iclscale.core.Depth depth}, {@link org.iclscale.core.Gamma step-size scale}, input parsing with
 * range checks ({@link org.iclscale.core.Inputs}) and the two failure kinds the command line maps to exit
 * codes: {@link org.iclscale.core.InvalidInputException} (2) and {@link org.iclscale.core.ComputationException} (1).
 * {@link org.iclscale.core.Expression} is the one numeric expression evaluator (user exponents and the
 * arithmetic of the formula files, without Symja).
 * Depends on nothing else in the project.
 */
package org.iclscale.core;
