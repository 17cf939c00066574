package org.iclscale.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loopback HTTP front end: the same answers as the JSON-lines loop, bound to 127.0.0.1 only. */
class HttpFrontEndTest {

    @Test
    void postedRequestLinesAreAnsweredInOrder() throws Exception {
        ObjectMapper mapper = ServeCommand.mapper();
        VerbRunner runner = new VerbRunner(mapper);
        try (HttpFrontEnd front = HttpFrontEnd.start(runner, mapper, 0, 2)) {
            URI uri = URI.create("http://127.0.0.1:" + front.port() + "/");
            HttpClient client = HttpClient.newHttpClient();
            String body = "{\"id\":1,\"verb\":\"risk\",\"options\":{\"alpha\":0.5,\"depth\":4,\"gamma\":2}}\n"
                    + "{\"id\":2,\"verb\":\"risk\",\"options\":{\"alpha\":-1,\"gamma\":1}}\n";
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            List<String> lines = r.body().lines().toList();
            assertEquals(2, lines.size());
            assertEquals(lines.get(0), runner.answer(body.lines().findFirst().orElseThrow()).toJsonLine(mapper));
            JsonNode e = mapper.readTree(lines.get(1));
            assertEquals(2, e.get("id").asInt());
            assertEquals("alpha", e.get("error").get("option").asText());

            HttpResponse<String> get = client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, get.statusCode());

            assertTrue(front.address().getAddress().isLoopbackAddress(), "bound to the loopback interface only");
        }
    }
}
