package org.iclscale.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.iclscale.core.InvalidInputException;
import org.iclscale.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/**
 * {@link ProjectionAverage#nested} gives the same doubles as constructing each (width, depth) model on its own
 * (the former route, one set of frames per model): widths in any order and repeated, several depths per width, σ > 0.
 */
class ProjectionAverageNestedTest {

    @Test
    void nestedEqualsEachOnItsOwn() {
        Spectrum s = Spectrum.powerLaw(1.25, 0.75, 40);
        int[] widths = {8, 3, 16, 8, 39};
        int[] depths = {2, 1, 5, 7, 3};
        ProjectionAverage[] nested = ProjectionAverage.nested(s, widths, depths, 0.3, 12, 5);
        for (int i = 0; i < widths.length; i++) {
            ProjectionAverage own = new ProjectionAverage(s, widths[i], depths[i], 0.3, 12, 5);
            ProjectionAverage n = nested[i];
            String at = "N = " + widths[i] + ", L = " + depths[i];
            assertEquals(own.stabilityEdge(), n.stabilityEdge(), 0.0, at);
            assertEquals(own.widthFloor(), n.widthFloor(), 0.0, at);
            assertEquals(own.method(), n.method(), at);
            double edge = own.stabilityEdge();
            for (double f : new double[] {0, 0.013, 0.1, 0.37, 0.5, 0.81, 1, 1.2}) {
                double g = f * edge;
                assertEquals(own.loss(g), n.loss(g), 0.0, at + ", gamma " + g);
                assertEquals(own.lossDerivative(g), n.lossDerivative(g), 0.0, at + ", gamma " + g);
                assertEquals(own.standardError(g), n.standardError(g), 0.0, at + ", gamma " + g);
            }
        }
    }

    @Test
    void nestedValidatesEachModel() {
        Spectrum s = Spectrum.powerLaw(1.25, 0.75, 10);
        assertThrows(InvalidInputException.class, () -> ProjectionAverage.nested(s, new int[] {4, 10}, new int[] {1, 1}, 0, 4, 1));
        assertThrows(InvalidInputException.class, () -> ProjectionAverage.nested(s, new int[] {4}, new int[] {0}, 0, 4, 1));
        assertThrows(InvalidInputException.class, () -> ProjectionAverage.nested(s, new int[] {4}, new int[] {1, 2}, 0, 4, 1));
        assertThrows(InvalidInputException.class, () -> ProjectionAverage.nested(s, new int[] {4}, new int[] {1}, 0, 1, 1));
    }
}
