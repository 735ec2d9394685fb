package com.securetrunk.gateway.app.calllog;

import com.securetrunk.gateway.app.metrics.AdminHttpServer;
import com.securetrunk.gateway.sip.SipTraceSwitch;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code GET /trace} lists the traced peers; {@code POST /trace?peer=ADDRESS&on=true|false} switches one
 * ({@code peer=*} traces everyone). Example: {@code curl -X POST 'http://127.0.0.1:9090/trace?peer=203.0.113.7&on=true'}.
 */
public final class TraceEndpoint implements Function<String[], AdminHttpServer.Response> {
    private final SipTraceSwitch trace;

    public TraceEndpoint(SipTraceSwitch trace) {
        this.trace = trace;
    }

    @Override
    public AdminHttpServer.Response apply(String[] methodAndQuery) {
        String method = methodAndQuery[0];
        if (method.equals("GET")) {
            return new AdminHttpServer.Response(200, "traced peers: " + trace.peers() + "\n");
        }
        if (!method.equals("POST")) {
            return new AdminHttpServer.Response(405, "use GET to list or POST ?peer=ADDRESS&on=true|false to switch\n");
        }
        Map<String, String> q = query(methodAndQuery[1]);
        String peer = q.get("peer");
        String on = q.getOrDefault("on", "true");
        if (peer == null || peer.isBlank() || !(peer.equals(SipTraceSwitch.ALL) || peer.matches("[0-9A-Fa-f.:]+"))) {
            return new AdminHttpServer.Response(400, "query parameter peer must be an IP address or * (found: " + peer + ")\n");
        }
        if (!on.equals("true") && !on.equals("false")) {
            return new AdminHttpServer.Response(400, "query parameter on must be true or false (found: " + on + ")\n");
        }
        try {
            trace.set(peer, Boolean.parseBoolean(on));
        } catch (IllegalStateException e) {
            return new AdminHttpServer.Response(409, e.getMessage() + "\n");
        }
        return new AdminHttpServer.Response(200, "tracing " + peer + ": " + on + "; traced peers: " + trace.peers() + "\n");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
