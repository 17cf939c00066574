/**
 * Drawing: {@link org.iclscale.plot.Plot} renders curves as PNG and SVG with XChart (the {@code plot} and
 * {@code figure} verbs) and {@link org.iclscale.plot.HtmlReport} assembles the tour's HTML page. The only package
 * that depends on a plotting library, so the numerics in {@code iclscale-core} stay free of it.
 */
package org.iclscale.plot;
