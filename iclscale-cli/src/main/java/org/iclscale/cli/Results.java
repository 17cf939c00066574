package org.iclscale.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.iclscale.core.Diagnostics;
import org.iclscale.io.Report;
import org.iclscale.model.MonteCarloCheck;
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
        putStandardError(r, res.diagnostics());
        if (Double.isFinite(res.stabilityEdge())) {
            r.put("stabilityEdge", res.stabilityEdge());
        }
        res.notes().forEach(r::note);
        return r;
    }

    /** {@code standardError} of a Monte Carlo value (issue 16 item 13), when the diagnostics carry one. */
    static Report putStandardError(Report r, Diagnostics d) {
        Number se = d.get("standardError");
        if (se != null) {
            r.put("standardError", se.doubleValue());
        }
        return r;
    }

    /**
     * {@code mcCheck}: the Monte Carlo estimate at the user's D beside the theory (dim, contextLength, trials, seed,
     * loss, standardError, theoryLoss, deviationInStandardErrors, relativeOffset, method; finiteDimensionOptimum
     * where asked), and its notes.
     */
    static Report putMonteCarloCheck(Report r, MonteCarloCheck c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dim", c.dim());
        m.put("contextLength", Double.isInfinite(c.contextLength()) ? "inf" : (Object) (long) c.contextLength());
        m.put("trials", c.trials());
        m.put("seed", c.seed());
        m.put("gamma", c.gamma());
        m.put("loss", c.loss());
        m.put("standardError", c.standardError());
        m.put("theoryLoss", c.theoryLoss());
        m.put("deviationInStandardErrors", c.deviationInStandardErrors());
        if (Double.isFinite(c.relativeOffset())) {
            m.put("relativeOffset", c.relativeOffset());
        }
        m.put("method", c.method());
        c.optimum().ifPresent(o -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("gamma", o.gamma());
            f.put("loss", o.loss());
            f.put("standardError", o.standardError());
            f.put("evaluations", o.evaluations());
            f.put("search", o.search());
            m.put("finiteDimensionOptimum", f);
        });
        r.put("mcCheck", m);
        c.notes().forEach(r::note);
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
        return org.iclscale.io.HumanNumber.general(n.doubleValue(), 3); // = String.format("%.3g"), without the Formatter
    }
}
