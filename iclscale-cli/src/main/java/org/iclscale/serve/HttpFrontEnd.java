package org.iclscale.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The same protocol over HTTP on the loopback interface only (127.0.0.1): {@code POST /} with request lines as the
 * body answers one line per request, in order, as {@code application/x-ndjson}. Other methods get 405. Requests of
 * one body run one after the other; bodies from several connections run in parallel on the pool.
 */
public final class HttpFrontEnd implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService pool;

    private HttpFrontEnd(HttpServer server, ExecutorService pool) {
        this.server = server;
        this.pool = pool;
    }

    /** Binds 127.0.0.1:{@code port} ({@code 0}: a free port, see {@link #port()}) and starts answering. */
    public static HttpFrontEnd start(VerbRunner runner, ObjectMapper mapper, int port, int threads) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "serve-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", exchange -> handle(exchange, runner, mapper));
        server.start();
        return new HttpFrontEnd(server, pool);
    }

    private static void handle(HttpExchange exchange, VerbRunner runner, ObjectMapper mapper) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().add("Allow", "POST");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder answers = new StringBuilder();
            for (String line : body.split("\\R")) {
                if (!line.isBlank()) {
                    answers.append(runner.answer(line).toJsonLine(mapper)).append('\n');
                }
            }
            byte[] bytes = answers.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(bytes);
                }
            }
        }
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The bound address (always the loopback interface). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops accepting, lets running exchanges finish (at most {@code seconds}), and releases the port. */
    public void stop(int seconds) {
        server.stop(seconds);
        pool.shutdown();
        try {
            pool.awaitTermination(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(0);
    }
}
