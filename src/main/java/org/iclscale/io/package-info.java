/**
 * Output: the {@link org.iclscale.io.Report} result record and its writers for {@code --format
 * table|csv|json|tex}. Writers never print NaN or Infinity: a non-finite number is a computation failure.
 */
package org.iclscale.io;
