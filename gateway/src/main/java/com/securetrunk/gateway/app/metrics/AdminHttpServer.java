package com.securetrunk.gateway.app.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP endpoint ({@code securetrunk.metrics.address}:{@code port}; loopback by default):
 * <ul>
 *   <li>{@code GET /metrics}: Prometheus text format;</li>
 *   <li>{@code GET /health}: 200 while the process serves HTTP (liveness);</li>
 *   <li>{@code GET /ready}: 200 when the listening points are up and, if AMI is configured, AMI is connected;
 *       503 with the reasons otherwise;</li>
 *   <li>{@code GET /trace}, {@code POST /trace?peer=ADDRESS&on=true|false}: SIP message tracing per peer address
 *       (see {@link com.securetrunk.gateway.app.calllog.SipTraceSwitch}).</li>
 * </ul>
 * One thread: scrapes and probes are rare and cheap.
 */
public final class AdminHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminHttpServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private AdminHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * @param trace handles {@code /trace}: gets the method and the raw query, returns the status and body
     */
    public static AdminHttpServer start(InetSocketAddress bind, GatewayMetrics metrics, Readiness readiness,
                                        Function<String[], Response> trace) throws IOException {
        HttpServer server = HttpServer.create(bind, 16);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "admin-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", ex -> handle(ex, "GET", () -> new Response(200, metrics.scrape()),
                "text/plain; version=0.0.4; charset=utf-8"));
        server.createContext("/health", ex -> handle(ex, "GET", () -> new Response(200, "UP\n"), "text/plain; charset=utf-8"));
        server.createContext("/ready", ex -> handle(ex, "GET", () -> {
            List<String> why = readiness.notReadyReasons();
            return why.isEmpty() ? new Response(200, "READY\n")
                    : new Response(503, "NOT READY\n" + String.join("\n", why) + "\n");
        }, "text/plain; charset=utf-8"));
        server.createContext("/trace", ex -> handle(ex, null,
                () -> trace.apply(new String[]{ex.getRequestMethod(), ex.getRequestURI().getRawQuery()}), "text/plain; charset=utf-8"));
        server.start();
        AdminHttpServer s = new AdminHttpServer(server, executor);
        LOG.info("admin HTTP on http://{}:{}/ (/metrics, /health, /ready, /trace)", bind.getAddress().getHostAddress(), s.port());
        return s;
    }

    /** A status code and a text body. */
    public record Response(int status, String body) {
    }

    private interface Body {
        Response get() throws IOException;
    }

    private static void handle(HttpExchange ex, String method, Body body, String contentType) throws IOException {
        try (ex) {
            Response r;
            if (method != null && !method.equals(ex.getRequestMethod())) {
                r = new Response(405, "method " + ex.getRequestMethod() + " not allowed here (expected " + method + ")\n");
            } else if (!ex.getRequestURI().getPath().equals(ex.getHttpContext().getPath())) {
                r = new Response(404, "not found: " + ex.getRequestURI().getPath() + "\n");
            } else {
                try {
                    r = body.get();
                } catch (RuntimeException e) {
                    LOG.warn("admin HTTP {} failed: {}", ex.getRequestURI().getPath(), e.toString());
                    r = new Response(500, "internal error: " + e.getMessage() + "\n");
                }
            }
            byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", contentType);
            ex.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
