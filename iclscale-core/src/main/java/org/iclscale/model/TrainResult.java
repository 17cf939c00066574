package org.iclscale.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pretraining run by online SGD ({@link Theory#train}) next to its theory: at the measured steps n = 0, k, 2k, …,
 * n_max, the ICL test loss (σ² included: the exact query loss averaged over the fixed test contexts) with its
 * standard error, the excess loss, the batch loss, and the trainer's observables in their recording order
 * ({@code gamma} = tr Γ/D (full attention: the paper §2.2 Γ), the parameter norms, {@code gammaDeviation} of the
 * reduced model, {@code gammaLayer1..L} of untied layers, L ≤ 16); the simulation's method, and the theory of the
 * same run ({@link TrainingTheory}) at the same steps.
 */
public record TrainResult(TrainSpec spec, double[] steps, double[] loss, double[] standardError, double[] trainLoss,
        Map<String, double[]> observables, String simulationMethod, TrainingTheory theory) {

    public TrainResult {
        Objects.requireNonNull(spec, "spec");
        steps = steps.clone();
        loss = loss.clone();
        standardError = standardError.clone();
        trainLoss = trainLoss.clone();
        Map<String, double[]> copy = new LinkedHashMap<>();
        observables.forEach((k, v) -> copy.put(k, v.clone()));
        observables = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(simulationMethod, "simulationMethod");
        Objects.requireNonNull(theory, "theory");
    }

    @Override
    public double[] steps() {
        return steps.clone();
    }

    @Override
    public double[] loss() {
        return loss.clone();
    }

    @Override
    public double[] standardError() {
        return standardError.clone();
    }

    @Override
    public double[] trainLoss() {
        return trainLoss.clone();
    }

    /** The observables (unmodifiable map; each array a copy made at construction, do not modify). */
    @Override
    public Map<String, double[]> observables() {
        return observables;
    }

    /** loss − σ². */
    public double[] excessLoss() {
        double s2 = spec.model().noiseVariance();
        double[] e = loss.clone();
        for (int i = 0; i < e.length; i++) {
            e[i] -= s2;
        }
        return e;
    }

    /** γ = tr Γ/D at each measured step. */
    public double[] gamma() {
        return observables.get("gamma").clone();
    }

    /** γ^ℓ of untied layers (L ≤ 16), one array per layer; empty for tied layers. */
    public List<double[]> layerGammas() {
        List<double[]> out = new ArrayList<>();
        for (int l = 1; observables.containsKey("gammaLayer" + l); l++) {
            out.add(observables.get("gammaLayer" + l).clone());
        }
        return out;
    }

    /** The parameter norms ({@code parameterNorm} of Γ; {@code normWx} … {@code normWo} of full attention). */
    public Map<String, double[]> norms() {
        Map<String, double[]> m = new LinkedHashMap<>();
        observables.forEach((k, v) -> {
            if (k.startsWith("norm") || k.equals("parameterNorm")) {
                m.put(k, v.clone());
            }
        });
        return m;
    }

    private int last() {
        return loss.length - 1;
    }

    public double finalLoss() {
        return loss[last()];
    }

    public double finalStandardError() {
        return standardError[last()];
    }

    public double finalGamma() {
        return observables.get("gamma")[last()];
    }

    /** The simulation's method followed by the theory's ("online SGD, ...; theory: ..."). */
    public String method() {
        return simulationMethod + "; " + theory.method();
    }
}
