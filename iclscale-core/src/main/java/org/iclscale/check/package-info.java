/**
 * Numeric comparison of two sources of values over a sampled domain, with no computer algebra: the part of
 * {@code check} that does not depend on where the values come from (a user's expression evaluated by the symbolic
 * engine, a stored formula, or the numeric model). {@link org.iclscale.check.PointComparison} draws seeded random
 * points of a list of {@link org.iclscale.check.Interval}s, applies a relative test with a separate absolute
 * floor (and an allowance for sources with a standard error), and returns a {@link org.iclscale.check.Comparison}:
 * verdict, counts, the largest relative difference and the worst counterexample.
 */
package org.iclscale.check;
