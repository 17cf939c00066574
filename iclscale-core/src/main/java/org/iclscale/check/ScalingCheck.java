package org.iclscale.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iclscale.core.ComputationException;
import org.iclscale.core.InvalidInputException;
import org.iclscale.scaling.ExactLosses;

/**
 * Is a claimed power law the model's asymptotics ({@code check --scaling CLAIM --as X})? Both the model and the
 * claim are evaluated on a geometric sequence x₀ … x_{n−1} of X; over every window of three consecutive points the
 * local exponent −d ln Q/d ln X is fitted by least squares ({@link ExactLosses#fittedSlope}, the fit of
 * {@code exponents --verify}). The measured exponent is the model's in the last window, its drift the change from
 * the window before (the approach to the asymptote still under way), and the claim's exponent is fitted the same
 * way at the same points (so a claim with corrections, c·L^{−β}(1 + a/L), is judged at the same X). Verdict:
 * {@code agrees} when |measured − claimed| ≤ tolerance·max(|claimed|, 0.01) + |drift|, else {@code differs}; the
 * prefactor, where the claim has one, is model/claim at the last point with the prefactor set to 1.
 */
public final class ScalingCheck {

    /** Fewest distinct points: two windows of three (a measured exponent and its drift). */
    public static final int MIN_POINTS = 4;

    /** One window of three points: its X range and both fitted exponents. */
    public record Window(double from, double to, double modelExponent, double claimExponent) {
    }

    /**
     * @param variable X
     * @param x the points of X
     * @param model the model's values
     * @param claim the claim's values (prefactor 1)
     * @param windows the local exponents, smallest X first
     * @param measured the model's exponent in the last window
     * @param claimed the claim's exponent in the last window
     * @param drift measured minus the model's exponent in the window before
     * @param prefactor model/claim at the last point (NaN without a prefactor)
     * @param allowance the largest accepted |measured − claimed|
     * @param agrees the verdict
     */
    public record Result(String variable, double[] x, double[] model, double[] claim, List<Window> windows,
            double measured, double claimed, double drift, double prefactor, double allowance, boolean agrees) {

        public Result {
            x = x.clone();
            model = model.clone();
            claim = claim.clone();
            windows = List.copyOf(windows);
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] model() {
            return model.clone();
        }

        @Override
        public double[] claim() {
            return claim.clone();
        }

        public String verdict() {
            return agrees ? "agrees" : "differs";
        }
    }

    private ScalingCheck() {
    }

    /**
     * The geometric sequence of {@code points} values from {@code from} to {@code to} (rounded and deduplicated for
     * an integer variable); an {@link InvalidInputException} of {@code vary} when fewer than {@link #MIN_POINTS}
     * distinct values remain.
     */
    public static double[] sequence(String variable, double from, double to, int points, boolean integer) {
        if (!(from > 0 && to > from) || Double.isInfinite(to)) {
            throw new InvalidInputException("vary", variable + "=" + from + ":" + to,
                    "a range 0 < from < to < inf of " + variable + " (a geometric sequence)");
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            double v = from * Math.pow(to / from, i / (double) (points - 1));
            v = integer ? Math.rint(v) : v;
            if (out.isEmpty() || v > out.get(out.size() - 1)) {
                out.add(v);
            }
        }
        if (out.size() < MIN_POINTS) {
            throw new InvalidInputException("vary", variable + "=" + from + ":" + to, "a range with at least "
                    + MIN_POINTS + " distinct " + (integer ? "integer " : "") + "points (got " + out.size() + ")");
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Runs the check.
     *
     * @param variable X
     * @param x its points ({@link #sequence})
     * @param fixed the other variables of every point
     * @param model the model source
     * @param claim the claim source, prefactor set to 1 in {@code fixed} by the caller
     * @param hasPrefactor whether the claim has a prefactor to report
     * @param tolerance relative tolerance on the exponent, in (0, 1)
     */
    public static Result run(String variable, double[] x, Map<String, Double> fixed, PointComparison.Source model,
            PointComparison.Source claim, boolean hasPrefactor, double tolerance) {
        int n = x.length;
        double[] m = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            Map<String, Double> point = new LinkedHashMap<>(fixed);
            point.put(variable, x[i]);
            m[i] = positive(model.at(point), "the model", variable, x[i]);
            c[i] = positive(claim.at(point), "the claim", variable, x[i]);
        }
        List<Window> windows = new ArrayList<>();
        for (int i = 0; i + 2 < n; i++) {
            double[] xs = {x[i], x[i + 1], x[i + 2]};
            windows.add(new Window(x[i], x[i + 2], ExactLosses.fittedSlope(xs, new double[] {m[i], m[i + 1], m[i + 2]}),
                    ExactLosses.fittedSlope(xs, new double[] {c[i], c[i + 1], c[i + 2]})));
        }
        Window last = windows.get(windows.size() - 1);
        double drift = last.modelExponent() - windows.get(windows.size() - 2).modelExponent();
        double allowance = tolerance * Math.max(Math.abs(last.claimExponent()), 0.01) + Math.abs(drift);
        boolean agrees = Math.abs(last.modelExponent() - last.claimExponent()) <= allowance;
        double prefactor = hasPrefactor ? m[n - 1] / c[n - 1] : Double.NaN;
        return new Result(variable, x, m, c, windows, last.modelExponent(), last.claimExponent(), drift, prefactor,
                allowance, agrees);
    }

    private static double positive(Sample s, String who, String variable, double x) {
        if (!s.isReal() || !(s.value() > 0)) {
            throw new ComputationException("scaling check", who + " is not a positive number at " + variable + " = "
                    + String.format(Locale.ROOT, "%.6g", x) + " (" + (s.isReal() ? s.value() : s.failure())
                    + "): no log-log slope");
        }
        return s.value();
    }
}
