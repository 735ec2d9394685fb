package com.securetrunk.gateway.sip;

import gov.nist.javax.sip.stack.DefaultRouter;
import gov.nist.javax.sip.stack.HopImpl;
import java.net.InetSocketAddress;
import java.util.ListIterator;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.address.Router;
import javax.sip.message.Request;

/**
 * JAIN-SIP router ({@code javax.sip.ROUTER_PATH}) that sends a new request to the address the B2BUA resolved
 * itself (RFC 3263, failover lists, host names that are kept in the Request-URI for TLS name checks), and
 * everything else (in-dialog requests, responses' ACKs) by JAIN-SIP's default rules (RFC 3261 section 8.1.2).
 *
 * <p>The hop travels on the calling thread: {@link #using} sets it around {@code getNewClientTransaction}, which
 * asks the router synchronously.
 */
public final class HintRouter implements Router {
    private static final ThreadLocal<Hop> NEXT = new ThreadLocal<>();
    private final DefaultRouter fallback;

    public HintRouter(SipStack stack, String outboundProxy) {
        this.fallback = new DefaultRouter(stack, outboundProxy);
    }

    /** Runs {@code action} with {@code address} over {@code transport} as the next hop of requests it creates. */
    public static <T, E extends Exception> T using(InetSocketAddress address, Transport transport, Action<T, E> action) throws E {
        NEXT.set(new HopImpl(address.getAddress().getHostAddress(), address.getPort(), transport.jainSipName()));
        try {
            return action.run();
        } finally {
            NEXT.remove();
        }
    }

    /** Something that creates a client transaction. */
    @FunctionalInterface
    public interface Action<T, E extends Exception> {
        T run() throws E;
    }

    @Override
    public Hop getNextHop(Request request) throws SipException {
        Hop hint = NEXT.get();
        return hint != null ? hint : fallback.getNextHop(request);
    }

    @Override
    public Hop getOutboundProxy() {
        return fallback.getOutboundProxy();
    }

    @Override
    @SuppressWarnings({"rawtypes", "deprecation"})
    public ListIterator getNextHops(Request request) {
        return fallback.getNextHops(request);
    }
}
