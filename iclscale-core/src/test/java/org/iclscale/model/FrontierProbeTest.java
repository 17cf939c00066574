package org.iclscale.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.iclscale.check.PointComparison;
import org.iclscale.check.Sample;
import org.iclscale.check.ScalingCheck;
import org.iclscale.core.InvalidInputException;
import org.iclscale.scaling.ComputeFormula;
import org.junit.jupiter.api.Test;

/**
 * {@link FrontierProbe}: the compute-optimal frontier as a source for {@link ScalingCheck}. On the exact joint loss
 * (C = L·t, D = ∞: gradient flow on the exact landscape at each integer depth, t from the budget) the true
 * exponent β/(3+β) of notes §5.3 (d) is accepted and a realistic wrong one, the time exponent β/(2+β) alone (as if
 * depth cost no compute), rejected; the exact sequence is evaluated once for both claims (~2 s per budget).
 */
class FrontierProbeTest {

    private static final double NU = 1.5;
    private static final double BETA = 0.8;
    /** Relative tolerance on the exponent (the CLI's --slope-tolerance default). */
    private static final double SLOPE_TOLERANCE = 0.02;

    private static PointComparison.Source power(double exponent) {
        return p -> Sample.real(Math.pow(p.get("C"), -exponent));
    }

    /** Evaluates the source once per point. */
    private static PointComparison.Source memo(PointComparison.Source s) {
        Map<Map<String, Double>, Sample> seen = new HashMap<>();
        return p -> seen.computeIfAbsent(Map.copyOf(p), s::at);
    }

    @Test
    void exactFrontierAcceptsBetaOverThreePlusBetaAndRejectsTheTimeExponent() {
        FrontierProbe probe = new FrontierProbe(Theory.standard(), new Continuum(NU, BETA),
                ComputeFormula.parse("computeFormula", "L*t"), OptionalInt.of(256), FrontierProbe.Value.LOSS, "C");
        assertTrue(probe.exact());
        PointComparison.Source model = memo(probe);
        double[] c = ScalingCheck.sequence("C", 1e4, 1e6, 4, false);
        ScalingCheck.Result right = ScalingCheck.run("C", c, Map.of(), model, power(BETA / (3 + BETA)), false,
                SLOPE_TOLERANCE);
        assertTrue(right.agrees(), () -> right.measured() + " vs " + right.claimed() + " +- " + right.allowance());
        ScalingCheck.Result wrong = ScalingCheck.run("C", c, Map.of(), model, power(BETA / (2 + BETA)), false,
                SLOPE_TOLERANCE);
        assertFalse(wrong.agrees(), () -> wrong.measured() + " vs " + wrong.claimed() + " +- " + wrong.allowance());
        assertEquals(right.measured(), wrong.measured(), 0.0); // the same model values
    }

    @Test
    void fourTermValuesAreThoseOfShape() {
        ComputeFormula f = ComputeFormula.parse("computeFormula", "t*N^2*L");
        double budget = 3e9;
        ShapeResult shape = Theory.standard().shape(ShapeRequest.of(NU, BETA, f, budget));
        for (FrontierProbe.Value v : new FrontierProbe.Value[] {FrontierProbe.Value.LOSS, FrontierProbe.Value.TIME,
            FrontierProbe.Value.WIDTH, FrontierProbe.Value.DEPTH}) {
            FrontierProbe probe = new FrontierProbe(Theory.standard(), new Continuum(NU, BETA), f, OptionalInt.empty(),
                    v, "C");
            double expected = v == FrontierProbe.Value.LOSS ? shape.fourTerm().continuousLoss()
                    : shape.fourTerm().continuous().get(v.resource());
            assertEquals(expected, probe.at(Map.of("C", budget)).value(), 0.0, v.key());
        }
        // the allocations multiply back to the budget: t N^2 L = C (the constraint of the minimisation)
        Map<Character, Double> x = shape.fourTerm().continuous();
        assertEquals(budget, x.get('t') * x.get('N') * x.get('N') * x.get('L'), budget * 1e-9);
    }

    @Test
    void refusesAResourceOutsideTheFormulaAndUnknownNames() {
        ComputeFormula f = ComputeFormula.parse("computeFormula", "t*N^2*L");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new FrontierProbe(Theory.standard(),
                new Continuum(NU, BETA), f, OptionalInt.empty(), FrontierProbe.Value.CONTEXT, "C"));
        assertEquals("quantity", e.parameter());
        e = assertThrows(InvalidInputException.class, () -> FrontierProbe.Value.parse("gamma"));
        assertEquals("quantity", e.parameter());
        assertTrue(e.getMessage().contains("width"), e.getMessage());
    }
}
