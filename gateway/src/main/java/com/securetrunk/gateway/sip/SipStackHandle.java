package com.securetrunk.gateway.sip;

import java.util.List;
import java.util.Optional;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started stack with its providers. JAIN-SIP allows one listening point per transport per provider, so there is
 * one provider per listen address (holding its UDP, TCP and TLS points); all share the stack's single listener.
 */
public final class SipStackHandle implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipStackHandle.class);

    private final SipStack stack;
    private final List<SipProvider> providers;

    SipStackHandle(SipStack stack, List<SipProvider> providers) {
        this.stack = stack;
        this.providers = List.copyOf(providers);
    }

    public SipStack stack() {
        return stack;
    }

    public List<SipProvider> providers() {
        return providers;
    }

    /** The provider listening on {@code transport} at {@code address} (an IP literal), if any. */
    public Optional<SipProvider> provider(Transport transport, String address) {
        for (SipProvider p : providers) {
            ListeningPoint lp = p.getListeningPoint(transport.jainSipName());
            if (lp != null && sameAddress(lp.getIPAddress(), address)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The first provider with a listening point on {@code transport}. */
    public Optional<SipProvider> provider(Transport transport) {
        return providers.stream().filter(p -> p.getListeningPoint(transport.jainSipName()) != null).findFirst();
    }

    private static boolean sameAddress(String a, String b) {
        try {
            return java.net.InetAddress.getByName(strip(a)).equals(java.net.InetAddress.getByName(strip(b)));
        } catch (java.net.UnknownHostException e) {
            return a.equalsIgnoreCase(b);
        }
    }

    private static String strip(String s) {
        return s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
    }

    /** Timer tasks queued on the stack (what it still holds for calls); -1 if it runs another timer than ours. */
    public int timersQueued() {
        Object timer = ((gov.nist.javax.sip.stack.SIPTransactionStack) stack).getTimer();
        return timer instanceof PromptReleaseSipTimer t ? t.queued() : -1;
    }

    /** Stops the stack, closing its sockets and threads. */
    @Override
    public void close() {
        for (SipProvider p : providers) {
            try {
                stack.deleteSipProvider(p);
            } catch (ObjectInUseException e) {
                LOG.debug("provider still in use at close: {}", e.getMessage());
            }
        }
        try {
            stack.stop();
        } catch (RuntimeException raced) {
            // The RI iterates a processor's connection table unlocked while its accept thread may still add to it
            // (ConcurrentModificationException when a peer connects during shutdown). The processor it failed on is
            // already out of the stack's list and closed, so a second pass stops the processors, sockets and timer
            // the first one never reached.
            LOG.warn("SIP stack {} stop interrupted ({}); stopping the rest", stack.getStackName(), raced.toString());
            stack.stop();
        }
    }
}
