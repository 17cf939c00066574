package org.iclscale.scaling;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.iclscale.core.InvalidInputException;
import org.iclscale.io.HumanNumber;

/**
 * {@code exponents --verify}: fitted local slopes −d ln𝓛/d ln R of the exact losses ({@link ExactLosses}, power law
 * at D = ∞) over R ∈ [R₀, 2R₀] (three points, least squares) against the exponents of the table, with a verdict.
 * The ranges are chosen where the asymptotics have set in at moderate cost; corrections decay as powers of R, slowest
 * next to a regime boundary, so the difference is reported, not hidden, and judged as follows.
 *
 * <p><b>Verdict.</b> A term's tail sum Σ k^{−(1+s)}F(k^{−p}R^q) has two competing parts, the unlearned tail
 * (~R^{−qs/p}) and the learned head (~R^{−qm}); their ratio at R is R^{−q|s/p − m|}, the <em>crossover</em>
 * (0 for an exponential filter, m = ∞, where there is no regime boundary). The competing part shifts the local slope
 * by about q|s/p − m|·crossover, so the tolerance of a term is its numerical tolerance
 * ({@link #numericalTolerance}) plus that shift at R₀. Both parts are asymptotic only when the mode that separates
 * them, k* = R^{q/p} (for a term trained by gradient flow R is the trained parameter θ ~ t^{1/(a+2)}, prefactors
 * dropped), is ≫ 1: the sum over k &gt; k* is its integral up to a relative error of order s/k* (Euler–Maclaurin),
 * which at large νβ and small k* keeps the slope away from the exponent (measured: time at ν = 3, β = 4 fits 0.285
 * for 0.667 with k* ≈ 1.9). The verdict is {@link Verdict#AGREES} when |slope − exponent| ≤ tolerance,
 * {@link Verdict#INCONCLUSIVE} when it is not but the window is not asymptotic — the crossover at R₀ exceeds the
 * numerical tolerance (inside the crossover of the regime boundary s/p = m) or s/k* &gt; {@value #MAX_DISCRETENESS}
 * (the discrete head dominates) — and {@link Verdict#DIFFERS} otherwise.
 *
 * <p><b>Domain.</b> ν ∈ [{@value #MIN_NU}, {@value #MAX_NU}], β ∈ [{@value #MIN_BETA}, {@value #MAX_BETA}], the
 * validity domain declared by {@code formulas/scaling-exponents.m}: outside it the exact losses of the windows below
 * underflow (β ≫ 1: 𝓛 ~ R^{−νβ}) or need unbounded numbers of explicit modes and panels (β → 0, ν → 1), so
 * {@link #verify} refuses it instead of running without bound.
 */
public final class Verification {

    public static final double MIN_NU = 1.1;
    public static final double MAX_NU = 3;
    public static final double MIN_BETA = 0.1;
    public static final double MAX_BETA = 4;
    /** Largest s/k* at which a window counts as asymptotic for a verdict of disagreement. */
    public static final double MAX_DISCRETENESS = 0.5;

    /** The judgement of one fitted slope. */
    public enum Verdict {
        /** |slope − exponent| within the tolerance. */
        AGREES("agrees"),
        /** Outside the tolerance, away from any regime boundary. */
        DIFFERS("differs"),
        /** Outside the tolerance inside the crossover of a regime boundary: the window is not asymptotic. */
        INCONCLUSIVE("inconclusive");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One term.
     *
     * @param fittedSlope −d ln𝓛/d ln R over [rangeFrom, rangeTo]
     * @param exponent the table's exponent
     * @param difference fittedSlope − exponent
     * @param tolerance numerical tolerance + q|s/p − m|·crossover
     * @param regimeBoundary where the exponent changes branch, in words ("s/p = m at beta = 1 (...)", or "none ...")
     * @param crossover R₀^{−q|s/p − m|}, the relative size of the competing part at R₀ (0 without a boundary)
     * @param crossoverMode k* = R₀^{q/p} (θ(R₀)^{q/p} for a flow term), the mode separating learned and unlearned modes
     * @param reason the verdict in words
     */
    public record Row(Term term, double fittedSlope, double rangeFrom, double rangeTo, double exponent, double difference,
            double tolerance, Verdict verdict, String regimeBoundary, double crossover, double crossoverMode,
            String reason) {
    }

    /** All terms at (ν, β), in {@link Term} order. */
    public record Result(double nu, double beta, Map<Term, Row> rows, String method) {

        public Result {
            rows = Collections.unmodifiableMap(new EnumMap<>(rows));
        }

        /** True when every term agrees. */
        public boolean allAgree() {
            return rows.values().stream().allMatch(r -> r.verdict() == Verdict.AGREES);
        }

        /**
         * The result as the {@code verify} block of {@code exponents}: per term key fittedSlope, rangeFrom, rangeTo,
         * exponent, difference, tolerance, verdict, regimeBoundary, crossover, crossoverMode, reason; then method.
         */
        public Map<String, Object> asMap() {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Row r : rows.values()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("fittedSlope", r.fittedSlope());
                row.put("rangeFrom", r.rangeFrom());
                row.put("rangeTo", r.rangeTo());
                row.put("exponent", r.exponent());
                row.put("difference", r.difference());
                row.put("tolerance", r.tolerance());
                row.put("verdict", r.verdict().label());
                row.put("regimeBoundary", r.regimeBoundary());
                row.put("crossover", r.crossover());
                row.put("crossoverMode", r.crossoverMode());
                row.put("reason", r.reason());
                out.put(r.term().key(), row);
            }
            out.put("method", method);
            return out;
        }
    }

    private Verification() {
    }

    /** Start R₀ of the fitted range per term. */
    public static double start(Term t) {
        return switch (t) {
            case TIME -> 1e5;
            case DEPTH -> 256;
            case WIDTH, CONTEXT -> 1e3;
            case FS_TIME -> 1e8;
            case FULL_ATTENTION_TIME -> 1e6;
        };
    }

    /**
     * The numerical part of a term's tolerance on the slope, measured over ν ∈ [1.1, 3], β ∈ [0.1, 4] away from the
     * regime boundaries: the flows and the FS sum converge fast (2e−3, absolute); the depth optimum still approaches
     * its per-layer step 2 at L = 256 (notes §3.4), which shifts the slope by 0.5–1.7 % of β (2 % of the exponent);
     * the floors' slopes at N, P = 10³ are within 0.7 % of the exponent (1 %, at least 1e−3).
     */
    public static double numericalTolerance(Term t, double exponent) {
        return switch (t) {
            case TIME, FS_TIME, FULL_ATTENTION_TIME -> 2e-3;
            case DEPTH -> 0.02 * exponent;
            case WIDTH, CONTEXT -> Math.max(1e-3, 0.01 * exponent);
        };
    }

    /** Fitted slope of the exact loss along {@code t} over [r0, 2 r0]. */
    public static double slope(ExactLosses x, Term t, double r0) {
        double[] r = {r0, r0 * Math.sqrt(2), 2 * r0};
        if (t == Term.DEPTH) {
            r = new double[] {Math.round(r[0]), Math.round(r[1]), Math.round(r[2])};
        }
        double[] loss = switch (t) {
            case TIME -> x.time(r);
            case FULL_ATTENTION_TIME -> x.fullAttentionTime(r);
            default -> {
                double[] l = new double[3];
                for (int i = 0; i < 3; i++) {
                    l[i] = switch (t) {
                        case DEPTH -> x.depth((int) r[i]);
                        case WIDTH -> x.width(r[i]);
                        case CONTEXT -> x.context(r[i]);
                        default -> x.fsTime(r[i]);
                    };
                }
                yield l;
            }
        };
        return ExactLosses.fittedSlope(r, loss);
    }

    /** Refuses (ν, β) outside the verification domain, naming the parameter and the domain. */
    public static void checkDomain(double nu, double beta) {
        if (!(nu >= MIN_NU && nu <= MAX_NU)) {
            throw new InvalidInputException("nu", nu, domain("nu", MIN_NU, MAX_NU));
        }
        if (!(beta >= MIN_BETA && beta <= MAX_BETA)) {
            throw new InvalidInputException("beta", beta, domain("beta", MIN_BETA, MAX_BETA));
        }
    }

    private static String domain(String name, double lo, double hi) {
        return String.format(Locale.ROOT, "%s in [%s, %s] for the verification (the domain of formulas/%s.m; outside it "
                + "the exact losses of the fitted windows underflow or need unbounded numbers of modes)", name, fmt(lo),
                fmt(hi), ExponentTable.FORMULA_FILE);
    }

    /** Every term: the fitted slope against the table's exponent, with tolerance, regime boundary and verdict. */
    public static Result verify(double nu, double beta, ExponentTable table) {
        checkDomain(nu, beta);
        ExactLosses x = new ExactLosses(nu, beta);
        Map<Term, Row> rows = new EnumMap<>(Term.class);
        for (Term t : Term.values()) {
            double r0 = start(t);
            rows.put(t, judge(t, nu, beta, table, slope(x, t, r0), r0));
        }
        return new Result(nu, beta, rows, "exact losses of the power law at D = inf (head sum + Euler-Maclaurin tail), "
                + "least-squares slope of ln loss vs ln R at R0, sqrt(2) R0, 2 R0; tolerance = numerical tolerance + "
                + "q|s/p - m| R0^-(q|s/p - m|) (the slope shift of the competing head/tail part next to a regime boundary)");
    }

    /** The verdict on one fitted slope (see the class comment). */
    static Row judge(Term t, double nu, double beta, ExponentTable table, double slope, double r0) {
        TailSum sum = table.tailSum(t);
        double[] spqm = sum.parameters(nu, beta);
        double q = spqm[2];
        double distance = Math.abs(spqm[0] / spqm[1] - spqm[3]);
        double crossover = Double.isInfinite(spqm[3]) ? 0 : Math.pow(r0, -q * distance);
        // the resource in the filter: R itself, or the trained parameter theta ~ t^(1/(a+2)) of a flow term
        double a = TailSum.tailExponent(spqm[0], spqm[1], spqm[2], spqm[3]);
        double filterResource = sum.flow() ? Math.pow(r0, 1 / (a + 2)) : r0;
        double crossoverMode = Math.pow(filterResource, q / spqm[1]);
        double discreteness = spqm[0] / crossoverMode;
        double exponent = table.exponent(t);
        double numerical = numericalTolerance(t, exponent);
        double tolerance = numerical + (crossover == 0 ? 0 : q * distance * crossover);
        double difference = slope - exponent;
        String boundary = boundary(sum, nu, beta);
        Verdict verdict;
        String reason;
        if (Math.abs(difference) <= tolerance) {
            verdict = Verdict.AGREES;
            reason = String.format(Locale.ROOT, "|difference| %.2e <= tolerance %.2e", Math.abs(difference), tolerance);
        } else if (crossover > numerical) {
            verdict = Verdict.INCONCLUSIVE;
            reason = String.format(Locale.ROOT, "|difference| %.2e > tolerance %.2e, but R = %s lies in the crossover of "
                    + "the regime boundary (competing part %.2g of the loss): the slope approaches the exponent too slowly "
                    + "here to decide", Math.abs(difference), tolerance, fmt(r0), crossover);
        } else if (discreteness > MAX_DISCRETENESS) {
            verdict = Verdict.INCONCLUSIVE;
            reason = String.format(Locale.ROOT, "|difference| %.2e > tolerance %.2e, but at R = %s the crossover mode k* = "
                    + "%.3g is not >> 1 (s/k* = %.2g > %s): the discrete head dominates and the tail-sum asymptotics have "
                    + "not set in", Math.abs(difference), tolerance, fmt(r0), crossoverMode, discreteness,
                    fmt(MAX_DISCRETENESS));
        } else {
            verdict = Verdict.DIFFERS;
            reason = String.format(Locale.ROOT, "|difference| %.2e > tolerance %.2e away from any regime boundary, with "
                    + "crossover mode k* = %.3g", Math.abs(difference), tolerance, crossoverMode);
        }
        return new Row(t, slope, r0, 2 * r0, exponent, difference, tolerance, verdict, boundary, crossover, crossoverMode,
                reason);
    }

    /**
     * The regime boundary s/p = m of a term in words, at this ν as a value of β (solved on β ∈ (0, 1e3] by
     * bisection of s/p − m, which is monotone in β for the tail sums of the table), or "none" for an exponential
     * filter or when s/p − m keeps one sign.
     */
    static String boundary(TailSum sum, double nu, double beta) {
        double[] here = sum.parameters(nu, beta);
        if (Double.isInfinite(here[3])) {
            return "none (exponential filter, m = inf: the exponent has one branch)";
        }
        String side = "s/p = " + fmt(here[0] / here[1]) + (here[0] / here[1] < here[3] ? " < " : " >= ") + "m = "
                + fmt(here[3]) + " here";
        double lo = 1e-9;
        double hi = 1e3;
        double fLo = gap(sum, nu, lo);
        double fHi = gap(sum, nu, hi);
        if (Math.signum(fLo) == Math.signum(fHi)) {
            return "none at this nu (" + side + " for every beta)";
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            double f = gap(sum, nu, mid);
            if (Math.signum(f) == Math.signum(fLo)) {
                lo = mid;
                fLo = f;
            } else {
                hi = mid;
            }
        }
        return "s/p = m at beta = " + fmt(0.5 * (lo + hi)) + " (" + side + ")";
    }

    private static double gap(TailSum sum, double nu, double beta) {
        double[] x = sum.parameters(nu, beta);
        return x[0] / x[1] - x[3];
    }

    /** The map form of {@link #verify} (the {@code verify} block of {@code exponents}; see {@link Result#asMap}). */
    public static Map<String, Object> run(double nu, double beta, ExponentTable table) {
        return verify(nu, beta, table).asMap();
    }

    private static String fmt(double v) {
        return HumanNumber.format(v);
    }
}
