package com.securetrunk.gateway.sip;

import com.securetrunk.gateway.tls.CipherSuites;
import gov.nist.javax.sip.SipStackImpl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TooManyListenersException;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.PeerUnavailableException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TransportNotSupportedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a JAIN-SIP RI 1.3.0-91 stack with every TLS quirk of that version configured on purpose
 * (../shared/reference/compat-notes.md section 5):
 *
 * <table>
 *   <caption>quirk and what we set</caption>
 *   <tr><td>weak default {@code ENABLED_CIPHER_SUITES} (RSA-CBC, 3DES, anon DH)</td>
 *       <td>the side's ECDHE/AEAD suites; and since one OIO client send path ignores the property, every TLS socket
 *       is built by {@link PolicyNetworkLayer} with the suites already set</td></tr>
 *   <tr><td>default {@code TLS_CLIENT_PROTOCOLS} includes TLS 1.0/1.1</td>
 *       <td>the side's [min, max] only; the trust manager also refuses a negotiated version outside the peer's policy,
 *       since JAIN-SIP re-applies this stack-wide list to outbound sockets</td></tr>
 *   <tr><td>no hostname check, no SNI</td>
 *       <td>{@code NETWORK_LAYER} = {@link PolicyNetworkLayer}: sockets layered with the peer's expected host name
 *       (SNI) and checked by our trust manager (RFC 5922 names, wildcard policy, validity, CA)</td></tr>
 *   <tr><td>client auth: NIO requires a client certificate unless told otherwise</td>
 *       <td>{@code TLS_CLIENT_AUTH_TYPE} = {@code Want} or {@code Disabled} from the side's policy</td></tr>
 *   <tr><td>default {@code SecurityManagerProvider} reads {@code javax.net.ssl.*} (NIO's SSLContext)</td>
 *       <td>{@code SECURITY_MANAGER_PROVIDER} = {@link PolicySecurityManagerProvider}: our key and trust managers</td></tr>
 *   <tr><td>default {@code TlsSecurityPolicy} accepts everything</td>
 *       <td>{@code TLS_SECURITY_POLICY} = {@link NegotiatedSuiteTlsSecurityPolicy}</td></tr>
 *   <tr><td>expects log4j 1.x at run time</td>
 *       <td>log4j-over-slf4j on the class path (log4j excluded); the stack logs under {@code gov.nist.javax.sip.<stack>}</td></tr>
 *   <tr><td>NIO dead-socket on the first re-INVITE after idle (RestComm/jain-sip#188)</td>
 *       <td>OIO ({@code OIOMessageProcessorFactory}): each connection has a reader thread that sees the peer's close
 *       and evicts the socket from the send cache, and the OIO send path retries once on a write failure; NIO's
 *       cached {@code SocketChannel} path is not used at all. OIO is also the only mode whose TLS sockets we fully
 *       own (NIO builds its own SSLEngine with no host, hence no SNI and no name for the trust manager). Its cost,
 *       one thread per TCP/TLS connection, is bounded by {@code MAX_CONNECTIONS} and small for a trunk gateway:
 *       connections are per peer, not per call.</td></tr>
 * </table>
 * One stack per side: JAIN-SIP's TLS protocol list, suites and client-auth mode are stack-wide, and a stack has one
 * listener. Each listen address gets its own provider, since a provider holds one listening point per transport.
 */
public final class SipStackFactory {
    private static final Logger LOG = LoggerFactory.getLogger(SipStackFactory.class);

    private SipStackFactory() {
    }

    /** JAIN-SIP's {@code MAX_MESSAGE_SIZE} for a guard that passes messages of up to {@code guardLimit} bytes. */
    static long stackMessageSize(int guardLimit) {
        return Math.min(Integer.MAX_VALUE, 2L * guardLimit + 4096);
    }

    /** The stack properties for {@code settings}, without the registry key (visible for tests and operators). */
    static Properties properties(SipStackSettings settings) {
        Properties p = new Properties();
        SipStackLimits limits = settings.limits();
        p.setProperty("javax.sip.STACK_NAME", settings.stackName());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.IS_BACK_TO_BACK_USER_AGENT", "true");
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", "gov.nist.javax.sip.stack.OIOMessageProcessorFactory");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(limits.threadPoolSize()));
        // The size limit is the guard's (limits.max-sip-message-size, answered 413 by FramingInputStream and
        // GuardedDatagramSocket). The stack's own must stay out of its way: its stream reader gives up without an answer
        // on a header section over half its MAX_MESSAGE_SIZE, so it gets twice ours plus room for a line (well above
        // anything the guard passes), capped by the stack at 64 KiB for its UDP packet.
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Long.toString(stackMessageSize(settings.guard().maxMessageSize())));
        p.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", Integer.toString(limits.maxConnections()));
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", Integer.toString(limits.maxServerTransactions()));
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", Integer.toString(limits.maxClientTransactions()));
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        // responses without a client transaction skip the RI's search through every transaction (StrayResponseValve)
        p.setProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE", StrayResponseValve.class.getName());
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        // What the stack keeps of calls that are over decides the gateway's GC pauses, hence its INVITE->200 p99 under
        // load (issue 7; bench/signalling at 300 calls/s: p99 132 ms with the RI's defaults, 40 ms with these three):
        // - cancelled timers (most of a call's 64*T1 ones) leave the queue at once instead of holding their dialog;
        p.setProperty("gov.nist.javax.sip.TIMER_CLASS_NAME", PromptReleaseSipTimer.class.getName());
        // - an ended dialog or transaction leaves the stack's tables 1 s after it terminates, not 8 s (the RI's
        //   default); late retransmissions are absorbed by the transactions still in Timer J/K/I, not by these;
        p.setProperty("gov.nist.javax.sip.LINGER_TIMER", "1");
        // - a completed server transaction waiting out Timer J (64*T1 over UDP) drops its dialog and keeps its request
        //   as bytes, so each call's dialogs, messages and B2BUA state are not held 32 s by a BYE transaction.
        p.setProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY", "Normal");
        // Logging: through log4j-over-slf4j to our SLF4J backend; levels are the backend's (gov.nist.* loggers).
        p.setProperty("gov.nist.javax.sip.LOG4J_LOGGER_NAME", "gov.nist.javax.sip." + settings.stackName());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "ERROR");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        // Our router: a hop chosen by the B2BUA (RFC 3263 resolution done by us) or JAIN-SIP's default rules.
        p.setProperty("javax.sip.ROUTER_PATH", HintRouter.class.getName());
        p.setProperty("javax.sip.USE_ROUTER_FOR_ALL_URIS", "true");
        p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", PolicyNetworkLayer.class.getName());
        p.setProperty("gov.nist.javax.sip.TLS_SECURITY_POLICY", NegotiatedSuiteTlsSecurityPolicy.class.getName());
        p.setProperty("gov.nist.javax.sip.SECURITY_MANAGER_PROVIDER", PolicySecurityManagerProvider.class.getName());
        p.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", Integer.toString(limits.sslHandshakeTimeoutMs()));
        TlsSide tls = settings.tls();
        if (tls != null) {
            String[] suites = tls.contexts().cipherSuites(tls.serverPolicy());
            for (String s : suites) {
                if (CipherSuites.isWeak(s)) {
                    throw new IllegalStateException("refusing to configure weak cipher suite " + s);
                }
            }
            p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(",", suites));
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", String.join(",", tls.contexts().protocols(tls.serverPolicy())));
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", tls.serverPolicy().clientAuth().jainSipValue());
        } else {
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
        }
        // No javax.net.ssl.keyStore property on purpose: it would make JAIN-SIP build its own SslNetworkLayer.
        return p;
    }

    /**
     * Builds and starts the stack: listening points, one provider per listen address, {@code listener} on each.
     *
     * @throws SipStackException naming the listen point or property that failed
     */
    public static SipStackHandle start(SipStackSettings settings, SipListener listener) {
        Properties p = properties(settings);
        if (settings.tls() != null) {
            // Build the listener's and the default outbound context now, not inside the first handshake.
            settings.tls().contexts().context(settings.tls().serverPolicy());
        }
        String key = NetworkLayerRegistry.register(new NetworkLayerRegistry.Setup(settings.tls(), settings.guard()));
        SipStackImpl stack;
        try {
            p.setProperty(NetworkLayerRegistry.PROPERTY, key);
            // one stack constructor at a time: JAIN-SIP RI keeps its logger in a static (CommonLogger) that a
            // second constructor running alongside swaps out, and the first then fails with an NPE in LogWriter
            synchronized (SipStackFactory.class) {
                stack = new SipStackImpl(p);
            }
        } catch (PeerUnavailableException e) {
            throw new SipStackException("cannot create SIP stack '" + settings.stackName() + "': " + e.getMessage(), e);
        } finally {
            NetworkLayerRegistry.unregister(key); // the network layer took its setup during construction
        }
        List<SipProvider> providers = new ArrayList<>();
        try {
            Map<String, List<ListeningPoint>> byAddress = new LinkedHashMap<>();
            for (ListenPoint lp : settings.listenPoints()) {
                ListeningPoint jlp;
                try {
                    jlp = stack.createListeningPoint(lp.address(), lp.port(), lp.transport().jainSipName());
                } catch (TransportNotSupportedException | InvalidArgumentException e) {
                    throw new SipStackException("cannot listen on " + lp + ": " + e.getMessage(), e);
                }
                if (lp.transport() == Transport.UDP) {
                    UdpReceiveBuffers.shrink(jlp); // its GuardedDatagramSocket delivers datagrams of any size
                }
                List<List<ListeningPoint>> groups = new ArrayList<>(byAddress.values());
                List<ListeningPoint> group = null;
                for (List<ListeningPoint> g : groups) {
                    boolean sameAddress = g.get(0).getIPAddress().equals(jlp.getIPAddress());
                    boolean transportFree = g.stream().noneMatch(x -> x.getTransport().equalsIgnoreCase(jlp.getTransport()));
                    if (sameAddress && transportFree) {
                        group = g;
                        break;
                    }
                }
                if (group == null) {
                    group = new ArrayList<>();
                    byAddress.put(lp.toString(), group);
                }
                group.add(jlp);
            }
            for (List<ListeningPoint> group : byAddress.values()) {
                SipProvider provider = stack.createSipProvider(group.get(0));
                for (int i = 1; i < group.size(); i++) {
                    provider.addListeningPoint(group.get(i));
                }
                provider.addSipListener(listener);
                providers.add(provider);
            }
            stack.start();
        } catch (TooManyListenersException | javax.sip.SipException e) {
            stack.stop();
            throw new SipStackException("cannot start SIP stack '" + settings.stackName() + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            stack.stop();
            throw e;
        }
        LOG.info("SIP stack {} listening on {} (OIO, TLS {})", settings.stackName(), settings.listenPoints(),
                settings.tls() == null ? "off" : String.join("/", settings.tls().contexts().protocols(settings.tls().serverPolicy())));
        return new SipStackHandle(stack, providers);
    }
}
