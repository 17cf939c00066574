package org.iclscale.cli;

import java.util.Map;
import org.iclscale.core.Diagnostics;
import org.iclscale.io.Report;
import org.iclscale.model.RiskResult;

/** Maps the typed results of {@link org.iclscale.model.Theory} to the keys of a {@link Report} (design.md). */
final class Results {

    private Results() {
    }

    /** gammaPerLayer, loss, excessLoss, method (with diagnostics), stabilityEdge and its note. */
    static Report putRisk(Report r, RiskResult res) {
        if (!res.spec().depth().infinite()) {
            r.put("gammaPerLayer", res.gammaPerLayer());
        }
        r.put("loss", res.loss()).put("excessLoss", res.excessLoss()).put("method", method(res.method(), res.diagnostics()));
        if (Double.isFinite(res.stabilityEdge())) {
            r.put("stabilityEdge", res.stabilityEdge());
        }
        res.notes().forEach(r::note);
        return r;
    }

    /** The method text followed by the diagnostics of the computation ("; nodesPerContour 96, level 1, ..."). */
    static String method(String method, Diagnostics d) {
        if (d.isEmpty()) {
            return method;
        }
        StringBuilder sb = new StringBuilder(method).append("; ");
        boolean first = true;
        for (Map.Entry<String, Number> e : d.values().entrySet()) {
            sb.append(first ? "" : ", ").append(e.getKey()).append(' ').append(number(e.getValue()));
            first = false;
        }
        return sb.toString();
    }

    private static String number(Number n) {
        if (n instanceof Integer || n instanceof Long) {
            return n.toString();
        }
        return String.format(java.util.Locale.ROOT, "%.3g", n.doubleValue());
    }
}
