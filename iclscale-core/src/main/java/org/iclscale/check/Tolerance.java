package org.iclscale.check;

/**
 * When two values count as equal (issue 16: a true relative test with a separate absolute floor): |c − r| ≤
 * max(relative · max(|c|, |r|), absoluteFloor) + z · √(se_c² + se_r²), with z = {@link #STANDARD_ERRORS} for
 * sources that carry a standard error (0 for exact ones). The floor only decides where both values are so small
 * that the relative test is meaningless (a 0 that comes out as 1e-17); it is printed with every verdict.
 */
public record Tolerance(double relative, double absoluteFloor) {

    /** Allowance in standard errors for sampled sources (Monte Carlo). */
    public static final double STANDARD_ERRORS = 3;

    public Tolerance {
        if (!(relative > 0 && relative < 1)) {
            throw new IllegalArgumentException("relative tolerance must be in (0, 1): " + relative);
        }
        if (!(absoluteFloor >= 0) || Double.isInfinite(absoluteFloor)) {
            throw new IllegalArgumentException("absolute floor must be finite and >= 0: " + absoluteFloor);
        }
    }

    /** The largest |c − r| accepted for these two samples. */
    public double allowance(Sample candidate, Sample reference) {
        double scale = Math.max(Math.abs(candidate.value()), Math.abs(reference.value()));
        return Math.max(relative * scale, absoluteFloor)
                + STANDARD_ERRORS * Math.hypot(candidate.standardError(), reference.standardError());
    }

    /** Whether the floor (not the relative test) accepts this difference. */
    public boolean onlyByFloor(Sample candidate, Sample reference) {
        double d = Math.abs(candidate.value() - reference.value());
        double scale = Math.max(Math.abs(candidate.value()), Math.abs(reference.value()));
        double sampling = STANDARD_ERRORS * Math.hypot(candidate.standardError(), reference.standardError());
        return d > relative * scale + sampling && d <= absoluteFloor + sampling;
    }
}
