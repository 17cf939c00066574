package org.iclscale.sweep;

/**
 * A point of a sweep whose evaluation threw: carries the {@link Point} (index and values) and the original
 * exception as its cause, so the caller can name the point and still map the cause to its own exit code.
 */
public final class PointFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Point point;

    public PointFailedException(Point point, Throwable cause) {
        super(point.where() + ": " + cause.getMessage(), cause);
        this.point = point;
    }

    /** The point that failed. */
    public Point point() {
        return point;
    }
}
