package org.iclscale.deteq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.core.ComputationException;
import org.iclscale.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/** τ-transform, its inverse, the S-transform product rule and the branch/continuation of (E1). */
class SubordinationTest {

    private static final double[] LAMBDA = Spectrum.powerLaw(1.25, 0.75, 300).lambda();

    @Test
    void inverseTauRoundTrips() {
        Subordination s = Subordination.of(LAMBDA, 60, 150);
        for (double t : new double[] {0.01, 0.2, 0.5, 0.9}) {
            assertEquals(t, s.tau(s.inverseTau(t)), 1e-13);
        }
    }

    /** z = κ / (S_Q(−t) S_W(−t)) with the two S-transforms (free-product rule). */
    @Test
    void equationIsSTransformProduct() {
        Subordination s = Subordination.of(LAMBDA, 60, 150);
        double k = 0.37;
        double t = s.tau(k);
        double z = k / (Subordination.sTransformProjection(0.2, -t) * Subordination.sTransformWishart(2.0, -t));
        assertEquals(z, s.zOf(Cx.real(k)).re(), 1e-14);
    }

    /** Real branch: κ > κ* and z(κ) increasing; κ* solves t(κ*) = min(a, 1/q). */
    @Test
    void realBranch() {
        Subordination s = Subordination.of(LAMBDA, 60, 150); // a = 0.2, 1/q = 0.5
        double kStar = s.branchPoint();
        assertEquals(0.2, s.tau(kStar), 1e-13);
        double prev = 0;
        for (double z : new double[] {1e-6, 1e-3, 0.1, 1, 10}) {
            Subordination.Root r = s.solveReal(z);
            assertTrue(r.kappa().re() > kStar && r.kappa().re() > prev);
            assertEquals(0, r.kappa().im());
            assertTrue(r.residual() <= Subordination.TOLERANCE);
            prev = r.kappa().re();
        }
    }

    /** Continuation to complex z: residual, iteration count, conjugate symmetry, Herglotz sign. */
    @Test
    void continuationReportsAndSelectsHerglotzBranch() {
        Subordination s = Subordination.of(LAMBDA, 60, 150);
        Cx z = new Cx(-0.3, 0.01);
        Subordination.Solution a = s.solve(z);
        Subordination.Solution b = s.solve(new Cx(-0.3, -0.01));
        assertTrue(a.report().iterations() > 0 && a.report().iterations() < 5000, a.report().toString());
        assertTrue(a.report().residual() <= Subordination.TOLERANCE);
        assertEquals(a.kappa().re(), b.kappa().re(), 1e-10);
        assertEquals(a.kappa().im(), -b.kappa().im(), 1e-10);
        assertTrue(s.zOf(a.kappa()).minus(z).abs() < 1e-11);
        // Im tr (z + M)^-1 < 0 for Im z > 0: (κ/z) t-type entries
        Cx g = a.kappa().divide(z).divide(a.kappa().plus(LAMBDA[0]));
        assertTrue(g.im() < 0);
    }

    /** Independent check of the one-point equivalent: tr (z + QΛ)^-1 against notes §3.5 (D = 400, N = 100). */
    @Test
    void onePointMatchesNotesMonteCarlo() {
        double[] lam = Spectrum.powerLaw(1.25, 0.75, 400).lambda();
        Subordination s = Subordination.rankProjection(lam, 100);
        Subordination.Solution sol = s.solve(Cx.real(0.05));
        // tr(z+M)^-1 = (κ/z)(1/D)Σ 1/(λ+κ); notes: τ(0.05) = 0.02481 (MC 0.02479) -- τ_M = tr M(z+M)^-1 = 1 − z tr(z+M)^-1
        double k = sol.kappa().re();
        double m = 0;
        for (double l : lam) {
            m += 1 / (l + k);
        }
        m = (k / 0.05) * m / lam.length;
        assertEquals(0.02481, 1 - 0.05 * m, 2e-5);
    }

    @Test
    void failureThrowsWithSolverAndTolerance() {
        Subordination s = Subordination.of(LAMBDA, 60, 150);
        ComputationException e = assertThrows(ComputationException.class,
                () -> s.continueTo(s.solveReal(1), new Cx(-0.2, 1e-3), r -> false));
        assertTrue(e.getMessage().contains("tolerance") && e.getMessage().contains("free-product"), e.getMessage());
    }
}
