/**
 * Output: the {@link org.iclscale.io.Report} result record and its writers for {@code --format
 * table|csv|json|tex}. Writers never print NaN or Infinity: a non-finite number is a computation failure.
 * Input: {@link org.iclscale.io.CsvTable} (data for {@code plot}) and {@link org.iclscale.io.FormulaFiles}, the one
 * plain-Java reader of the packaged {@code formulas/*.m} files (used by {@code scaling} and {@code symbolic}).
 */
package org.iclscale.io;
