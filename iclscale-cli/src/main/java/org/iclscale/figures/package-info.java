/**
 * The theory figures of Bordelon, Letey, Pehlevan (arXiv 2510.01098), each rebuilt from the models of this
 * project with the parameters of paper-notes §6: a {@link org.iclscale.figures.Figure} is a list of panels,
 * each with the CSV data behind it ({@link org.iclscale.io.Report}) and its chart ({@link org.iclscale.plot.Plot}).
 * Used by the {@code figure} verb and the HTML report.
 */
package org.iclscale.figures;
