package org.iclscale.scaling;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code exponents --verify}: fitted local slopes −d ln𝓛/d ln R of the exact losses ({@link ExactLosses}, power law
 * at D = ∞) over R ∈ [R₀, 2R₀] (three points, least squares) against the symbolic exponents. The ranges are
 * chosen where the asymptotics have set in at moderate cost; corrections decay as powers of R (slowest for the
 * width floor near β = 1, where the correction is ~ N^{−ν(1−β)}), so the difference is reported, not hidden.
 */
public final class Verification {

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

    /** Per term: fitted slope, range, exponent, difference. */
    public static Map<String, Object> run(double nu, double beta, ExponentTable table) {
        ExactLosses x = new ExactLosses(nu, beta);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Term t : Term.values()) {
            double r0 = start(t);
            double s = slope(x, t, r0);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("fittedSlope", s);
            row.put("rangeFrom", r0);
            row.put("rangeTo", 2 * r0);
            row.put("exponent", table.exponent(t));
            row.put("difference", s - table.exponent(t));
            out.put(t.key(), row);
        }
        out.put("method", "exact losses of the power law at D = inf (head sum + Euler-Maclaurin tail), least-squares slope "
                + "of ln loss vs ln R at R0, sqrt(2) R0, 2 R0");
        return out;
    }
}
