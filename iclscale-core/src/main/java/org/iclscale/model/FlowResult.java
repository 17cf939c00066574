package org.iclscale.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A gradient-flow curve from Γ(0) = 0 (or the small balanced start of full attention): γ(t), 𝓛(t) and
 * 𝓛(t) − σ² at the requested times, extra columns of the rule ({@code w} of full attention, {@code layerSpread} of
 * untied layers, {@code gammaModeK} of FS), the right-hand-side evaluations, the time convention in words, the
 * method and notes.
 */
public record FlowResult(ModelSpec spec, Regime regime, FlowRequest request, double[] time, double[] gamma,
        double[] loss, double[] excessLoss, Map<String, double[]> columns, int evaluations, String convention,
        String method, List<String> notes) {

    public FlowResult {
        time = time.clone();
        gamma = gamma.clone();
        loss = loss.clone();
        excessLoss = excessLoss.clone();
        Map<String, double[]> copy = new LinkedHashMap<>();
        columns.forEach((k, v) -> copy.put(k, v.clone()));
        columns = Collections.unmodifiableMap(copy);
        notes = List.copyOf(notes);
    }

    @Override
    public double[] time() {
        return time.clone();
    }

    @Override
    public double[] gamma() {
        return gamma.clone();
    }

    @Override
    public double[] loss() {
        return loss.clone();
    }

    @Override
    public double[] excessLoss() {
        return excessLoss.clone();
    }
}
