package org.iclscale.check;

import java.util.Map;

/**
 * The outcome of a {@link PointComparison}: the verdict, how many points were compared, skipped (the reference had
 * no value there) or passed only by the absolute floor, the largest relative and absolute differences, and the
 * worst counterexample (largest relative difference; a candidate without a real value counts as infinitely far).
 *
 * @param verdict EQUAL at every compared point, DIFFERENT at some, UNDECIDED when no point could be compared
 * @param pointsChecked points where the reference had a value (the candidate's was compared with it)
 * @param pointsSkipped points where the reference had no value
 * @param pointsWithinFloor compared points that passed by the absolute floor only (relative test failed)
 * @param candidateEverReal whether the candidate had a real value at some compared point
 * @param maxRelativeDifference max of |c − r|/max(|c|, |r|) over the points not decided by the floor (0 if none)
 * @param maxAbsoluteDifference max of |c − r| over the points where both were real
 * @param worst the worst failing point, or null when EQUAL
 * @param tolerance the test used
 * @param seed the seed of the points
 */
public record Comparison(Verdict verdict, int pointsChecked, int pointsSkipped, int pointsWithinFloor,
        boolean candidateEverReal, double maxRelativeDifference, double maxAbsoluteDifference, Counterexample worst,
        Tolerance tolerance, long seed) {

    /** EQUAL, DIFFERENT, or UNDECIDED (nothing compared). */
    public enum Verdict {
        EQUAL, DIFFERENT, UNDECIDED;

        /** "equal", "different", "undecided" (the CLI's spelling). */
        public String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A point where the two sources disagree, with both samples. */
    public record Counterexample(Map<String, Double> point, Sample candidate, Sample reference,
            double relativeDifference, double absoluteDifference) {

        public Counterexample {
            point = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(point));
        }
    }
}
