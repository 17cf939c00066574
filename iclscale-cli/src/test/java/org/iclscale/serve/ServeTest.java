package org.iclscale.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.iclscale.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} against the one-shot command line: every answer must be what {@code ./iclscale VERB ... --format
 * json} prints (result) or its exit code and stderr line (error), whatever the mix, the order and the threads.
 */
class ServeTest {

    private static final ObjectMapper MAPPER = ServeCommand.mapper();

    /**
     * A request (without id) and the command line that must give the same answer. {@code weight}: how often it
     * appears among the mixed requests (the Symja verbs cost 10-100 times more than the numeric ones).
     */
    record Case(String request, List<String> cli, int weight) {
        Case(String request, String cli, int weight) {
            this(request, List.of(cli.split(" ")), weight);
        }
    }

    /** Requests the command line answers the same way: valid ones of every served computing verb, and bad ones. */
    static final List<Case> CASES = List.of(
            new Case("{\"verb\":\"risk\",\"options\":{\"alpha\":0.5,\"depth\":4,\"gamma\":2}}",
                    "risk --alpha 0.5 --depth 4 --gamma 2 --format json", 40),
            new Case("{\"verb\":\"risk\",\"options\":{\"alpha\":0.5,\"depth\":3,\"gamma\":\"opt\",\"sigma\":0.5}}",
                    "risk --alpha 0.5 --depth 3 --gamma opt --sigma 0.5 --format json", 40),
            new Case("{\"verb\":\"risk\",\"options\":{\"setting\":\"rrs\",\"nu\":1.5,\"beta\":0.8,\"dim\":64,\"alpha\":4,"
                    + "\"width\":16,\"depth\":4,\"gamma\":\"opt\"}}",
                    "risk --setting rrs --nu 1.5 --beta 0.8 --dim 64 --alpha 4 --width 16 --depth 4 --gamma opt --format json", 10),
            new Case("{\"verb\":\"risk\",\"options\":{\"setting\":\"rrs\",\"nu\":1.5,\"beta\":0.8,\"dim\":32,\"layer-gammas\":[1,2,3]}}",
                    "risk --setting rrs --nu 1.5 --beta 0.8 --dim 32 --layer-gammas 1,2,3 --format json", 30),
            new Case("{\"verb\":\"risk\",\"options\":{\"alpha\":1,\"depth\":2,\"time\":5}}",
                    "risk --alpha 1 --depth 2 --time 5 --format json", 30),
            new Case("{\"verb\":\"risk\",\"options\":{\"setting\":\"rrs\",\"nu\":1.5,\"beta\":0.8,\"widthRatio\":0.25,\"dim\":1e2,"
                    + "\"gamma\":\"opt\",\"depth\":2}}",
                    "risk --setting rrs --nu 1.5 --beta 0.8 --width-ratio 0.25 --dim 1e2 --gamma opt --depth 2 --format json", 4),
            new Case("{\"verb\":\"optimum\",\"options\":{\"setting\":\"rrs\",\"nu\":1.5,\"beta\":0.8,\"dim\":64,\"depth\":8}}",
                    "optimum --setting rrs --nu 1.5 --beta 0.8 --dim 64 --depth 8 --format json", 30),
            new Case("{\"verb\":\"optimum\",\"options\":{\"alpha\":1,\"depth\":\"inf\",\"sigma\":0.5}}",
                    "optimum --alpha 1 --depth inf --sigma 0.5 --format json", 2),
            new Case("{\"verb\":\"landscape\",\"options\":{\"alpha\":1,\"depth\":2,\"points\":5}}",
                    "landscape --alpha 1 --depth 2 --points 5 --format json", 30),
            new Case("{\"verb\":\"dynamics\",\"options\":{\"alpha\":1,\"depth\":4,\"times\":[1,10]}}",
                    "dynamics --alpha 1 --depth 4 --times 1,10 --format json", 15),
            new Case("{\"verb\":\"dynamics\",\"options\":{\"setting\":\"fs\",\"nu\":1.5,\"beta\":0.8,\"dim\":32,\"times\":[0,1,10],"
                    + "\"modes\":[1,2]}}",
                    "dynamics --setting fs --nu 1.5 --beta 0.8 --dim 32 --times 0,1,10 --modes 1,2 --format json", 20),
            new Case("{\"verb\":\"sgd\",\"options\":{\"alpha\":1,\"eta\":0.02,\"steps\":10}}",
                    "sgd --alpha 1 --eta 0.02 --steps 10 --format json", 30),
            new Case("{\"verb\":\"simulate\",\"options\":{\"dim\":20,\"alpha\":1,\"depth\":2,\"gamma\":1,\"trials\":50}}",
                    "simulate --dim 20 --alpha 1 --depth 2 --gamma 1 --trials 50 --format json", 30),
            new Case("{\"verb\":\"train\",\"options\":{\"dim\":16,\"alpha\":1,\"depth\":2,\"eta\":0.05,\"steps\":20,\"every\":10}}",
                    "train --dim 16 --alpha 1 --depth 2 --eta 0.05 --steps 20 --every 10 --format json", 3),
            new Case("{\"verb\":\"train\",\"options\":{\"dim\":8,\"alpha\":1,\"depth\":2,\"eta\":0.05,\"steps\":10,\"untied\":true,"
                    + "\"seed\":3}}",
                    "train --dim 8 --alpha 1 --depth 2 --eta 0.05 --steps 10 --untied --seed 3 --format json", 2),
            new Case("{\"verb\":\"ood\",\"options\":{\"setting\":\"fs\",\"nu\":1.5,\"beta\":0.8,\"dim\":16,\"depth\":2,\"thetas\":[0,0.5,1]}}",
                    "ood --setting fs --nu 1.5 --beta 0.8 --dim 16 --depth 2 --thetas 0,0.5,1 --format json", 8),
            new Case("{\"verb\":\"exponents\",\"options\":{\"nu\":2,\"beta\":0.5,\"numeric-only\":true}}",
                    "exponents --nu 2 --beta 0.5 --numeric-only --format json", 20),
            new Case("{\"verb\":\"exponents\",\"options\":{\"nu\":1.5,\"beta\":0.8}}",
                    "exponents --nu 1.5 --beta 0.8 --format json", 1),
            new Case("{\"verb\":\"shape\",\"options\":{\"nu\":1.5,\"beta\":0.8,\"compute\":1e8}}",
                    "shape --nu 1.5 --beta 0.8 --compute 1e8 --format json", 5),
            new Case("{\"verb\":\"derive\",\"args\":[\"isoOptimalLoss\"],\"options\":{\"set\":[\"L=2\"]}}",
                    "derive --format json --set L=2 isoOptimalLoss", 3),
            new Case("{\"verb\":\"derive\",\"args\":[\"isoOptimalLoss\"]}",
                    "derive --format json isoOptimalLoss", 3),
            new Case("{\"verb\":\"check\",\"args\":[\"(1+2*alpha)/(1+alpha)^3\"],\"options\":{\"against\":\"isoOptimalLoss\","
                    + "\"set\":[\"L=2\"],\"points\":4}}",
                    "check --against isoOptimalLoss --set L=2 --points 4 --format json (1+2*alpha)/(1+alpha)^3", 1),
            new Case("{\"verb\":\"sweep\",\"options\":{\"threads\":1},\"args\":[\"risk\",\"--alpha\",\"0.5,1\",\"--gamma\",\"opt\"]}",
                    "sweep --threads 1 --format json risk --alpha 0.5,1 --gamma opt", 4),
            new Case("{\"verb\":\"optimum\",\"options\":{\"help\":true}}", "optimum --help", 5),
            // bad input (exit 2)
            new Case("{\"verb\":\"risk\",\"options\":{\"alpha\":-1,\"gamma\":1}}", "risk --alpha -1 --gamma 1 --format json", 40),
            new Case("{\"verb\":\"risk\",\"options\":{\"depth\":0,\"gamma\":1}}", "risk --depth 0 --gamma 1 --format json", 30),
            new Case("{\"verb\":\"risk\",\"options\":{\"setting\":\"xyz\",\"gamma\":1}}", "risk --setting xyz --gamma 1 --format json", 20),
            new Case("{\"verb\":\"risk\",\"options\":{\"gamma\":1,\"time\":2}}", "risk --gamma 1 --time 2 --format json", 20),
            new Case("{\"verb\":\"risk\",\"options\":{\"foo\":1,\"gamma\":1}}", "risk --format json --foo 1 --gamma 1", 20),
            new Case("{\"verb\":\"dynamics\",\"options\":{\"alpha\":1}}", "dynamics --alpha 1 --format json", 20),
            new Case("{\"verb\":\"landscape\",\"options\":{\"points\":\"many\"}}", "landscape --points many --format json", 20),
            new Case("{\"verb\":\"sweep\",\"options\":{\"threads\":1},\"args\":[\"risk\",\"--alpha\",\"-1,1\",\"--gamma\",\"1\"]}",
                    "sweep --threads 1 --format json risk --alpha -1,1 --gamma 1", 4),
            // a computation that cannot finish (exit 1)
            new Case("{\"verb\":\"risk\",\"options\":{\"setting\":\"rrs\",\"nu\":1.5,\"beta\":0.8,\"dim\":64,\"alpha\":4,\"width\":16,"
                    + "\"depth\":4,\"gamma\":1000}}",
                    "risk --setting rrs --nu 1.5 --beta 0.8 --dim 64 --alpha 4 --width 16 --depth 4 --gamma 1000 --format json", 10),
            new Case("{\"verb\":\"train\",\"options\":{\"dim\":16,\"alpha\":1,\"depth\":2,\"eta\":100,\"steps\":50}}",
                    "train --dim 16 --alpha 1 --depth 2 --eta 100 --steps 50 --format json", 5));

    /** The answer the one-shot command line gives to each case (computed once, in a fresh command line each). */
    private static final Map<Case, JsonNode> EXPECTED = new HashMap<>();

    private static VerbRunner runner;

    @BeforeAll
    static void oneShot() {
        runner = new VerbRunner(MAPPER);
        for (Case c : CASES) {
            EXPECTED.put(c, oneShotAnswer(c.cli()));
        }
    }

    /** What ./iclscale prints, as the answer serve must give: the JSON (or text) result, or code and stderr line. */
    static JsonNode oneShotAnswer(List<String> argv) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), argv.toArray(String[]::new));
        ObjectNode answer = MAPPER.createObjectNode();
        if (code == 0) {
            answer.set("result", runner.result(out.toString()));
        } else {
            ObjectNode e = answer.putObject("error");
            e.put("code", code);
            e.put("message", err.toString().strip());
            assertEquals(1, err.toString().strip().lines().count(), "one stderr line: " + err);
        }
        return answer;
    }

    /** Runs the lines through a LineServer and returns the answer lines as JSON, in the order written. */
    static List<JsonNode> serve(List<String> lines, int threads, boolean ordered) throws IOException {
        StringWriter out = new StringWriter();
        new LineServer(runner, MAPPER, threads, ordered)
                .serve(new BufferedReader(new StringReader(String.join("\n", lines) + "\n")), out);
        List<JsonNode> answers = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            answers.add(MAPPER.readTree(line));
        }
        return answers;
    }

    /** The requests with ids 1..n drawn from CASES by weight (seeded), and which case each id is. */
    static List<Case> mix(int n, long seed) {
        List<Case> pool = new ArrayList<>();
        for (Case c : CASES) {
            for (int i = 0; i < c.weight(); i++) {
                pool.add(c);
            }
        }
        Random random = new Random(seed);
        List<Case> drawn = new ArrayList<>();
        // every case at least once, then weighted draws, shuffled
        drawn.addAll(CASES);
        while (drawn.size() < n) {
            drawn.add(pool.get(random.nextInt(pool.size())));
        }
        Collections.shuffle(drawn, random);
        return drawn;
    }

    static String withId(Case c, int id) {
        return "{\"id\":" + id + "," + c.request().substring(1);
    }

    /** Compares one answer with the one-shot command line's. */
    static void assertSame(Case c, JsonNode answer) {
        JsonNode expected = EXPECTED.get(c);
        if (expected.has("result")) {
            assertEquals(expected.get("result"), answer.get("result"), () -> c.request() + " -> " + answer);
        } else {
            JsonNode e = answer.get("error");
            assertNotNull(e, () -> c.request() + " -> " + answer);
            assertEquals(expected.get("error").get("code").asInt(), e.get("code").asInt(), c.request());
            assertEquals(expected.get("error").get("message").asText(), e.get("message").asText(), c.request());
            assertTrue(e.has("option") && e.has("value") && e.has("valid"), answer::toString);
        }
    }

    @Test
    void thousandMixedRequestsAnsweredInOrderOfIdsEqualToTheOneShotCommandLine() throws IOException {
        List<Case> mix = mix(1000, 13);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < mix.size(); i++) {
            lines.add(withId(mix.get(i), i + 1));
        }
        List<JsonNode> answers = serve(lines, 2, true);
        assertEquals(1000, answers.size());
        long errors = 0;
        for (int i = 0; i < answers.size(); i++) {
            assertEquals(i + 1, answers.get(i).get("id").asInt(), "answers in order of ids");
            assertSame(mix.get(i), answers.get(i));
            errors += answers.get(i).has("error") ? 1 : 0;
        }
        assertTrue(errors > 100 && errors < 900, "a real mix of valid and invalid requests: " + errors + " errors");
    }

    @Test
    void parallelAnswersCarryTheirIds() throws IOException {
        List<Case> mix = mix(300, 7);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < mix.size(); i++) {
            lines.add(withId(mix.get(i), i + 1));
        }
        List<JsonNode> answers = serve(lines, 3, false);
        TreeSet<Integer> ids = new TreeSet<>();
        for (JsonNode a : answers) {
            int id = a.get("id").asInt();
            assertTrue(ids.add(id), "one answer per id");
            assertSame(mix.get(id - 1), a);
        }
        assertEquals(300, ids.size());
        assertEquals(1, ids.first());
        assertEquals(300, ids.last());
    }

    @Test
    void parallelRequestsDoNotWaitForEachOther() throws IOException {
        // a long sweep first, then a quick risk: with two workers the quick one is answered first
        String slow = "{\"id\":\"slow\",\"verb\":\"sweep\",\"options\":{\"threads\":1},\"args\":[\"simulate\",\"--dim\",\"40\","
                + "\"--alpha\",\"1\",\"--gamma\",\"1\",\"--trials\",\"2000\",\"--seed\",\"1:20:lin:20\"]}";
        String quick = "{\"id\":\"quick\",\"verb\":\"risk\",\"options\":{\"alpha\":1,\"gamma\":1}}";
        List<JsonNode> answers = serve(List.of(slow, quick), 2, false);
        assertEquals("quick", answers.get(0).get("id").asText());
        assertEquals("slow", answers.get(1).get("id").asText());
        assertEquals(20, answers.get(1).get("result").get("rows").size());
        List<JsonNode> inOrder = serve(List.of(slow, quick), 2, true);
        assertEquals("slow", inOrder.get(0).get("id").asText(), "--ordered keeps the request order");
    }

    @Test
    void badRequestsGetStructuredErrorsAndTheServerKeepsAnswering() throws IOException {
        String valid = "{\"id\":%d,\"verb\":\"risk\",\"options\":{\"alpha\":0.5,\"depth\":4,\"gamma\":2}}";
        List<String> lines = List.of(
                String.format(valid, 1),
                "{\"id\": 2, \"verb\": \"risk\", \"options\": {\"alpha\": 0.5",          // malformed JSON
                String.format(valid, 3),
                "{\"id\":4,\"verb\":\"frobnicate\",\"options\":{}}",                      // unknown verb
                String.format(valid, 5),
                "{\"id\":6,\"verb\":\"risk\",\"options\":{\"alpha\":-1,\"gamma\":1}}",    // invalid option value
                String.format(valid, 7),
                "{\"id\":8,\"verb\":\"risk\",\"options\":{\"setting\":\"rrs\",\"nu\":1.5,\"beta\":0.8,\"dim\":64,\"alpha\":4,"
                        + "\"width\":16,\"depth\":4,\"gamma\":1000}}",                    // a solve that cannot finish
                String.format(valid, 9),
                "[1, 2, 3]",                                                              // JSON, not an object
                "{\"id\":11,\"verb\":\"risk\",\"options\":{\"alpha\":{\"x\":1}}}",        // an object as a value
                "{\"id\":12,\"verb\":\"tour\"}",                                          // writes files, no folder given
                "{\"id\":13,\"verb\":\"serve\"}",                                         // not served
                String.format(valid, 14));
        List<JsonNode> a = serve(lines, 2, true);
        assertEquals(lines.size(), a.size());
        JsonNode good = a.get(0).get("result");
        assertEquals(EXPECTED.get(CASES.get(0)).get("result"), good);
        for (int i : new int[] {2, 4, 6, 8, 13}) {
            assertEquals(good, a.get(i).get("result"), "still answering after a bad request: " + a.get(i));
        }

        JsonNode malformed = a.get(1);
        assertTrue(malformed.get("id").isNull(), "a line that is not JSON is answered with id null");
        assertEquals(2, malformed.get("error").get("code").asInt());
        assertTrue(malformed.get("error").get("message").asText().startsWith("iclscale serve: request is not JSON"));

        JsonNode unknownVerb = a.get(3).get("error");
        assertEquals(4, a.get(3).get("id").asInt());
        assertEquals(2, unknownVerb.get("code").asInt());
        assertEquals("verb", unknownVerb.get("option").asText());
        assertEquals("frobnicate", unknownVerb.get("value").asText());
        assertTrue(unknownVerb.get("valid").asText().contains("risk, optimum"), unknownVerb::toString);
        assertFalse(unknownVerb.get("valid").asText().contains("serve"), unknownVerb::toString);

        JsonNode invalid = a.get(5).get("error");
        assertEquals(2, invalid.get("code").asInt());
        assertEquals("alpha", invalid.get("option").asText());
        assertEquals("-1", invalid.get("value").asText());
        assertEquals("a number > 0, or inf", invalid.get("valid").asText());
        assertEquals("iclscale risk: --alpha: -1 is out of range (expected a number > 0, or inf)", invalid.get("message").asText());

        JsonNode failed = a.get(7).get("error");
        assertEquals(1, failed.get("code").asInt());
        assertTrue(failed.get("option").isNull());
        assertTrue(failed.get("message").asText().startsWith("iclscale risk: computation failed: two-point contour (E3)"),
                failed::toString);

        assertTrue(a.get(9).get("id").isNull());
        assertEquals(2, a.get(9).get("error").get("code").asInt());
        assertEquals("alpha", a.get(10).get("error").get("option").asText());
        assertEquals("out", a.get(11).get("error").get("option").asText());
        assertEquals("serve", a.get(12).get("error").get("value").asText());
    }

    @Test
    void numbersReachTheOptionParserAsTheClientSpelledThem() throws IOException {
        // 1e2 for an integer option and 0.10 keep their spelling (the command line accepts 1e8 for integers)
        JsonNode a = serve(List.of("{\"id\":1,\"verb\":\"risk\",\"options\":{\"setting\":\"rrs\",\"nu\":1.5,\"beta\":0.8,"
                + "\"dim\":1e2,\"depth\":2,\"gamma\":0.10}}"), 1, true).get(0);
        assertEquals(oneShotAnswer(List.of("risk", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "1e2",
                "--depth", "2", "--gamma", "0.10", "--format", "json")).get("result"), a.get("result"));
        JsonNode bad = serve(List.of("{\"id\":1,\"verb\":\"risk\",\"options\":{\"depth\":2.50,\"gamma\":1}}"), 1, true).get(0);
        assertEquals("2.50", bad.get("error").get("value").asText());
    }

    @Test
    void aVerbThatWritesFilesRunsWhenTheRequestNamesTheFolder(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("fig");
        String request = "{\"id\":1,\"verb\":\"figure\",\"args\":[\"2\"],\"options\":{\"out\":" + MAPPER.writeValueAsString(out.toString()) + "}}";
        JsonNode a = serve(List.of(request), 1, true).get(0);
        assertTrue(a.has("result"), a::toString);
        try (var files = Files.list(out)) {
            assertTrue(files.findAny().isPresent(), "files written into the folder the request named");
        }
        JsonNode expected = oneShotAnswer(List.of("figure", "2", "--out", out.toString(), "--format", "json")).get("result");
        assertEquals(withoutTiming(expected), withoutTiming(a.get("result")));
    }

    /** A figure result without its wall-clock note ("Fig. 2 computed and written in 2.5 s"), the one part that varies. */
    static JsonNode withoutTiming(JsonNode figureResult) {
        ObjectNode copy = figureResult.deepCopy();
        var notes = copy.withArray("notes");
        int timed = 0;
        for (int i = notes.size() - 1; i >= 0; i--) {
            if (notes.get(i).asText().matches("Fig\\. \\S+ computed and written in [0-9.]+ s")) {
                notes.remove(i);
                timed++;
            }
        }
        assertEquals(1, timed, "one timing note: " + figureResult);
        return copy;
    }

    @Test
    void describeListsTheServedVerbsWithTheCommandLinesHelp() throws IOException {
        JsonNode d = serve(List.of("{\"id\":1,\"verb\":\"describe\"}"), 1, true).get(0).get("result").get("verbs");
        List<String> verbs = new ArrayList<>();
        d.fieldNames().forEachRemaining(verbs::add);
        assertEquals(runner.verbs(), verbs);
        assertTrue(verbs.containsAll(List.of("risk", "optimum", "landscape", "dynamics", "sweep", "exponents", "check", "shape")));
        assertFalse(verbs.contains("serve") || verbs.contains("help"));
        for (String v : verbs) {
            StringWriter out = new StringWriter();
            Main.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter()), v, "--help");
            assertEquals(out.toString(), d.get(v).get("usage").asText(), v);
        }
        JsonNode alpha = null;
        for (JsonNode o : d.get("risk").get("options")) {
            if (o.get("name").asText().equals("alpha")) {
                alpha = o;
            }
        }
        assertNotNull(alpha);
        assertEquals("inf", alpha.get("default").asText());
        assertTrue(d.get("figure").get("writesFiles").asBoolean());
        assertFalse(d.get("risk").get("writesFiles").asBoolean());
    }
}
