package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.iclscale.core.QueryLabels;
import org.iclscale.model.ModelSpec;
import org.iclscale.model.OodRequest;
import org.iclscale.model.OodResult;
import org.iclscale.model.PowerLaw;
import org.iclscale.model.SgdRequest;
import org.iclscale.model.SgdResult;
import org.iclscale.model.Theory;
import org.iclscale.model.TrainResult;
import org.iclscale.model.TrainSpec;
import org.iclscale.theory.ShallowSgd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code train}, {@code sgd}, {@code ood} as thin adapters: the JSON users see is the typed result of
 * {@link Theory#train}, {@link Theory#sgd}, {@link Theory#ood} for the same parameters (same numbers to 1e-12), and
 * the refusals found by the hardening review (issue 18) and the query-label option (issue 16 item 15).
 */
class TrainingVerbsAdapterTest {

    private static void assertColumn(double[] expected, JsonNode actual, String what) {
        assertEquals(expected.length, actual.size(), what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual.get(i).asDouble(), 1e-12 * Math.max(1, Math.abs(expected[i])), what + i);
        }
    }

    @Test
    void trainJsonIsTheoryTrain() {
        CliHarness.Run r = CliHarness.run("train", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "8",
                "--alpha", "1.9", "--depth", "2", "--eta", "0.05", "--steps", "4", "--every", "2", "--sigma", "0.2",
                "--seed", "7", "--test-contexts", "50", "--untied", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        TrainSpec spec = TrainSpec.builder(ModelSpec.rrs(PowerLaw.of(1.5, 0.8, 8)).alpha(1.9).depth(2).sigma(0.2)
                .build(), TrainSpec.Architecture.REDUCED).eta(0.05).steps(4).every(2).seed(7).testContexts(50).untied(true)
                .build();
        TrainResult res = Theory.standard().train(spec);
        assertColumn(res.steps(), j.get("step"), "step");
        assertColumn(res.loss(), j.get("loss"), "loss");
        assertColumn(res.standardError(), j.get("standardError"), "standardError");
        assertColumn(res.excessLoss(), j.get("excessLoss"), "excessLoss");
        assertColumn(res.trainLoss(), j.get("trainLoss"), "trainLoss");
        assertColumn(res.gamma(), j.get("gamma"), "gamma");
        assertColumn(res.layerGammas().get(0), j.get("gammaLayer1"), "gammaLayer1");
        assertColumn(res.theory().theory().orElseThrow().loss(), j.get("theoryLoss"), "theoryLoss");
        assertColumn(res.theory().theory().orElseThrow().gamma().orElseThrow(), j.get("theoryGamma"), "theoryGamma");
        assertEquals(res.method(), j.get("method").asText());
        assertEquals(res.theory().timeConvention(), j.get("timeConvention").asText());
        assertEquals(15.0 / 8, j.get("theoryAlpha").asDouble(), 0.0, "realised alpha P/D");
        assertEquals(15, j.get("contextLength").asInt());
        assertEquals(res.finalLoss(), j.get("finalLoss").asDouble(), 0.0);
    }

    @Test
    void sgdJsonIsTheorySgdInBothConventions() {
        for (QueryLabels labels : QueryLabels.values()) {
            CliHarness.Run r = CliHarness.run("sgd", "--alpha", "0.7", "--kappa", "0.4", "--tau", "0.5", "--eta", "0.02",
                    "--sigma", "0.8", "--steps", "30", "--every", "10", "--query-labels", labels.cliName(), "--format",
                    "json");
            assertEquals(0, r.code(), r.err());
            JsonNode j = r.json();
            SgdResult res = Theory.standard().sgd(new SgdRequest(0.7, 0.4, 0.5, 0.02, 0.8, 30, 10, labels));
            assertColumn(res.loss(), j.get("loss"), "loss");
            assertColumn(res.gammaDistance(), j.get("gammaDistance"), "gammaDistance");
            ShallowSgd sgd = new ShallowSgd(0.7, 0.4, 0.5, 0.02, 0.8, labels);
            assertEquals(sgd.b(), j.get("b").asDouble(), 0.0);
            assertEquals(sgd.asymptoticLoss(), j.get("asymptoticLoss").asDouble(), 0.0);
            assertEquals(labels == QueryLabels.NOISY, j.get("method").asText().contains("noisy query labels"));
        }
        String help = CliHarness.run("sgd", "--help").out();
        assertTrue(help.contains("--query-labels") && help.contains("noise-free labels"), help);
        assertEquals(2, CliHarness.run("sgd", "--alpha", "1", "--eta", "0.1", "--steps", "3", "--query-labels", "x").code());
    }

    /** Issue 18: a tiny alpha blamed --eta with "expected 0 < eta < 0.0"; now it names --alpha. */
    @Test
    void sgdBlamesAlphaWhenNoStableStepExists() {
        CliHarness.Run r = CliHarness.run("sgd", "--alpha", "1e-308", "--eta", "0.1", "--steps", "3");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("--alpha") && r.err().contains("1.0E-308"), r.err());
        assertFalse(r.err().contains("0 < eta < 0.0"), r.err());
    }

    @Test
    void oodJsonIsTheoryOod() {
        CliHarness.Run r = CliHarness.run("ood", "--setting", "fs", "--nu", "1.25", "--beta", "1.25", "--dim", "16",
                "--depth", "2", "--thetas", "0.01,0.05,0.3", "--compare-depths", "4,8", "--sigma", "0.1", "--seed", "3",
                "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        OodResult res = Theory.standard().ood(new OodRequest(ModelSpec.fs(PowerLaw.of(1.25, 1.25, 16)).depth(2)
                .sigma(0.1).build(), new double[] {0.01, 0.05, 0.3}, 3, new int[] {4, 8}));
        assertColumn(res.lossAt(0), j.get("loss"), "loss");
        assertColumn(res.lossAt(1), j.get("lossL4"), "lossL4");
        assertColumn(res.lossAt(2), j.get("lossL8"), "lossL8");
        assertColumn(res.spectralRadius(), j.get("spectralRadius"), "spectralRadius");
        assertColumn(res.excessLoss(), j.get("excessLoss"), "excessLoss");
        assertEquals(res.crossoverTheta().isPresent(), j.has("crossoverTheta"));
        res.crossoverTheta().ifPresent(c -> assertEquals(c, j.get("crossoverTheta").asDouble(), 0.0));
    }

    /** Issue 18: overflowing derived sizes, options that do not apply; one line naming the option, exit 2. */
    @ParameterizedTest
    @ValueSource(strings = {"--alpha=1e308", "--tau=1e308", "--kappa=1e308", "--nu=1.5", "--beta=0.8",
        "--train-readout=", "--query-labels=clean", "--dim=8000"})
    void refusedTrainInputsNameTheirOption(String option) {
        String[] kv = option.split("=", 2);
        String[] base = {"train", "--dim", "8", "--alpha", "1", "--eta", "0.05", "--steps", "4"};
        String[] args = java.util.Arrays.copyOf(base, base.length + (kv[1].isEmpty() ? 1 : 2));
        args[base.length] = kv[0];
        if (!kv[1].isEmpty()) {
            args[base.length + 1] = kv[1];
        }
        if (kv[0].equals("--dim")) { // replaces the base --dim
            args[2] = kv[1];
            args = java.util.Arrays.copyOf(args, base.length);
        }
        CliHarness.Run r = CliHarness.run(args);
        String what = String.join(" ", args) + " -> " + r.err();
        assertEquals(2, r.code(), what);
        assertEquals(1, r.errLines().size(), what);
        assertTrue(r.err().contains(kv[0]), what);
        assertFalse(r.err().contains("Exception") || r.err().contains("internal error"), what);
    }

    @Test
    void oodRefusesAHugeAngle() {
        CliHarness.Run r = CliHarness.run("ood", "--setting", "fs", "--nu", "1.25", "--beta", "1.25", "--dim", "8",
                "--thetas", "1e308");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--thetas"), r.err());
    }

    @Test
    void trainHelpStatesTheLabelConvention() {
        String help = CliHarness.run("train", "--help").out();
        assertTrue(help.contains("--query-labels") && help.contains("query labels included"), help);
    }
}
