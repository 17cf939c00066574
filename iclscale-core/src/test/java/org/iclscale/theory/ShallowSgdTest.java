package org.iclscale.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.core.Depth;
import org.iclscale.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * Depth-1 online SGD (paper Result 10, paper-notes §3.2) with the corrected initial condition C(0) = g⁻².
 */
class ShallowSgdTest {

    /** Paper-notes §3.2 reference table (paper formula, C(0) = g⁻², σ = 0, η = 0.02), gammaDistance. */
    @Test
    void result10Table() {
        double eta = 0.02;
        double[] taus = {0.1, 0.2, 0.4, 0.8, 1.6};
        double[][] byTau = {
            {0.6734, 0.4946, 0.4315, 0.4224}, {0.5863, 0.3865, 0.3228, 0.3141}, {0.5509, 0.3491, 0.2870, 0.2784},
            {0.5348, 0.3333, 0.2720, 0.2634}, {0.5272, 0.3261, 0.2651, 0.2565}};
        for (int i = 0; i < taus.length; i++) {
            ShallowSgd sgd = new ShallowSgd(1, 1, taus[i], eta, 0);
            String what = "alpha = kappa = 1, tau = " + taus[i];
            assertEquals(byTau[i][0], sgd.gammaDistance(20), 5.1e-5, what);
            assertEquals(byTau[i][1], sgd.gammaDistance(50), 5.1e-5, what);
            assertEquals(byTau[i][2], sgd.gammaDistance(100), 5.1e-5, what);
            assertEquals(byTau[i][3], sgd.asymptoticGammaDistance(), 5.1e-5, what);
        }
        double[] alphas = {0.1, 0.2, 0.4, 0.8, 1.6};
        double[] alpha100 = {0.8536, 0.7148, 0.5265, 0.3255, 0.1740};
        double[] alphaInf = {0.8536, 0.7148, 0.5262, 0.3206, 0.1560};
        for (int i = 0; i < alphas.length; i++) {
            ShallowSgd sgd = new ShallowSgd(alphas[i], 1, 1, eta, 0);
            assertEquals(alpha100[i], sgd.gammaDistance(100), 5.1e-5, "tau = kappa = 1, alpha = " + alphas[i]);
            assertEquals(alphaInf[i], sgd.asymptoticGammaDistance(), 5.1e-5, "alpha = " + alphas[i]);
        }
        double[] kappas = {0.1, 0.2, 0.4, 0.8, 1.6};
        double[] kappa100 = {0.3311, 0.2935, 0.2778, 0.2706, 0.2671};
        double[] kappaInf = {0.3224, 0.2849, 0.2692, 0.2620, 0.2586};
        for (int i = 0; i < kappas.length; i++) {
            ShallowSgd sgd = new ShallowSgd(1, kappas[i], 1, eta, 0);
            assertEquals(kappa100[i], sgd.gammaDistance(100), 5.1e-5, "alpha = tau = 1, kappa = " + kappas[i]);
            assertEquals(kappaInf[i], sgd.asymptoticGammaDistance(), 5.1e-5, "kappa = " + kappas[i]);
        }
    }

    /** a, b as printed in Result 10; the closed form C(t) equals iterating C(t+1) = aC(t) + b from g⁻². */
    @Test
    void recursionAndClosedFormAgree() {
        for (double sigma : new double[] {0, 0.5, 1.3}) {
            double alpha = 0.7;
            double kappa = 2;
            double tau = 0.5;
            double eta = 0.05;
            ShallowSgd sgd = new ShallowSgd(alpha, kappa, tau, eta, sigma);
            double g = 1 + (1 + sigma * sigma) / alpha;
            assertEquals(g, sgd.g(), 1e-15);
            double noise = eta * eta / tau * (1 + 1 / kappa);
            assertEquals(Math.pow(1 - eta * g, 2) + noise * g * g, sgd.a(), 1e-15);
            assertEquals(noise * (1 + sigma * sigma) / alpha, sgd.b(), 1e-15);
            double c = 1 / (g * g);
            double meanTrace = -1 / g; // tr E[Γ(t) − Γ⋆], mean flow Δ(t+1) = (1 − ηg)Δ(t)
            for (int t = 0; t <= 300; t++) {
                assertEquals(c, sgd.distanceToFixedPoint(t), 1e-14, "C(" + t + ")");
                // (1/D)|Γ − I|² = C + 2(1/g − 1) tr Δ + (1 − 1/g)²
                double direct = c + 2 * (1 / g - 1) * meanTrace + (1 - 1 / g) * (1 - 1 / g);
                assertEquals(direct, sgd.gammaDistance(t), 1e-14, "gammaDistance(" + t + ")");
                c = sgd.a() * c + sgd.b();
                meanTrace *= 1 - eta * g;
            }
        }
    }

    /** The `loss` observable: 1 + σ² at t = 0, → GF optimum + SGD excess; consistent with IsoModel at L = 1. */
    @Test
    void lossObservable() {
        for (double sigma : new double[] {0, 0.5, 1}) {
            for (double alpha : new double[] {0.5, 1, 4}) {
                ShallowSgd sgd = new ShallowSgd(alpha, 1, 0.5, 0.03, sigma);
                double s2 = sigma * sigma;
                assertEquals(1 + s2, sgd.loss(0), 1e-14, "loss(0) = 1 + sigma^2");
                assertEquals(1.0, sgd.gammaDistance(0), 1e-14, "(1/D)|0 - I|^2 = 1");
                double gfOptimum = IsoModel.optimalDepthOne(alpha, sigma)[1];
                double excess = sgd.g() * sgd.b() / (1 - sgd.a());
                assertEquals(gfOptimum + excess, sgd.asymptoticLoss(), 1e-14);
                assertEquals(sgd.asymptoticLoss(), sgd.loss(100_000), 1e-12);
                assertTrue(excess > 0); // (it can exceed the initial loss 1 + σ² when η/τ is large)
                // for a deterministic Γ = γI the loss formula σ² + 1 − 1/g + g(γ − 1/g)² is exactly IsoModel at L = 1
                IsoModel iso = new IsoModel(alpha, Depth.of(1), sigma);
                for (double gamma : new double[] {0, 0.2, 0.9}) {
                    double fromSgd = s2 + 1 - 1 / sgd.g() + sgd.g() * Math.pow(gamma - 1 / sgd.g(), 2);
                    assertEquals(iso.loss(gamma), fromSgd, 1e-13);
                }
                // as η → 0 (η/τ → 0) the SGD excess vanishes
                ShallowSgd tiny = new ShallowSgd(alpha, 1, 0.5, 1e-6, sigma);
                assertEquals(gfOptimum, tiny.asymptoticLoss(), 1e-5);
            }
        }
    }

    @Test
    void unstableEtaIsRefusedWithTheLargestStableEta() {
        double max = ShallowSgd.largestStableEta(1, 1, 0.1, 0);
        // a(η_max) = 1 exactly
        double g = 2;
        double n = 1 / 0.1 * 2;
        assertEquals(1.0, Math.pow(1 - max * g, 2) + max * max * n * g * g, 1e-12);
        new ShallowSgd(1, 1, 0.1, 0.999 * max, 0);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new ShallowSgd(1, 1, 0.1, 1.001 * max, 0));
        assertEquals("eta", e.parameter());
        assertTrue(e.getMessage().contains(Double.toString(max)), e.getMessage());
        assertTrue(e.getMessage().contains(Double.toString(1.001 * max)), e.getMessage());
    }
}
