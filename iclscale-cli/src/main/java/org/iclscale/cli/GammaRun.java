package org.iclscale.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.iclscale.io.Report;
import org.iclscale.model.RiskResult;
import org.iclscale.model.RiskRun;

/**
 * A run of {@code sweep risk} points that differ only in {@code --gamma}, computed together ({@link org.iclscale.model.Theory#riskRun},
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
    private final RiskRun results;

    /**
     * @param echo         the model options' echo ({@code ModelOptions.echo})
     * @param spectrumEcho the spectrum options' echo, or null (ISO)
     * @param results      the losses at the run's γ, in order
     */
    GammaRun(Map<String, Object> echo, Map<String, Object> spectrumEcho, RiskRun results) {
        this.echo = Collections.unmodifiableMap(echo); // ordered (the report's key order)
        this.spectrumEcho = spectrumEcho == null ? null : Collections.unmodifiableMap(spectrumEcho);
        this.results = results;
    }

    int size() {
        return results.size();
    }

    /** The rows of the run, in order. */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>(results.size());
        for (int k = 0; k < results.size(); k++) {
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
        RiskResult res = results.result(k);
        r.put("gamma", res.gamma());
        return Results.putRisk(r, res);
    }

    /** γ of point {@code k} (the report's {@code gamma}). */
    double gamma(int k) {
        return results.gamma(k);
    }

    /** The value the report of point {@code k} has under {@code key} when it is one of {@link #VARYING}, else NaN. */
    double number(int key, int k) {
        return switch (key) {
            case GAMMA -> results.gamma(k);
            case GAMMA_PER_LAYER -> results.gammaPerLayer(k);
            case LOSS -> results.loss(k);
            case EXCESS_LOSS -> results.excessLoss(k);
            case STABILITY_EDGE -> results.stabilityEdge();
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
