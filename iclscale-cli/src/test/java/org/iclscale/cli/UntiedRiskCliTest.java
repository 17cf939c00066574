package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.iclscale.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/** {@code risk --layer-gammas}: untied layers with the App. G.1.2 noise term (notes §3.6). */
class UntiedRiskCliTest {

    private static final String[] SPECTRUM = {"--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "64"};

    private static JsonNode json(String... extra) {
        String[] args = new String[1 + SPECTRUM.length + extra.length + 2];
        args[0] = "risk";
        System.arraycopy(SPECTRUM, 0, args, 1, SPECTRUM.length);
        System.arraycopy(extra, 0, args, 1 + SPECTRUM.length, extra.length);
        args[args.length - 2] = "--format";
        args[args.length - 1] = "json";
        CliHarness.Run r = CliHarness.run(args);
        assertEquals(0, r.code(), r.err());
        return r.json();
    }

    @Test
    void equalLayersAtInfiniteContextEqualTheTiedModel() {
        JsonNode untied = json("--layer-gammas", "6,6,6,6");
        JsonNode tied = json("--depth", "4", "--gamma", "6");
        assertEquals(tied.get("loss").asDouble(), untied.get("loss").asDouble(), 1e-14);
        assertEquals(0.0, untied.get("noiseLoss").asDouble());
    }

    @Test
    void noiseTermOfEqualLayersReducesToTheTiedClosedForm() {
        double alpha = 4;
        double sigma = 0.5;
        double gamma = 5;
        int layers = 3;
        JsonNode untied = json("--layer-gammas", "5,5,5", "--alpha", "4", "--sigma", "0.5");
        // tied reduction (notes §3.6): (σ²/P) Σ_k (1 − (1 − γλ_k/L)^L)², P = αD, computed here independently
        Spectrum s = Spectrum.powerLaw(1.5, 0.8, 64);
        double noise = 0;
        double signal = 0;
        for (int k = 0; k < s.dim(); k++) {
            double x = 1 - gamma * s.lambdaAt(k) / layers;
            noise += Math.pow(1 - Math.pow(x, layers), 2);
            signal += s.weightAt(k) * Math.pow(x, 2 * layers);
        }
        noise *= sigma * sigma / (alpha * s.dim());
        assertEquals(noise, untied.get("noiseLoss").asDouble(), 1e-14);
        assertEquals(signal + noise + sigma * sigma, untied.get("loss").asDouble(), 1e-14);
    }

    @Test
    void unequalLayersArePermutationSymmetricInTheSignal() {
        JsonNode a = json("--layer-gammas", "2,8,5");
        JsonNode b = json("--layer-gammas", "5,2,8");
        assertEquals(a.get("signalLoss").asDouble(), b.get("signalLoss").asDouble(), 1e-14);
    }

    @Test
    void badInputExitsTwo() {
        CliHarness.Run iso = CliHarness.run("risk", "--layer-gammas", "1,2");
        assertEquals(2, iso.code());
        assertTrue(iso.err().contains("--layer-gammas"), iso.err());
        CliHarness.Run negative = CliHarness.run("risk", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "8",
                "--layer-gammas", "1,-2");
        assertEquals(2, negative.code());
        CliHarness.Run depth = CliHarness.run("risk", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "8",
                "--layer-gammas", "1,2", "--depth", "3");
        assertEquals(2, depth.code());
    }
}
