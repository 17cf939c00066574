package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Named regressions of issue 18 on the scaling path (shape, exponents, the D = ∞ continuum), each of which failed
 * on the main of the issue: bad input accepted with exit 0, an internal error, or no answer within a minute.
 */
class ScalingHardeningTest {

    private static void badInput(CliHarness.Run r, String option) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(option + ":"), r.err());
        assertFalse(r.err().contains("internal error") || r.err().contains("Exception") || r.err().contains("bracket"),
                r.err());
    }

    /** {@code shape --dim X} without {@code --exact} printed the four-term shape for X = 0, -1, NaN, inf, abc, empty. */
    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "NaN", "inf", "abc", "", "64"})
    void shapeDimWithoutExactIsRefused(String dim) {
        badInput(CliHarness.run("shape", "--nu", "1.5", "--beta", "0.8", "--compute", "1e6", "--dim", dim), "--dim");
    }

    /** {@code shape --compute C --compute-range ...} silently ignored one of them. */
    /** Fuzz finding (issue 18): zeta(1 + nu beta) with nu beta = 1.5e-300 rounded s to 1 ("zeta(s) needs s > 1"). */
    @Test
    void shapeAtATinyBetaKeepsSMinusOneApart() {
        CliHarness.Run r = CliHarness.run("shape", "--nu", "1.5", "--beta", "1e-300", "--compute", "1e8", "--format",
                "json");
        org.junit.jupiter.api.Assertions.assertEquals(0, r.code(), r.err());
        org.junit.jupiter.api.Assertions.assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"), r.out());
    }

    @Test
    void shapeComputeWithComputeRangeIsRefused() {
        CliHarness.Run r = CliHarness.run("shape", "--nu", "1.5", "--beta", "0.8", "--compute", "1e6", "--compute-range",
                "1e3:1e6:log:4");
        badInput(r, "--compute-range");
        assertTrue(r.err().contains("--compute 1e6"), r.err());
    }

    /** {@code exponents --beta 1e308}: "internal error: formula evaluation '/' undefined"; now the table's limit. */
    @Test
    void exponentsHugeExponentsAreRefused() {
        CliHarness.Run r = CliHarness.run("exponents", "--nu", "1.5", "--beta", "1e308");
        badInput(r, "--beta");
        assertTrue(r.err().contains("1e100"), r.err());
        badInput(CliHarness.run("exponents", "--nu", "1e308", "--beta", "0.8", "--numeric-only"), "--nu");
        // at the limit the numeric table is finite JSON
        CliHarness.Run ok = CliHarness.run("exponents", "--nu", "1e100", "--beta", "1e100", "--numeric-only", "--format",
                "json");
        assertEquals(0, ok.code(), ok.err());
        assertEquals(1.0, ok.json().get("time").asDouble(), 1e-15);
    }

    /**
     * {@code exponents --verify --beta 100} ended in "interval does not bracket a root"; {@code --beta 1e-9} and
     * {@code --nu 1.0000001} ran without bound. Outside the domain of formulas/scaling-exponents.m the verification
     * is refused at once, naming the domain.
     */
    @Test
    void exponentsVerifyOutsideItsDomainIsRefusedAtOnce() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (String[] nb : new String[][] {{"1.5", "100"}, {"1.5", "1e-9"}, {"1.0000001", "0.8"}, {"1.05", "0.8"}}) {
                CliHarness.Run r = CliHarness.run("exponents", "--nu", nb[0], "--beta", nb[1], "--verify", "--numeric-only");
                boolean nu = !nb[0].equals("1.5");
                badInput(r, nu ? "--nu" : "--beta");
                assertTrue(r.err().contains(nu ? "[1.1, 3]" : "[0.1, 4]"), r.err());
            }
        });
    }

    /**
     * {@code --continuum} with β = 1e-9 ran without bound (1.1e11 tail panels), and with a derivative kernel at
     * νβ &lt; 0.06 the tail integral overflowed (dynamics refused β = 0.01 as "needs more than 5e8 modes"). Now each
     * verb answers in seconds; the flow's γ(t) ≈ t Σ_k p_kλ_k = t ζ(2.5)/ζ(1 + 1.5e-9) at small t.
     */
    @Test
    void continuumAtTinyBetaIsBounded() {
        String[] law = {"--setting", "rrs", "--continuum", "--nu", "1.5", "--beta", "1e-9", "--format", "json"};
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            CliHarness.Run risk = CliHarness.run(concat(new String[] {"risk", "--gamma", "1"}, law));
            assertEquals(0, risk.code(), risk.err());
            // 1 - loss = sum p (2 lambda - lambda^2) = (2 zeta(2.5) - zeta(4)) / zeta(1 + 1.5e-9)
            double deficit = (2 * 1.3414872572509171798 - Math.pow(Math.PI, 4) / 90) / (1 / 1.5e-9 + 0.5772156649015329);
            assertEquals(1 - deficit, risk.json().get("loss").asDouble(), 1e-15);
            CliHarness.Run optimum = CliHarness.run(concat(new String[] {"optimum", "--depth", "4"}, law));
            assertEquals(0, optimum.code(), optimum.err());
            assertTrue(optimum.json().get("gamma").isNumber(), optimum.out());
            for (String depth : new String[] {"1", "inf"}) {
                CliHarness.Run flow = CliHarness.run(concat(new String[] {"dynamics", "--depth", depth, "--times", "1,10"},
                        law));
                assertEquals(0, flow.code(), flow.err());
                double rate = 1.3414872572509171798 / (1 / 1.5e-9 + 0.5772156649015329);
                JsonNode gamma = flow.json().get("gamma");
                assertEquals(rate, gamma.get(0).asDouble(), 1e-6 * rate, flow.out());
                assertEquals(10 * rate, gamma.get(1).asDouble(), 1e-6 * rate, flow.out());
            }
            CliHarness.Run flowSmall = CliHarness.run("dynamics", "--setting", "rrs", "--continuum", "--nu", "1.5", "--beta",
                    "0.01", "--times", "1,10,100");
            assertEquals(0, flowSmall.code(), flowSmall.err());
            CliHarness.Run landscape = CliHarness.run(concat(new String[] {"landscape", "--depth", "4"}, law));
            assertEquals(0, landscape.code(), landscape.err());
            assertFalse(landscape.out().contains("NaN") || landscape.out().contains("Infinity"), landscape.out());
        });
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = new String[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
