package org.iclscale.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.iclscale.io.Report;
import org.iclscale.model.RiskResult;

/**
 * A run of {@code sweep risk} points that differ only in {@code --gamma}, computed together ({@link org.iclscale.model.Theory#risks},
 * issue 17 goal 2), kept as the typed results: a point's {@link Report} is built only where an output needs it (JSON
 * lines, a CSV layout the fast row does not cover, a value that is not finite), and a CSV row reads the numbers that
 * vary with γ straight from the results ({@link SweepTable.CsvStream#row}). Immutable.
 */
final class GammaRun {

    /** The point at {@code index} of a run: its report on demand, its γ-dependent numbers without one. */
    record Row(GammaRun run, int index) {
        /** Exactly the report {@link RiskCommand#compute()} gives at this γ. */
        Report report() {
            return run.report(index);
        }
    }

    private final Map<String, Object> echo;
    private final Map<String, Object> spectrumEcho;
    private final RiskResult[] results;

    /**
     * @param echo         the model options' echo ({@code ModelOptions.echo})
     * @param spectrumEcho the spectrum options' echo, or null (ISO)
     * @param results      the results at the run's γ, in order
     */
    GammaRun(Map<String, Object> echo, Map<String, Object> spectrumEcho, RiskResult[] results) {
        this.echo = Collections.unmodifiableMap(echo); // ordered (the report's key order)
        this.spectrumEcho = spectrumEcho == null ? null : Collections.unmodifiableMap(spectrumEcho);
        this.results = results.clone();
    }

    int size() {
        return results.length;
    }

    /** The rows of the run, in order. */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>(results.length);
        for (int k = 0; k < results.length; k++) {
            rows.add(new Row(this, k));
        }
        return rows;
    }

    /** The report of point {@code k}: the echo, γ, then {@link Results#putRisk} (as {@link RiskCommand#compute()}). */
    Report report(int k) {
        Report r = new Report("risk").putAll(echo);
        if (spectrumEcho != null) {
            r.putAll(spectrumEcho);
        }
        RiskResult res = results[k];
        r.put("gamma", res.gamma());
        return Results.putRisk(r, res);
    }

    /** γ of point {@code k} (the report's {@code gamma}). */
    double gamma(int k) {
        return results[k].gamma();
    }

    /** The value the report of point {@code k} has under {@code key} when it is one of {@link #VARYING}, else NaN. */
    double number(int key, int k) {
        RiskResult res = results[k];
        return switch (key) {
            case GAMMA -> res.gamma();
            case GAMMA_PER_LAYER -> res.gammaPerLayer();
            case LOSS -> res.loss();
            case EXCESS_LOSS -> res.excessLoss();
            case STABILITY_EDGE -> res.stabilityEdge();
            default -> Double.NaN;
        };
    }

    /** Report keys whose number {@link Results#putRisk} takes from the result at each γ (indices for {@link #number}). */
    static final List<String> VARYING = List.of("gamma", "gammaPerLayer", "loss", "excessLoss", "stabilityEdge");
    static final int GAMMA = 0;
    static final int GAMMA_PER_LAYER = 1;
    static final int LOSS = 2;
    static final int EXCESS_LOSS = 3;
    static final int STABILITY_EDGE = 4;
}
