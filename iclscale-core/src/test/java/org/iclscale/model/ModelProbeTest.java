package org.iclscale.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.iclscale.core.Gamma;
import org.iclscale.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The model as a point source: the same numbers as the facade, points completed and γ resolved consistently. */
class ModelProbeTest {

    private final Theory theory = Theory.standard();

    @Test
    void isoLossIsTheFacadesAndTheClosedFormAtDepthOne() {
        ModelProbe probe = new ModelProbe(theory, ModelSpec.iso().build(), null, Quantity.LOSS,
                ModelProbe.GammaScale.ABSOLUTE);
        Map<String, Double> p = Map.of("alpha", 0.7, "gamma", 0.4, "sigma", 0.3);
        double direct = theory.risk(ModelSpec.iso().alpha(0.7).sigma(0.3).build(), Gamma.of(0.4)).loss();
        assertEquals(direct, probe.at(p).value(), 0);
        double g = 1 + (1 + 0.09) / 0.7; // sigma^2 + 1 - 2 gamma + g gamma^2 (depth 1)
        assertEquals(0.09 + 1 - 0.8 + g * 0.16, probe.at(p).value(), 1e-12);
        assertEquals(ModelProbe.EXACT_ACCURACY, probe.accuracy(p), 0);
    }

    @Test
    void pointsAreCompletedWithConsistentParameters() {
        ModelSpec base = ModelSpec.rrs(PowerLaw.of(1.5, 0.8, 64)).alpha(2).width(16).depth(4).build();
        ModelProbe probe = new ModelProbe(theory, base, null, Quantity.LOSS, ModelProbe.GammaScale.ABSOLUTE);
        Map<String, Double> point = new LinkedHashMap<>(Map.of("D", 128.0, "gamma", 1.0));
        Map<String, Double> full = probe.resolve(point);
        assertEquals(128, full.get("D"), 0);
        assertEquals(2, full.get("alpha"), 0);
        assertEquals(256, full.get("P"), 0, "P = alpha D follows a varied D");
        assertEquals(16, full.get("N"), 0);
        assertEquals(4, full.get("L"), 0);
        assertEquals(1.5, full.get("nu"), 0);
        // completing does not change the model: the completed point gives the same value
        assertEquals(probe.at(point).value(), probe.at(full).value(), 0);
    }

    @Test
    void gammaRelativeToTheOptimumIsAFractionOfTheMinimiser() {
        ModelProbe probe = new ModelProbe(theory, ModelSpec.iso().depth(3).build(), null, Quantity.LOSS,
                ModelProbe.GammaScale.OPTIMAL);
        Map<String, Double> full = probe.resolve(Map.of("alpha", 1.5, "gamma", 0.5));
        double opt = theory.optimum(ModelSpec.iso().alpha(1.5).depth(3).build()).gamma();
        assertEquals(0.5 * opt, full.get("gamma"), 0);
    }

    @Test
    void refusesVariablesTheQuantityDoesNotTake() {
        ModelProbe probe = new ModelProbe(theory, ModelSpec.iso().build(), null, Quantity.GAMMA,
                ModelProbe.GammaScale.ABSOLUTE);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> probe.requireVariables(Set.of("eta")));
        assertEquals("vary", e.parameter());
        assertThrows(InvalidInputException.class, () -> new ModelProbe(theory, ModelSpec.iso().build(), null,
                Quantity.LOSS, ModelProbe.GammaScale.ABSOLUTE).requireVariables(Set.of("alpha")),
                "loss needs gamma");
    }
}
