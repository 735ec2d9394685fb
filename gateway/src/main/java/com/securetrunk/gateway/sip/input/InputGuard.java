package com.securetrunk.gateway.sip.input;

import com.securetrunk.gateway.sip.Side;
import com.securetrunk.gateway.sip.Transport;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One side's guard: the check for {@code limits.max-sip-message-size} and syntax ({@link MessageCheck}), and what
 * follows a refusal: one log line (the refusals logger, as the B2BUA's own refusals; drops at DEBUG so that a flood of
 * garbage cannot flood the log, the metric counts them), the observer told, and the response rendered.
 */
public final class InputGuard {
    private static final Logger REFUSALS = LoggerFactory.getLogger("com.securetrunk.gateway.sip.refusals");

    private final Side side;
    private final MessageCheck check;
    private final Optional<String> advertisedHost;
    private final BadInputObserver observer;

    /**
     * @param side           labels the metric and the log
     * @param maxMessageSize {@code limits.max-sip-message-size}, bytes
     * @param advertisedHost the host to name in Warning headers ({@code sip.advertised-host}); else the local address
     * @param observer       told of each bad message
     */
    public InputGuard(Side side, int maxMessageSize, Optional<String> advertisedHost, BadInputObserver observer) {
        if (maxMessageSize < 1) {
            throw new IllegalArgumentException("maxMessageSize: " + maxMessageSize + " (expected: >= 1)");
        }
        this.side = Objects.requireNonNull(side, "side");
        this.check = new MessageCheck(maxMessageSize);
        this.advertisedHost = Objects.requireNonNull(advertisedHost, "advertisedHost");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    public int maxMessageSize() {
        return check.maxMessageSize();
    }

    Verdict inspect(byte[] b, int len, boolean datagram) {
        return check.inspect(b, len, datagram);
    }

    Verdict oversized(RawSipMessage m, long size) {
        return check.oversized(m, size);
    }

    /**
     * Logs and counts {@code v} (a refusal), and returns the response to send back, or null when it is dropped.
     *
     * @param local the address the message arrived on (names us in the Warning when no host is advertised)
     */
    byte[] refuse(Verdict v, Transport transport, SocketAddress source, InetAddress local) {
        observer.badMessage(side, transport, v.outcome());
        String where = side.name().toLowerCase(java.util.Locale.ROOT) + " " + transport;
        if (!v.answered()) {
            REFUSALS.debug("dropped a message from {} on the {} side: [{}] {}", source, where, v.rule(), v.reason());
            return null;
        }
        REFUSALS.info("refused {} from {} on the {} side: {} [{}] {}", MessageCheck.shorten(v.message().method()), source, where,
                v.status(), v.rule(), v.reason());
        return ErrorResponse.render(v.message(), v.status(), v.reasonPhrase(), warnHost(local), v.reason());
    }

    private String warnHost(InetAddress local) {
        if (advertisedHost.isPresent()) {
            return advertisedHost.get();
        }
        if (local == null || local.isAnyLocalAddress()) {
            return "securetrunk";
        }
        String h = local.getHostAddress();
        return local instanceof Inet6Address ? "[" + h.replaceFirst("%.*$", "") + "]" : h;
    }
}
