package org.iclscale.sweep;

import java.util.List;

/**
 * One point of a {@link Grid}: its index (0-based, row-major) and, per axis, the typed value and its label.
 * {@link #describe()} names it in messages ({@code --alpha 0.5 --depth 3}).
 */
public record Point(long index, long gridSize, List<Axis> axes, int[] coordinates) {

    public Point {
        coordinates = coordinates.clone();
    }

    /** The typed value on axis {@code axis}. */
    public Object value(int axis) {
        return axes.get(axis).values().get(coordinates[axis]);
    }

    /** The label of the value on axis {@code axis}. */
    public String label(int axis) {
        return axes.get(axis).labels().get(coordinates[axis]);
    }

    /** The position of this point on axis {@code axis}. */
    public int coordinate(int axis) {
        return coordinates[axis];
    }

    /** "--alpha 0.5 --depth 3": every axis name followed by this point's label. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < axes.size(); i++) {
            sb.append(i == 0 ? "" : " ").append(axes.get(i).name()).append(' ').append(label(i));
        }
        return sb.toString();
    }

    /** "point 2 of 3 (--alpha -1)": the 1-based position in the whole grid and the values (for error messages). */
    public String where() {
        return "point " + (index + 1) + " of " + gridSize + (axes.isEmpty() ? "" : " (" + describe() + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Point p && p.index == index && p.axes.equals(axes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(index) * 31 + axes.hashCode();
    }

    @Override
    public String toString() {
        return where();
    }
}
