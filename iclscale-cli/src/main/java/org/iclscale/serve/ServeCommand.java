package org.iclscale.serve;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.iclscale.cli.Main;
import org.iclscale.core.Inputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: answer JSON-lines requests on stdin/stdout (or HTTP on 127.0.0.1) until EOF or SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Long-lived mode for Python and other hosts: one JSON request per stdin line,",
            "  {\"id\": 7, \"verb\": \"risk\", \"options\": {\"alpha\": 0.5, \"depth\": 4, \"gamma\": \"opt\"}, \"args\": [...]}",
            "(options as on the command line without the dashes; true switches a flag on; a list becomes v1,v2,...),",
            "one JSON answer per stdout line, {\"id\": 7, \"result\": {the keys of --format json}} or",
            "{\"id\": 7, \"error\": {\"code\": 2, \"option\": \"alpha\", \"value\": \"-1\", \"valid\": \"...\", \"message\": \"...\"}}",
            "with the command line's exit code and stderr line. A line that is not JSON is answered with \"id\": null.",
            "Requests run in parallel and are answered as they finish (match them by id), or in request order with",
            "--ordered. {\"verb\": \"describe\"} lists the verbs, their options and help. Verbs that write files run only",
            "when the request names their folder (\"out\"). Ends at the end of the input or on SIGTERM, after",
            "answering the requests already read."})
public final class ServeCommand implements Callable<Integer> {

    /** How long SIGTERM waits for the requests already read to be answered. */
    static final long DRAIN_MILLIS = 30_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--threads", description = "Requests computed at once (default: the number of processors).")
    String threads;

    @Option(names = "--ordered", description = "Write the answers in the order of the requests (default: as they finish).")
    boolean ordered;

    @Option(names = "--port", description = "Serve HTTP on 127.0.0.1:PORT instead of stdin/stdout (POST request lines,"
            + " one answer line each; 0 picks a free port, printed on stderr); runs until SIGTERM.")
    String port;

    /**
     * One mapper for the whole server (Jackson mappers are thread-safe once configured). Non-ASCII characters are
     * escaped so that the answers do not depend on the platform's charset.
     */
    static ObjectMapper mapper() {
        return JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    }

    @Override
    public Integer call() throws Exception {
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors()
                : Inputs.integer("--threads", threads, 1, 1024);
        ObjectMapper mapper = mapper();
        VerbRunner runner = new VerbRunner(mapper);
        if (port != null) {
            return http(runner, mapper, Inputs.integer("--port", port, 0, 65535), nThreads);
        }
        PrintWriter protocolOut = spec.commandLine().getOut();
        InputStream protocolIn = System.in;
        PrintStream stdout = System.out;
        // stdout and stdin belong to the protocol: a stray print goes to stderr, a verb reading stdin reads nothing
        System.setOut(System.err);
        System.setIn(InputStream.nullInputStream());
        LineServer server = new LineServer(runner, mapper, nThreads, ordered);
        Thread onTerm = new Thread(() -> server.drain(DRAIN_MILLIS), "serve-shutdown");
        Runtime.getRuntime().addShutdownHook(onTerm);
        try {
            server.serve(new BufferedReader(new InputStreamReader(protocolIn, StandardCharsets.UTF_8)), protocolOut);
        } finally {
            System.setOut(stdout);
            System.setIn(protocolIn);
            try {
                Runtime.getRuntime().removeShutdownHook(onTerm);
            } catch (IllegalStateException e) {
                // already shutting down: the hook drains
            }
        }
        return Main.EXIT_OK;
    }

    private Integer http(VerbRunner runner, ObjectMapper mapper, int portNumber, int nThreads) throws Exception {
        HttpFrontEnd front = HttpFrontEnd.start(runner, mapper, portNumber, nThreads);
        PrintWriter err = spec.commandLine().getErr();
        err.println("iclscale serve: listening on http://127.0.0.1:" + front.port() + "/");
        err.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            front.stop(5);
            stopped.countDown();
        }, "serve-shutdown"));
        stopped.await();
        return Main.EXIT_OK;
    }
}
