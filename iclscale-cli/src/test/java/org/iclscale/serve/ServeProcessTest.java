package org.iclscale.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code iclscale serve} as a separate JVM, as Python starts it: answers on stdout only (even while Symja starts,
 * which swaps the standard streams), exit 0 at the end of the input after the last answer, and on SIGTERM the
 * requests already read are answered before the process ends.
 */
class ServeProcessTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Process start() throws IOException {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xss16m", "-cp", cp, "org.iclscale.cli.Main", "serve", "--threads", "2")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static Writer in(Process p) {
        return new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
    }

    private static BufferedReader out(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    @Test
    void answersOnStdoutOnlyAndExitsCleanlyAtTheEndOfTheInput() throws Exception {
        Process p = start();
        try (Writer w = in(p)) {
            w.write("{\"id\":1,\"verb\":\"risk\",\"options\":{\"alpha\":0.5,\"depth\":4,\"gamma\":\"opt\"}}\n");
            w.write("{\"id\":2,\"verb\":\"derive\",\"args\":[\"isoOptimalLoss\"],\"options\":{\"set\":[\"L=1\"]}}\n");
            w.write("not json\n");
            w.write("{\"id\":4,\"verb\":\"risk\",\"options\":{\"alpha\":-1,\"gamma\":1}}\n");
            w.write("{\"id\":5,\"verb\":\"plot\",\"options\":{\"in\":\"-\",\"x\":\"alpha\",\"out\":\"" + new File("target/unused.png")
                    .getAbsolutePath() + "\"}}\n"); // reads stdin: must not swallow the protocol
            w.write("{\"id\":6,\"verb\":\"risk\",\"options\":{\"alpha\":2,\"gamma\":1}}\n");
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = out(p)) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "serve ends at the end of its input");
        assertEquals(0, p.exitValue());
        assertEquals(6, lines.size(), String.join("\n", lines));
        List<String> ids = new ArrayList<>();
        for (String l : lines) {
            JsonNode a = MAPPER.readTree(l); // every stdout line is an answer
            ids.add(a.get("id").asText());
            assertTrue(a.has("result") != a.has("error"), l);
        }
        assertTrue(ids.containsAll(List.of("1", "2", "null", "4", "5", "6")), ids.toString());
    }

    @Test
    void sigtermAnswersTheRequestsAlreadyReadThenEnds() throws Exception {
        Process p = start();
        Writer w = in(p);
        BufferedReader r = out(p);
        // a sweep of a few seconds, then a quick request: once the quick answer is back, both lines were read
        w.write("{\"id\":\"slow\",\"verb\":\"sweep\",\"options\":{\"threads\":1},\"args\":[\"simulate\",\"--dim\",\"40\","
                + "\"--alpha\",\"1\",\"--gamma\",\"1\",\"--trials\",\"2000\",\"--seed\",\"1:15:lin:15\"]}\n");
        w.write("{\"id\":\"quick\",\"verb\":\"risk\",\"options\":{\"alpha\":1,\"gamma\":1}}\n");
        w.flush();
        JsonNode first = MAPPER.readTree(r.readLine());
        assertEquals("quick", first.get("id").asText());
        p.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of the pipes)
        String second = r.readLine();
        String after = r.readLine();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "serve ends after SIGTERM");
        JsonNode slow = MAPPER.readTree(second);
        assertEquals("slow", slow.get("id").asText());
        assertEquals(15, slow.get("result").get("rows").size());
        assertEquals(null, after, "nothing but answers on stdout");
        assertEquals(143, p.exitValue(), "the JVM's exit status for SIGTERM");
    }
}
