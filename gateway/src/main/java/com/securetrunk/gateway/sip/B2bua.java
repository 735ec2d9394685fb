package com.securetrunk.gateway.sip;

import com.securetrunk.gateway.config.AddressRange;
import com.securetrunk.gateway.config.SipTarget;
import com.securetrunk.gateway.media.Allocation;
import com.securetrunk.gateway.media.LegSpec;
import com.securetrunk.gateway.media.MediaEventListener;
import com.securetrunk.gateway.media.MediaException;
import com.securetrunk.gateway.media.MediaRelay;
import com.securetrunk.gateway.media.SessionId;
import com.securetrunk.gateway.media.SrtpKeys;
import com.securetrunk.gateway.media.StreamSpec;
import com.securetrunk.gateway.sdp.Connection;
import com.securetrunk.gateway.sdp.MediaDescription;
import com.securetrunk.gateway.sdp.Rejection;
import com.securetrunk.gateway.sdp.SdpParseException;
import com.securetrunk.gateway.sdp.SdpParser;
import com.securetrunk.gateway.sdp.SdpWriter;
import com.securetrunk.gateway.sdp.SessionDescription;
import com.securetrunk.gateway.sdp.negotiation.AnswerReader;
import com.securetrunk.gateway.sdp.negotiation.Answerer;
import com.securetrunk.gateway.sdp.negotiation.MediaStreamKeys;
import com.securetrunk.gateway.sdp.negotiation.NegotiationRefused;
import com.securetrunk.gateway.sdp.negotiation.OfferForwarder;
import com.securetrunk.gateway.sdp.negotiation.PendingOffer;
import com.securetrunk.gateway.sdp.negotiation.Relay;
import com.securetrunk.gateway.sdp.negotiation.SrtpKeyGenerator;
import gov.nist.javax.sip.RequestEventExt;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WarningHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back-to-back user agent (RFC 3261 section 6 "B2BUA", RFC 7092): each call is an inbound dialog on one side
 * and an outbound dialog on the other, joined by the media relay. SDP is never passed through: offers are rewritten
 * by {@link OfferForwarder}, answers read by {@link AnswerReader} and rebuilt by {@link Answerer}, so the legacy leg
 * sees plain RTP/AVP toward the relay and the secure leg RTP/SAVP with our own SDES keys (RFC 4568).
 *
 * <p>Refusals (policy and Secure Media rules) carry {@code Warning: 399 <host> "<reason>"} (RFC 3261 section 20.43)
 * and are logged as one line each.
 */
public final class B2bua implements MediaEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(B2bua.class);
    private static final Logger REFUSALS = LoggerFactory.getLogger("com.securetrunk.gateway.sip.refusals");
    /** The call log: one line per call end, with both legs' Call-IDs and the Asterisk channel when known. */
    // the call log's logger (app.calllog.CallLog.LOGGER): one logger name for every per-call line
    private static final Logger CALLS = LoggerFactory.getLogger("securetrunk.calls");
    /**
     * Toward the PBX, the Call-ID of the secure-domain leg (the PBX reads it with {@code PJSIP_HEADER} /
     * {@code SIP_HEADER}); never toward the secure domain, because a PBX's Call-ID often names internal hosts.
     */
    public static final String OTHER_LEG_CALL_ID_HEADER = "X-SecureTrunk-Call-ID";
    private static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS";
    /** Contacts of a 3xx passed on to the caller, at most (RFC 3261 allows many; a dial plan tries a few). */
    private static final int MAX_REDIRECT_CONTACTS = 5;
    private static final java.util.regex.Pattern REDIRECT_USER = java.util.regex.Pattern.compile("\\+?[0-9A-Za-z*#._-]{1,64}");
    private static final String USER_AGENT = "SecureTrunk";
    /** Threads handling events received over TCP/TLS: as many as JAIN-SIP's UDP pool (SipStackLimits.threadPoolSize). */
    private static final int CONNECTION_EVENT_LANES = 8;

    private final B2buaSettings settings;
    private final TargetResolver resolver;
    private final DynamicTlsPolicies secureTlsPolicies;
    private final DynamicTlsPolicies legacyTlsPolicies;
    private MediaRelay relay;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final AddressFactory addresses;
    private final OfferForwarder forwarder;
    private final Answerer answerer;
    private final InviteRateLimiter rateLimiter;
    private final Map<String, B2bCall> byInboundCallId = new ConcurrentHashMap<>();
    private final Map<SessionId, B2bCall> bySession = new ConcurrentHashMap<>();
    private final Map<String, B2bCall> byOutboundCallId = new ConcurrentHashMap<>();
    /**
     * Asterisk channels announced (AMI VarSet) before their INVITE reached us: chan_sip sets SIPCALLID when it
     * creates the channel, before it sends the INVITE. Bounded: the oldest goes first.
     */
    private final Map<String, String> earlyAsteriskChannels = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > 1024;
                }
            });
    private final AtomicLong sequence = new AtomicLong();
    private final ScheduledExecutorService events = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "b2bua-events");
        t.setDaemon(true);
        return t;
    });
    /**
     * OPTIONS keep-alives run apart from {@link #events}: sending one may block for a TCP connect or a TLS handshake
     * (up to limits.tls-handshake-timeout toward a peer that accepts and stays silent), which must not hold up the
     * media timeouts and shutdown work queued on the events thread.
     */
    private final ScheduledExecutorService keepAlives = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "b2bua-keepalive");
        t.setDaemon(true);
        return t;
    });
    /**
     * Where events received over TCP/TLS are handled, ordered per Call-ID: off the connection's one reader thread, which
     * otherwise runs every call's messages of a trunk one after the other (see {@link CallOrderedExecutor}).
     */
    private final CallOrderedExecutor connectionEvents = new CallOrderedExecutor("b2bua-conn", CONNECTION_EVENT_LANES);
    private volatile SipStackHandle legacy;
    private volatile SipStackHandle secure;
    private volatile boolean draining;
    private volatile CallObserver observer = CallObserver.NONE;
    private final SipTraceSwitch trace = new SipTraceSwitch();
    private final Map<String, Boolean> keepAlivePeers = new ConcurrentHashMap<>();

    public B2bua(B2buaSettings settings, TargetResolver resolver, DynamicTlsPoliciesPair tls) {
        this.settings = settings;
        this.resolver = resolver;
        this.secureTlsPolicies = tls.secure();
        this.legacyTlsPolicies = tls.legacy();
        try {
            SipFactory f = SipFactory.getInstance();
            this.headers = f.createHeaderFactory();
            this.messages = f.createMessageFactory();
            this.addresses = f.createAddressFactory();
        } catch (javax.sip.PeerUnavailableException e) {
            throw new IllegalStateException("JAIN-SIP factories unavailable: " + e.getMessage(), e);
        }
        SrtpKeyGenerator keys = new SrtpKeyGenerator();
        this.forwarder = new OfferForwarder(keys);
        this.answerer = new Answerer(keys);
        this.rateLimiter = new InviteRateLimiter(settings.inviteRatePerSource(), System::nanoTime);
    }

    /** The outbound TLS policy tables of both stacks (filled per target before connecting). */
    public record DynamicTlsPoliciesPair(DynamicTlsPolicies legacy, DynamicTlsPolicies secure) {
        public static DynamicTlsPoliciesPair of(B2buaSettings s) {
            return new DynamicTlsPoliciesPair(new DynamicTlsPolicies(s.pbxTls()), new DynamicTlsPolicies(s.secureTls()));
        }
    }

    /** The JAIN-SIP listener of one side's stack. */
    public SipListener listener(Side side) {
        return new SideListener(side);
    }

    /** Called once both stacks and the relay run. Starts OPTIONS keep-alives per profile. */
    public void attach(SipStackHandle legacyStack, SipStackHandle secureStack, MediaRelay mediaRelay) {
        this.legacy = legacyStack;
        this.secure = secureStack;
        this.relay = mediaRelay;
        scheduleKeepAlive(Side.SECURE, settings.secureTargets());
        scheduleKeepAlive(Side.LEGACY, List.of(settings.pbxTarget()));
        // one sweep a second rather than a timer per call: nothing per call on the setup path
        events.scheduleWithFixedDelay(this::expireUnanswered, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    /**
     * Timer C of a B2BUA (RFC 3261 section 16.6): a callee that answered the INVITE with 100 Trying or 180 Ringing
     * and then nothing would hold the call, its media ports and the caller forever. After {@code sip.invite-timeout}
     * the gateway CANCELs toward the callee and answers the caller 408 with a Warning naming the setting.
     */
    private void expireUnanswered() {
        long limit = settings.inviteTimeout().toNanos();
        long now = System.nanoTime();
        for (B2bCall call : bySession.values()) {
            if (now - call.startNanos < limit || call.state == B2bCall.State.CONFIRMED) {
                continue;
            }
            try {
                synchronized (call) {
                    if ((call.state != B2bCall.State.TRYING && call.state != B2bCall.State.EARLY) || call.cancelPending) {
                        continue;
                    }
                    call.cancelPending = true; // a late 2xx gets ACK + BYE, a late 1xx a CANCEL
                    if (call.provisionalSeen) {
                        sendCancel(call);
                    }
                    fail(call, 408, "no final response within sip.invite-timeout ("
                            + settings.inviteTimeout().toSeconds() + " s)", "invite-timeout");
                }
            } catch (RuntimeException e) {
                LOG.warn("{}: invite-timeout handling failed: {}", call, e.toString());
            }
        }
    }

    /** Who hears of each call's start, answer and end (metrics, call log). Set before traffic. */
    public void observe(CallObserver o) {
        this.observer = java.util.Objects.requireNonNull(o, "observer");
    }

    /** Per-peer SIP message tracing (messages received and sent), switched at run time. */
    public SipTraceSwitch trace() {
        return trace;
    }

    // tracing runs after the message went out; it never disturbs the call's handling
    private void traceSent(javax.sip.Transaction tx, Object message) {
        if (trace.active()) {
            try {
                trace.sent(sideOf(tx), tx, message);
            } catch (RuntimeException e) {
                LOG.debug("tracing a sent message failed: {}", e.toString());
            }
        }
    }

    /** ACKs a 2xx through its dialog; the RI's no-ACK-sent timer of that dialog is then dropped (DialogAckTimers). */
    private void sendAck(Dialog d, Request ack) throws SipException {
        d.sendAck(ack);
        DialogAckTimers.ackSent(d);
        traceSentAck(d, ack);
    }

    private void traceSentAck(Dialog d, Request ack) {
        if (trace.active() && d instanceof gov.nist.javax.sip.stack.SIPDialog sd) {
            try {
                trace.sentAck(sideOf(sd.getFirstTransactionInt()), d, ack);
            } catch (RuntimeException e) {
                LOG.debug("tracing a sent ACK failed: {}", e.toString());
            }
        }
    }

    /** Which stack a transaction belongs to (null if neither is attached yet). */
    private Side sideOf(javax.sip.Transaction tx) {
        if (tx instanceof gov.nist.javax.sip.stack.SIPTransaction t) {
            SipStackHandle l = legacy;
            SipStackHandle sec = secure;
            if (l != null && l.providers().contains(t.getSipProvider())) {
                return Side.LEGACY;
            }
            if (sec != null && sec.providers().contains(t.getSipProvider())) {
                return Side.SECURE;
            }
        }
        return null;
    }

    /** Media sessions of the calls in progress (for operators and tests). */
    public List<SessionId> sessionIds() {
        return List.copyOf(bySession.keySet());
    }

    /** Calls in progress. */
    public int activeCalls() {
        return bySession.size();
    }

    /**
     * Timer tasks queued on one side's SIP stack: what the stack still holds for calls (retransmission and 64*T1
     * timers); -1 when the stack runs another timer than {@link PromptReleaseSipTimer}, 0 before it is attached.
     */
    public int stackTimersQueued(Side side) {
        SipStackHandle h = side == Side.LEGACY ? legacy : secure;
        return h == null ? 0 : h.timersQueued();
    }

    // ------------------------------------------------------------------ shutdown

    /**
     * Graceful shutdown: new INVITEs get 503 at once; calls in progress may go on until {@code grace} is over,
     * then both legs get a BYE (or the caller a 503 / the callee a CANCEL while not answered).
     */
    public void drain(Duration grace) {
        draining = true;
        long deadline = System.nanoTime() + grace.toNanos();
        while (!bySession.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (B2bCall call : List.copyOf(bySession.values())) {
            synchronized (call) {
                LOG.info("{}: shutdown grace period over, ending it", call);
                terminate(call, 503, "gateway shutting down");
            }
        }
        long byeWait = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!bySession.isEmpty() && System.nanoTime() < byeWait) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        events.shutdownNow();
        keepAlives.shutdownNow();
        connectionEvents.shutdown(1000);
    }

    public boolean draining() {
        return draining;
    }

    // ------------------------------------------------------------------ media events

    @Override
    public void sessionTimedOut(SessionId id, long idleSeconds) {
        events.execute(() -> {
            B2bCall call = bySession.get(id);
            if (call != null) {
                synchronized (call) {
                    LOG.info("{}: no media for {} s, ending it with BYE on both legs", call, idleSeconds);
                    terminate(call, 408, "no media for " + idleSeconds + " s");
                }
            }
        });
    }

    // ------------------------------------------------------------------ listener

    private final class SideListener implements SipListener {
        private final Side side;

        SideListener(Side side) {
            this.side = side;
        }

        @Override
        public void processRequest(RequestEvent evt) {
            if (!handOff(evt.getRequest(), () -> handleRequest(evt))) {
                handleRequest(evt);
            }
        }

        @Override
        public void processResponse(ResponseEvent evt) {
            if (!handOff(evt.getResponse(), () -> handleResponse(evt))) {
                handleResponse(evt);
            }
        }

        /**
         * Messages that came over TCP/TLS go to {@link #connectionEvents}, one lane per Call-ID; UDP ones already run on
         * JAIN-SIP's pool and stay where they are. The top Via names the transport the message came over: the sender's
         * for a request, ours for a response to our request.
         */
        private boolean handOff(javax.sip.message.Message m, Runnable task) {
            ViaHeader via = (ViaHeader) m.getHeader(ViaHeader.NAME);
            if (via == null || "UDP".equalsIgnoreCase(via.getTransport())) {
                return false;
            }
            CallIdHeader callId = (CallIdHeader) m.getHeader(CallIdHeader.NAME);
            return connectionEvents.execute(callId == null ? null : callId.getCallId(), task);
        }

        private void handleRequest(RequestEvent evt) {
            try {
                if (evt instanceof RequestEventExt ext && trace.active()) {
                    trace.received(side, ext.getRemoteIpAddress(), ext.getRemotePort(), evt.getRequest());
                }
                onRequest(side, evt);
            } catch (RuntimeException e) {
                LOG.warn("{} request {} failed: {}", side, evt.getRequest().getMethod(), e.toString(), e);
            }
        }

        private void handleResponse(ResponseEvent evt) {
            try {
                if (evt instanceof gov.nist.javax.sip.ResponseEventExt ext && trace.active()) {
                    trace.received(side, ext.getRemoteIpAddress(), ext.getRemotePort(), evt.getResponse());
                }
                onResponse(side, evt);
            } catch (RuntimeException e) {
                LOG.warn("{} response handling failed: {}", side, e.toString(), e);
            }
        }

        @Override
        public void processTimeout(TimeoutEvent evt) {
            if (!evt.isServerTransaction()) {
                onClientFailure(evt.getClientTransaction(), 408, "no response (Timer B/F)");
            }
        }

        @Override
        public void processIOException(IOExceptionEvent evt) {
            LOG.info("{} transport error toward {}:{} ({})", side, evt.getHost(), evt.getPort(), evt.getTransport());
            onTransportError(evt.getHost(), evt.getPort());
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent evt) {
            // nothing kept per transaction beyond its application data
        }

        @Override
        public void processDialogTerminated(DialogTerminatedEvent evt) {
            // calls end through BYE/CANCEL/failure handling
        }
    }

    // ------------------------------------------------------------------ requests

    private void onRequest(Side side, RequestEvent evt) {
        Request req = evt.getRequest();
        String method = req.getMethod();
        SipProvider provider = (SipProvider) evt.getSource();
        String source = evt instanceof RequestEventExt ext ? ext.getRemoteIpAddress() : "?";
        if (method.equals(Request.ACK)) {
            return; // ACK for our 2xx ends nothing here; ACKs for non-2xx are absorbed by the transaction layer
        }
        if (side == Side.LEGACY && !sourceAllowed(source)) {
            refuse(provider, evt, req, 403, "source " + source + " is not in pbx.allowed-sources", "pbx-allowed-sources", side, source);
            return;
        }
        if (side == Side.SECURE && !transportAllowed(side, req)) {
            refuse(provider, evt, req, 403, "profile " + settings.secureProfile().name() + " requires SIP over TLS (Secure Media: "
                    + "TLS must be used to encrypt SIP messages)", "secure-media-tls", side, source);
            return;
        }
        String toTag = ((ToHeader) req.getHeader(ToHeader.NAME)).getTag();
        switch (method) {
            case Request.INVITE -> {
                if (toTag == null) {
                    onInvite(side, provider, evt, req, source);
                } else {
                    onReInvite(side, provider, evt, req, source);
                }
            }
            case Request.CANCEL -> onCancel(provider, evt, req);
            case Request.BYE -> onBye(side, provider, evt, req);
            case Request.OPTIONS -> respond(provider, evt, req, 200, null);
            default -> respond(provider, evt, req, toTag == null ? 405 : 501, null);
        }
    }

    private boolean sourceAllowed(String source) {
        try {
            InetAddress a = InetAddress.getByName(source);
            for (AddressRange r : settings.allowedSources()) {
                if (r.contains(a)) {
                    return true;
                }
            }
        } catch (UnknownHostException e) {
            return false;
        }
        return false;
    }

    private boolean transportAllowed(Side side, Request req) {
        ViaHeader via = (ViaHeader) req.getHeader(ViaHeader.NAME);
        String t = via == null ? "udp" : via.getTransport();
        com.securetrunk.profiles.Transport tr;
        try {
            tr = com.securetrunk.profiles.Transport.valueOf(t.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return settings.profile(side).signalling().speaks(tr);
    }

    private ServerTransaction serverTx(SipProvider provider, RequestEvent evt) {
        ServerTransaction st = evt.getServerTransaction();
        if (st != null) {
            return st;
        }
        try {
            return provider.getNewServerTransaction(evt.getRequest());
        } catch (TransactionAlreadyExistsException e) {
            return null; // a retransmission: the transaction layer answers it
        } catch (SipException e) {
            LOG.debug("cannot create server transaction: {}", e.getMessage());
            return null;
        }
    }

    private void refuse(SipProvider provider, RequestEvent evt, Request req, int status, String reason, String rule,
                        Side side, String source) {
        REFUSALS.info("refused {} from {} on the {} side: {} [{}] {}", req.getMethod(), source,
                side.name().toLowerCase(), status, rule, reason);
        observer.requestRefused(side, status, rule);
        ServerTransaction st = serverTx(provider, evt);
        if (st != null) {
            sendFinal(st, req, status, reason, null, null);
        }
    }

    private void respond(SipProvider provider, RequestEvent evt, Request req, int status, String warning) {
        ServerTransaction st = serverTx(provider, evt);
        if (st != null) {
            sendFinal(st, req, status, warning, null, null);
        }
    }

    private void sendFinal(ServerTransaction st, Request req, int status, String warning, String toTag, SipProvider provider) {
        sendFinal(st, req, status, warning, toTag, provider, List.of());
    }

    private void sendFinal(ServerTransaction st, Request req, int status, String warning, String toTag, SipProvider provider,
                           List<javax.sip.header.Header> extra) {
        try {
            Response r = messages.createResponse(status, req);
            for (javax.sip.header.Header h : extra) {
                r.addHeader(h);
            }
            if (warning != null) {
                r.addHeader(warningHeader(warning, req));
            }
            ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
            if (to.getTag() == null && status > 100) {
                to.setTag(toTag != null ? toTag : Long.toHexString(Double.doubleToLongBits(Math.random())));
            }
            if (req.getMethod().equals(Request.OPTIONS)) {
                r.addHeader(headers.createAllowHeader(ALLOW));
                r.addHeader(headers.createAcceptHeader("application", "sdp"));
            }
            r.addHeader(headers.createUserAgentHeader(List.of(USER_AGENT)));
            st.sendResponse(r);
            traceSent(st, r);
        } catch (SipException | java.text.ParseException | InvalidArgumentException | RuntimeException e) {
            LOG.debug("cannot send {} to {}: {}", status, req.getMethod(), e.toString());
        }
    }

    /** {@code Warning: 399 <host> "<reason>"} (RFC 3261 section 20.43), host = ours as the peer reached us. */
    private WarningHeader warningHeader(String text, Request req) throws java.text.ParseException, InvalidArgumentException {
        String clean = text.replace("\"", "'").replace("\r", " ").replace("\n", " ");
        return headers.createWarningHeader(warnAgent(req), Rejection.WARN_MISC, clean);
    }

    private String warnAgent(Request req) {
        if (settings.advertisedHost().isPresent()) {
            return settings.advertisedHost().get();
        }
        if (req instanceof gov.nist.javax.sip.message.SIPMessage m && m.getLocalAddress() != null
                && !m.getLocalAddress().isAnyLocalAddress()) {
            return uriHost(m.getLocalAddress().getHostAddress());
        }
        return "securetrunk";
    }

    // ------------------------------------------------------------------ new calls

    private void onInvite(Side side, SipProvider provider, RequestEvent evt, Request req, String source) {
        if (draining) {
            refuse(provider, evt, req, 503, "gateway is shutting down", "shutdown", side, source);
            return;
        }
        if (bySession.size() >= settings.maxConcurrentCalls()) {
            refuse(provider, evt, req, 503, "limit of " + settings.maxConcurrentCalls() + " concurrent calls reached (limits.max-concurrent-calls)",
                    "max-concurrent-calls", side, source);
            return;
        }
        if (!rateLimiter.tryAcquire(source)) {
            refuse(provider, evt, req, 503, "more than " + settings.inviteRatePerSource() + " INVITEs per second from " + source
                    + " (limits.invite-rate-per-source)", "invite-rate-per-source", side, source);
            return;
        }
        ServerTransaction st = serverTx(provider, evt);
        if (st == null) {
            return;
        }
        String callId = ((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId();
        B2bCall call = new B2bCall(new SessionId("st-" + sequence.incrementAndGet() + "-" + callId), side, source);
        synchronized (call) {
            call.inviteTx = st;
            call.inInvite = req;
            call.inProvider = provider;
            call.inTag = Long.toHexString(System.nanoTime() ^ sequence.get() << 20);
            st.setApplicationData(call);
            try {
                call.inDialog = provider.getNewDialog(st);
                call.inDialog.setApplicationData(call);
            } catch (SipException e) {
                sendFinal(st, req, 500, "cannot create dialog: " + e.getMessage(), call.inTag, provider);
                return;
            }
            observer.callStarted(summary(call, null));
            sendProvisional(call, 100, null);
            SessionDescription offer;
            try {
                offer = parseBody(req);
            } catch (SdpParseException e) {
                refuseCall(call, Rejection.badRequest("unparsable SDP offer: " + e.getMessage(), "sdp-syntax"));
                return;
            }
            if (offer == null) {
                refuseCall(call, Rejection.notAcceptableHere(Rejection.WARN_MISC,
                        "an INVITE without an SDP offer is not supported (offer required)", "offer-required"));
                return;
            }
            call.inOffer = offer;
            call.remoteSdp.put(side, offer);
            List<ResolvedTarget> targets;
            try {
                targets = route(call, req);
            } catch (RouteRefused r) {
                refuseCall(call, new Rejection(r.status, Rejection.WARN_MISC, r.getMessage(), r.rule));
                return;
            }
            if (targets.isEmpty()) {
                refuseCall(call, new Rejection(404, Rejection.WARN_MISC, "no target resolves for this call", "route-unresolved"));
                return;
            }
            call.targets = targets;
            try {
                call.allocation = relay.allocate(call.id, offer.media().isEmpty() ? 1 : offer.media().size());
            } catch (MediaException e) {
                refuseCall(call, new Rejection(503, Rejection.WARN_MISC, "media relay: " + e.getMessage(), "media-ports"));
                return;
            }
            bySession.put(call.id, call);
            byInboundCallId.put(callId, call);
            if (side == Side.LEGACY) {
                String early = earlyAsteriskChannels.remove(callId);
                if (early != null) {
                    call.asteriskChannel = early;
                }
            }
            try {
                var fwd = forwarder.forward(offer, settings.policy(side), settings.policy(call.outSide),
                        relayOf(call, call.outSide), null);
                call.pendingToOut = fwd.pending();
                call.lastOfferTo.put(call.outSide, fwd.pending());
                String body = SdpWriter.write(fixPorts(fwd.offer(), call, call.outSide));
                nextTarget(call, body);
            } catch (NegotiationRefused e) {
                refuseCall(call, e.rejection());
            }
        }
    }

    /** Thrown by routing when a call cannot be routed (status + rule). */
    private static final class RouteRefused extends Exception {
        final int status;
        final String rule;

        RouteRefused(int status, String rule, String message) {
            super(message);
            this.status = status;
            this.rule = rule;
        }
    }

    /**
     * Calls from the PBX: to the Request-URI over TLS when it carries {@code ;secure=true} (port 5061 unless given),
     * else to the configured secure-domain targets. Calls from the secure domain: to the configured PBX.
     */
    private List<ResolvedTarget> route(B2bCall call, Request req) throws RouteRefused {
        List<ResolvedTarget> out = new ArrayList<>();
        if (call.inSide == Side.SECURE) {
            SipTarget t = settings.pbxTarget();
            out.addAll(resolver.resolve(t.host(), t.port(), Transport.valueOf(t.transport().name())));
            return out;
        }
        if (req.getRequestURI() instanceof SipURI uri && "true".equalsIgnoreCase(uri.getParameter("secure"))) {
            int port = uri.getPort() > 0 ? uri.getPort() : 0;
            out.addAll(resolver.resolve(uri.getHost(), port, Transport.TLS));
            return out;
        }
        if (settings.secureTargets().isEmpty()) {
            throw new RouteRefused(404, "route-no-secure-domain", "no secure-domain target is configured and the "
                    + "Request-URI carries no ;secure=true");
        }
        for (SipTarget t : settings.secureTargets()) {
            out.addAll(resolver.resolve(t.host(), t.port(), Transport.valueOf(t.transport().name())));
        }
        return out;
    }

    /** Sends the outbound INVITE to the next target; when none is left, answers the caller with the last failure. */
    private void nextTarget(B2bCall call, String body) {
        while (++call.targetIndex < call.targets.size()) {
            ResolvedTarget t = call.targets.get(call.targetIndex);
            try {
                sendOutboundInvite(call, t, body);
                return;
            } catch (SipException | java.text.ParseException | InvalidArgumentException | RuntimeException e) {
                call.lastFailure = "cannot reach " + t + ": " + rootMessage(e);
                LOG.info("{}: {}", call, call.lastFailure);
            }
        }
        fail(call, 503, call.lastFailure.isEmpty() ? "no target left" : call.lastFailure, "targets-exhausted");
    }

    private static String rootMessage(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + c.getMessage() + ")";
    }

    private void sendOutboundInvite(B2bCall call, ResolvedTarget t, String body)
            throws SipException, java.text.ParseException, InvalidArgumentException {
        Side side = call.outSide;
        SipProvider provider = providerFor(side, t);
        if (t.transport() == Transport.TLS) {
            DynamicTlsPolicies p = side == Side.SECURE ? secureTlsPolicies : legacyTlsPolicies;
            p.register(t.address(), (side == Side.SECURE ? settings.secureTls() : settings.pbxTls()).withExpectedHostName(t.hostName()));
        }
        Request in = call.inInvite;
        String user = in.getRequestURI() instanceof SipURI u ? u.getUser() : null;
        SipURI ruri = addresses.createSipURI(user, uriHost(t.hostName()));
        ruri.setPort(t.address().getPort());
        if (t.transport() != Transport.UDP) {
            ruri.setTransportParam(t.transport().jainSipName());
        }
        FromHeader inFrom = (FromHeader) in.getHeader(FromHeader.NAME);
        Address fromAddr = (Address) inFrom.getAddress().clone();
        FromHeader from = headers.createFromHeader(fromAddr, Long.toHexString(System.nanoTime()));
        ToHeader inTo = (ToHeader) in.getHeader(ToHeader.NAME);
        SipURI toUri = (SipURI) ruri.clone();
        toUri.removeParameter("transport");
        Address toAddr = addresses.createAddress(toUri);
        if (inTo.getAddress().getDisplayName() != null) {
            toAddr.setDisplayName(inTo.getAddress().getDisplayName());
        }
        ToHeader to = headers.createToHeader(toAddr, null);
        CallIdHeader callId = provider.getNewCallId();
        CSeqHeader cseq = headers.createCSeqHeader(1L, Request.INVITE);
        ListeningPoint lp = provider.getListeningPoint(t.transport().jainSipName());
        ViaHeader via = headers.createViaHeader(localHost(lp, t.address().getAddress()), lp.getPort(), t.transport().jainSipName(), null);
        via.setRPort();
        MaxForwardsHeader mf = (MaxForwardsHeader) in.getHeader(MaxForwardsHeader.NAME);
        int hops = mf == null ? 70 : Math.max(0, mf.getMaxForwards() - 1);
        if (hops == 0) {
            throw new SipException("Max-Forwards reached 0");
        }
        ContentTypeHeader ct = headers.createContentTypeHeader("application", "sdp");
        Request out = messages.createRequest(ruri, Request.INVITE, callId, cseq, from, to, new ArrayList<>(List.of(via)),
                headers.createMaxForwardsHeader(hops), ct, body.getBytes(StandardCharsets.UTF_8));
        out.addHeader(contact(lp, t.address().getAddress(), t.transport()));
        out.addHeader(headers.createAllowHeader(ALLOW));
        out.addHeader(headers.createUserAgentHeader(List.of(USER_AGENT)));
        if (side == Side.LEGACY) {
            out.addHeader(headers.createHeader(OTHER_LEG_CALL_ID_HEADER,
                    ((CallIdHeader) in.getHeader(CallIdHeader.NAME)).getCallId()));
        }
        ClientTransaction tx = timed(HintRouter.using(t.address(), t.transport(), () -> provider.getNewClientTransaction(out)));
        tx.setApplicationData(call);
        Dialog d = provider.getNewDialog(tx);
        d.setApplicationData(call);
        call.outTx = tx;
        call.outInvite = out;
        call.outDialog = d;
        byOutboundCallId.put(callId.getCallId(), call);
        call.outProvider = provider;
        call.provisionalSeen = false;
        LOG.info("{}: INVITE to {}", call, t);
        tx.sendRequest();
        traceSent(tx, tx.getRequest());
    }

    /**
     * Sets T1 ({@code sip.timer-t1}) on a client transaction before it is sent: JAIN-SIP RI runs each transaction's
     * timer in ticks of its own T1, so retransmissions and Timer B/F (64 ticks) follow the configured value.
     */
    private ClientTransaction timed(ClientTransaction ct) {
        ct.setRetransmitTimer((int) settings.timerT1().toMillis());
        return ct;
    }

    private static String uriHost(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private SipProvider providerFor(Side side, ResolvedTarget t) throws SipException {
        SipStackHandle h = side == Side.LEGACY ? legacy : secure;
        boolean v6 = t.address().getAddress() instanceof java.net.Inet6Address;
        SipProvider fallback = null;
        for (SipProvider p : h.providers()) {
            ListeningPoint lp = p.getListeningPoint(t.transport().jainSipName());
            if (lp == null) {
                continue;
            }
            boolean lpV6 = lp.getIPAddress().indexOf(':') >= 0;
            if (lpV6 == v6) {
                return p;
            }
            fallback = fallback == null ? p : fallback;
        }
        if (fallback == null) {
            throw new SipException("the " + side.name().toLowerCase() + " side has no " + t.transport() + " listening point to reach " + t);
        }
        return fallback;
    }

    /** Our host for Via/Contact: the advertised host, the listening address, or (wildcard) the address toward the peer. */
    private String localHost(ListeningPoint lp, InetAddress peer) {
        if (settings.advertisedHost().isPresent()) {
            return settings.advertisedHost().get();
        }
        String ip = lp.getIPAddress();
        try {
            InetAddress a = InetAddress.getByName(ip);
            if (a.isAnyLocalAddress() && peer != null) {
                try (java.net.DatagramSocket s = new java.net.DatagramSocket()) {
                    s.connect(peer, 9);
                    InetAddress local = s.getLocalAddress();
                    if (local != null && !local.isAnyLocalAddress()) {
                        return local.getHostAddress();
                    }
                }
            }
        } catch (java.io.IOException e) {
            // fall through to the listening address
        }
        return ip;
    }

    private ContactHeader contact(ListeningPoint lp, InetAddress peer, Transport transport) throws java.text.ParseException {
        SipURI uri = addresses.createSipURI("securetrunk", uriHost(localHost(lp, peer)));
        uri.setPort(lp.getPort());
        if (transport != Transport.UDP) {
            uri.setTransportParam(transport.jainSipName());
        }
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    private ContactHeader inboundContact(B2bCall call) throws java.text.ParseException {
        ViaHeader via = (ViaHeader) call.inInvite.getHeader(ViaHeader.NAME);
        Transport t = Transport.parse(via.getTransport());
        ListeningPoint lp = call.inProvider.getListeningPoint(t.jainSipName());
        InetAddress peer = null;
        try {
            peer = InetAddress.getByName(call.source);
        } catch (UnknownHostException ignored) {
            // none
        }
        return contact(lp, peer, t);
    }

    // ------------------------------------------------------------------ responses

    private void onResponse(Side side, ResponseEvent evt) {
        Response resp = evt.getResponse();
        ClientTransaction tx = evt.getClientTransaction();
        CSeqHeader cseq = (CSeqHeader) resp.getHeader(CSeqHeader.NAME);
        if (tx == null && cseq.getMethod().equals(Request.INVITE) && resp.getStatusCode() >= 300) {
            // JAIN-SIP RI hands some final responses of a client INVITE transaction that has a B2BUA dialog over
            // without the transaction (seen with 401 over TLS): match it to the call by Call-ID and CSeq instead
            B2bCall call = byOutboundCallId.get(((CallIdHeader) resp.getHeader(CallIdHeader.NAME)).getCallId());
            if (call != null) {
                synchronized (call) {
                    if (call.outInvite != null && call.state != B2bCall.State.CONFIRMED
                            && ((CSeqHeader) call.outInvite.getHeader(CSeqHeader.NAME)).getSeqNumber() == cseq.getSeqNumber()) {
                        onInviteResponse(call, evt, resp);
                    }
                }
            }
            return;
        }
        if (tx == null) {
            // a retransmitted 2xx: ACK it again through its dialog
            Dialog d = evt.getDialog();
            if (d != null && cseq.getMethod().equals(Request.INVITE) && resp.getStatusCode() / 100 == 2) {
                try {
                    Request sentAck = d.createAck(cseq.getSeqNumber());
                    sendAck(d, sentAck);
                } catch (SipException | InvalidArgumentException e) {
                    LOG.debug("cannot re-ACK: {}", e.getMessage());
                }
            }
            return;
        }
        Object data = tx.getApplicationData();
        if (data instanceof ReInvite ri) {
            synchronized (ri.call) {
                onReInviteResponse(ri, tx, resp);
            }
            return;
        }
        if (data instanceof KeepAlive k) {
            if (resp.getStatusCode() >= 200) {
                keepAliveResult(k, true, resp.getStatusCode() + " " + resp.getReasonPhrase());
            }
            return;
        }
        if (!(data instanceof B2bCall call)) {
            return; // BYE/CANCEL responses
        }
        if (!cseq.getMethod().equals(Request.INVITE)) {
            return;
        }
        synchronized (call) {
            if (tx != call.outTx) {
                if (resp.getStatusCode() / 100 == 2) {
                    ackAndBye(evt.getDialog(), cseq.getSeqNumber(), tx); // a late 2xx of an abandoned attempt
                }
                return;
            }
            onInviteResponse(call, evt, resp);
        }
    }

    private void onInviteResponse(B2bCall call, ResponseEvent evt, Response resp) {
        int status = resp.getStatusCode();
        if (status < 200) {
            boolean first = !call.provisionalSeen;
            call.provisionalSeen = true; // any provisional, 100 Trying included, allows a CANCEL (RFC 3261 section 9.1)
            if (call.cancelPending || call.state == B2bCall.State.ENDED) {
                if (first) {
                    sendCancel(call); // the caller gave up before the callee said anything
                }
                return;
            }
            if (status == 100) {
                return;
            }
            call.state = B2bCall.State.EARLY;
            String sdp = null;
            if (hasBody(resp)) {
                try {
                    sdp = answerFromFar(call, resp);
                } catch (NegotiationRefused e) {
                    LOG.info("{}: early media answer unusable: {}", call, e.rejection());
                    sdp = null;
                }
            }
            sendProvisional(call, status == 181 || status == 182 ? 180 : status, sdp);
            return;
        }
        if (status < 300) {
            CSeqHeader cseq = (CSeqHeader) resp.getHeader(CSeqHeader.NAME);
            if (call.state == B2bCall.State.ENDED) {
                ackAndBye(evt.getDialog(), cseq.getSeqNumber(), call.outTx);
                return;
            }
            try {
                Request sentAck = call.outDialog.createAck(cseq.getSeqNumber());
                sendAck(call.outDialog, sentAck);
            } catch (SipException | InvalidArgumentException e) {
                LOG.info("{}: cannot ACK the 200: {}", call, e.getMessage());
            }
            String sdp = call.earlyAnswerSent;
            if (hasBody(resp)) {
                try {
                    sdp = answerFromFar(call, resp);
                } catch (NegotiationRefused e) {
                    bye(call, call.outSide);
                    refuseCall(call, e.rejection());
                    return;
                }
            }
            if (sdp == null) {
                bye(call, call.outSide);
                refuseCall(call, Rejection.notAcceptableHere(Rejection.WARN_MISC, "the answer carried no SDP", "answer-missing"));
                return;
            }
            try {
                Response ok = messages.createResponse(200, call.inInvite);
                ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(call.inTag);
                ok.addHeader(inboundContact(call));
                ok.addHeader(headers.createAllowHeader(ALLOW));
                ok.setContent(sdp, headers.createContentTypeHeader("application", "sdp"));
                call.inviteTx.sendResponse(ok);
                traceSent(call.inviteTx, ok);
                call.state = B2bCall.State.CONFIRMED;
                call.answeredNanos = System.nanoTime();
                LOG.info("{}: answered", call);
                observer.callAnswered(summary(call, null));
            } catch (SipException | java.text.ParseException | InvalidArgumentException e) {
                LOG.info("{}: cannot send 200 to the caller: {}", call, e.getMessage());
                call.endReason = "answer-not-sent";
                bye(call, call.outSide);
                end(call);
            }
            return;
        }
        // final failure
        if ((status == 401 || status == 407) && call.outSide == Side.SECURE && settings.digest().isPresent() && !call.authTried) {
            call.authTried = true;
            try {
                resendWithCredentials(call, resp);
                return;
            } catch (SipException | java.text.ParseException | InvalidArgumentException | RuntimeException e) {
                LOG.info("{}: cannot answer the digest challenge: {}", call, e.getMessage());
            }
        }
        if (call.state == B2bCall.State.ENDED || call.cancelPending) {
            return; // 487 after our CANCEL
        }
        if (status == 503 || status == 408) {
            call.lastFailure = status + " " + resp.getReasonPhrase() + " from " + call.currentTarget();
            if (call.targetIndex + 1 < call.targets.size()) {
                LOG.info("{}: {}, trying the next target", call, call.lastFailure);
                call.authTried = false;
                nextTarget(call, new String(call.outInvite.getRawContent(), StandardCharsets.UTF_8));
                return;
            }
        }
        if (status >= 300 && status < 400 && redirect(call, resp)) {
            return;
        }
        int mapped = mapFailure(status);
        WarningHeader w = (WarningHeader) resp.getHeader(WarningHeader.NAME);
        String warning = w == null ? null : w.getText();
        if (status == 401 || status == 407) {
            warning = "the secure domain refused our credentials (" + status + ")";
        }
        fail(call, mapped, warning, "far-" + status);
    }

    /**
     * A 3xx from the callee's side, passed to the caller with its status (a B2BUA's UAC leaves recursion to its own
     * caller, RFC 3261 section 8.1.3.4) and each Contact rewritten to the gateway itself, as the caller reached it,
     * keeping only the user part (the number). Following the redirect therefore sends a new INVITE through the gateway
     * and its policies (TLS, SRTP, profile), and whether to follow it stays with the caller's dial plan; the far side's
     * hosts never reach the caller, so a redirect cannot steer a PBX to dial plain SIP around the gateway. False, and
     * the caller gets 480 as before, when no Contact has a user part worth keeping ({@link #redirectUser}).
     */
    private boolean redirect(B2bCall call, Response resp) {
        List<javax.sip.header.Header> contacts = new ArrayList<>();
        List<String> users = new ArrayList<>();
        try {
            for (java.util.ListIterator<?> it = resp.getHeaders(ContactHeader.NAME); it.hasNext() && users.size() < MAX_REDIRECT_CONTACTS; ) {
                String user = redirectUser(((ContactHeader) it.next()).getAddress().getURI());
                if (user != null && !users.contains(user)) {
                    ContactHeader mine = inboundContact(call);
                    ((SipURI) mine.getAddress().getURI()).setUser(user);
                    contacts.add(mine);
                    users.add(user);
                }
            }
        } catch (java.text.ParseException e) {
            LOG.info("{}: cannot rewrite the {} Contacts: {}", call, resp.getStatusCode(), e.getMessage());
            return false;
        }
        if (contacts.isEmpty()) {
            return false;
        }
        call.endReason = "far-" + resp.getStatusCode();
        LOG.info("{}: redirected with {} to {} (via this gateway)", call, resp.getStatusCode(), users);
        sendFinal(call.inviteTx, call.inInvite, resp.getStatusCode(), null, call.inTag, null, contacts);
        end(call);
        return true;
    }

    /**
     * The number a redirect target names: the user part of a sip:/sips: URI or the number of a tel: URI (RFC 3966),
     * if it is a plain dialable string ({@code +}, digits, letters, {@code * # . - _}, at most 64 characters); else
     * null.
     */
    static String redirectUser(javax.sip.address.URI uri) {
        String user = null;
        if (uri instanceof SipURI s) {
            user = s.getUser();
        } else if (uri instanceof javax.sip.address.TelURL t) {
            user = (t.isGlobal() ? "+" : "") + t.getPhoneNumber();
        }
        return user != null && REDIRECT_USER.matcher(user).matches() ? user : null;
    }

    /** Failure statuses passed to the caller: 401/407 are ours to answer (403 when we could not), a 3xx without a usable Contact is 480. */
    static int mapFailure(int status) {
        if (status == 401 || status == 407) {
            return 403;
        }
        if (status >= 300 && status < 400) {
            return 480;
        }
        return status;
    }

    private void onClientFailure(ClientTransaction tx, int status, String reason) {
        if (tx == null) {
            return;
        }
        Object data = tx.getApplicationData();
        if (data instanceof ReInvite ri) {
            synchronized (ri.call) {
                sendFinal(ri.serverTx, ri.request, status, reason, null, null);
            }
            return;
        }
        if (data instanceof KeepAlive k) {
            keepAliveResult(k, false, status == 408 ? "no response within 64*T1 (Timer F)" : reason);
            return;
        }
        if (!(data instanceof B2bCall call) || !tx.getRequest().getMethod().equals(Request.INVITE)) {
            return;
        }
        synchronized (call) {
            if (tx != call.outTx || call.state == B2bCall.State.ENDED) {
                return;
            }
            if (call.state == B2bCall.State.CONFIRMED) {
                return;
            }
            call.lastFailure = reason + " from " + call.currentTarget();
            if (call.cancelPending) {
                end(call);
                return;
            }
            if (call.targetIndex + 1 < call.targets.size()) {
                nextTarget(call, new String(call.outInvite.getRawContent(), StandardCharsets.UTF_8));
            } else {
                fail(call, call.targets.size() > 1 ? 503 : status, call.lastFailure, "timeout");
            }
        }
    }

    /** A connection (TCP connect, TLS handshake) to a target failed: its calls still trying move to the next target. */
    private void onTransportError(String host, int port) {
        for (B2bCall call : List.copyOf(bySession.values())) {
            ClientTransaction tx;
            synchronized (call) {
                ResolvedTarget t = call.currentTarget();
                if (call.state != B2bCall.State.TRYING || t == null || t.address().getPort() != port
                        || !sameHost(t.address().getAddress(), host)) {
                    continue;
                }
                tx = call.outTx;
            }
            onClientFailure(tx, 503, "connection to " + call.currentTarget() + " failed (TCP/TLS; see the TLS log line)");
        }
    }

    private static boolean sameHost(InetAddress a, String host) {
        try {
            return a.equals(InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Reads the far answer, answers the caller's offer from it and updates the relay; returns the SDP for the caller. */
    private String answerFromFar(B2bCall call, Response resp) throws NegotiationRefused {
        SessionDescription far;
        try {
            far = parseBody(resp);
        } catch (SdpParseException e) {
            throw new NegotiationRefused(Rejection.notAcceptableHere(Rejection.WARN_MISC, "unparsable SDP answer: " + e.getMessage(), "sdp-syntax"));
        }
        List<MediaStreamKeys> farKeys = AnswerReader.read(far, call.pendingToOut, settings.policy(call.outSide), call.keys.get(call.outSide));
        Answerer.Answered ans = answerer.answerFrom(call.inOffer, settings.policy(call.inSide), far, call.pendingToOut,
                relayOf(call, call.inSide), call.keys.get(call.inSide));
        call.keys.put(call.outSide, farKeys);
        call.keys.put(call.inSide, ans.streams());
        call.remoteSdp.put(call.outSide, far);
        updateRelay(call);
        String sdp = SdpWriter.write(fixPorts(ans.answer(), call, call.inSide));
        call.earlyAnswerSent = sdp;
        return sdp;
    }

    private void sendProvisional(B2bCall call, int status, String sdp) {
        try {
            Response r = messages.createResponse(status, call.inInvite);
            if (status > 100) {
                ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(call.inTag);
                r.addHeader(inboundContact(call));
            }
            if (sdp != null) {
                r.setContent(sdp, headers.createContentTypeHeader("application", "sdp"));
            }
            call.inviteTx.sendResponse(r);
            traceSent(call.inviteTx, r);
        } catch (SipException | java.text.ParseException | InvalidArgumentException e) {
            LOG.debug("{}: cannot send {}: {}", call, status, e.getMessage());
        }
    }

    private void resendWithCredentials(B2bCall call, Response challenge)
            throws SipException, java.text.ParseException, InvalidArgumentException {
        var creds = settings.digest().orElseThrow();
        Request again = (Request) call.outInvite.clone();
        CSeqHeader cseq = (CSeqHeader) again.getHeader(CSeqHeader.NAME);
        cseq.setSeqNumber(cseq.getSeqNumber() + 1);
        ViaHeader via = (ViaHeader) again.getHeader(ViaHeader.NAME);
        via.removeParameter("branch");
        again.setHeader(DigestAuthenticator.authorization(headers, challenge, again, creds.username(), creds.password()));
        ResolvedTarget t = call.currentTarget();
        SipProvider provider = call.outProvider;
        ClientTransaction tx = timed(HintRouter.using(t.address(), t.transport(), () -> provider.getNewClientTransaction(again)));
        tx.setApplicationData(call);
        call.outTx = tx;
        call.outInvite = again;
        // a fresh dialog on the new transaction: JAIN-SIP's dialog.sendRequest would rewrite the request from the
        // half-made dialog of the challenged INVITE
        try {
            Dialog d = provider.getNewDialog(tx);
            d.setApplicationData(call);
            call.outDialog = d;
        } catch (SipException e) {
            LOG.debug("{}: keeping the first dialog: {}", call, e.getMessage());
        }
        tx.sendRequest();
        traceSent(tx, tx.getRequest());
        LOG.info("{}: INVITE sent again with {} credentials for {}", call, challenge.getStatusCode() == 407 ? "proxy" : "digest", t);
    }

    // ------------------------------------------------------------------ CANCEL, BYE

    private void onCancel(SipProvider provider, RequestEvent evt, Request req) {
        ServerTransaction st = serverTx(provider, evt);
        if (st != null) {
            sendFinal(st, req, 200, null, null, null);
        }
        String callId = ((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId();
        B2bCall call = byInboundCallId.get(callId);
        if (call == null) {
            return;
        }
        synchronized (call) {
            if (call.state == B2bCall.State.CONFIRMED || call.state == B2bCall.State.ENDED) {
                return;
            }
            LOG.info("{}: cancelled by the caller", call);
            call.endReason = "cancelled";
            sendFinal(call.inviteTx, call.inInvite, 487, null, call.inTag, null);
            call.cancelPending = true;
            if (call.provisionalSeen) {
                sendCancel(call);
            }
            end(call);
        }
    }

    private void sendCancel(B2bCall call) {
        try {
            Request cancel = call.outTx.createCancel();
            ResolvedTarget t = call.currentTarget();
            ClientTransaction ct = timed(HintRouter.using(t.address(), t.transport(), () -> call.outProvider.getNewClientTransaction(cancel)));
            ct.sendRequest();
            traceSent(ct, ct.getRequest());
        } catch (SipException | RuntimeException e) {
            LOG.debug("{}: cannot CANCEL: {}", call, e.getMessage());
        }
    }

    private void onBye(Side side, SipProvider provider, RequestEvent evt, Request req) {
        ServerTransaction st = serverTx(provider, evt);
        Dialog d = evt.getDialog();
        B2bCall call = d == null ? null : (B2bCall) d.getApplicationData();
        if (st == null) {
            return;
        }
        if (call == null) {
            sendFinal(st, req, 481, null, null, null);
            return;
        }
        synchronized (call) {
            sendFinal(st, req, 200, null, null, null);
            if (call.state == B2bCall.State.ENDED) {
                return; // already ended here (e.g. Asterisk's Hangup event came first): the far side has its BYE
            }
            LOG.info("{}: BYE from the {} side", call, side.name().toLowerCase());
            call.endReason = "bye-from-" + side.name().toLowerCase(java.util.Locale.ROOT);
            Side other = side.other();
            if (other == call.outSide && call.state != B2bCall.State.CONFIRMED) {
                call.cancelPending = true;
                if (call.provisionalSeen) {
                    sendCancel(call);
                }
            } else {
                bye(call, other);
            }
            end(call);
        }
    }

    private void bye(B2bCall call, Side side) {
        Dialog d = call.dialog(side);
        if (d == null) {
            return;
        }
        try {
            Request bye = d.createRequest(Request.BYE);
            ClientTransaction ct = timed(call.provider(side).getNewClientTransaction(bye));
            d.sendRequest(ct);
            traceSent(ct, ct.getRequest());
        } catch (SipException | RuntimeException e) {
            LOG.debug("{}: cannot send BYE to the {} side: {}", call, side, e.getMessage());
        }
    }

    private void ackAndBye(Dialog d, long cseq, ClientTransaction tx) {
        if (d == null) {
            return;
        }
        try {
            Request sentAck = d.createAck(cseq);
            sendAck(d, sentAck);
            Request bye = d.createRequest(Request.BYE);
            SipProvider p = ((gov.nist.javax.sip.stack.SIPDialog) d).getSipProvider();
            ClientTransaction ct = timed(p.getNewClientTransaction(bye));
            d.sendRequest(ct);
            traceSent(ct, ct.getRequest());
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            LOG.debug("cannot ACK+BYE an abandoned 2xx: {}", e.getMessage());
        }
    }

    /** Ends a call from our side (shutdown, media timeout): BYE to answered legs, CANCEL/error to unanswered. */
    private void terminate(B2bCall call, int status, String reason) {
        if (call.state == B2bCall.State.ENDED) {
            return;
        }
        call.endReason = status == 503 ? "shutdown" : status == 408 ? "media-timeout" : "terminated-" + status;
        if (call.state == B2bCall.State.CONFIRMED) {
            bye(call, call.inSide);
            bye(call, call.outSide);
        } else {
            sendFinal(call.inviteTx, call.inInvite, status, reason, call.inTag, null);
            call.cancelPending = true;
            if (call.provisionalSeen) {
                sendCancel(call);
            }
        }
        end(call);
    }

    private void refuseCall(B2bCall call, Rejection r) {
        call.endReason = r.ruleId();
        REFUSALS.info("refused INVITE from {} on the {} side: {} [{}] {}", call.source, call.inSide.name().toLowerCase(),
                r.status(), r.ruleId(), r.warning());
        sendFinal(call.inviteTx, call.inInvite, r.status(), r.warning(), call.inTag, null);
        end(call);
    }

    private void fail(B2bCall call, int status, String warning, String rule) {
        call.endReason = rule;
        LOG.info("{}: failed with {} [{}] {}", call, status, rule, warning == null ? "" : warning);
        sendFinal(call.inviteTx, call.inInvite, status, warning, call.inTag, null);
        end(call);
    }

    private void end(B2bCall call) {
        if (call.state == B2bCall.State.ENDED) {
            return;
        }
        if (call.endReason == null) {
            call.endReason = call.cancelPending ? "cancelled" : "ended";
        }
        CallSummary last = summary(call, call.allocation != null && relay != null ? mediaStats(call) : null);
        call.state = B2bCall.State.ENDED;
        bySession.remove(call.id);
        String callId = ((CallIdHeader) call.inInvite.getHeader(CallIdHeader.NAME)).getCallId();
        byInboundCallId.remove(callId, call);
        if (call.outInvite != null) {
            byOutboundCallId.remove(((CallIdHeader) call.outInvite.getHeader(CallIdHeader.NAME)).getCallId(), call);
        }
        if (call.allocation != null && relay != null) {
            relay.release(call.id);
        }
        observer.callEnded(last);
        call.releaseEnded();
    }

    private com.securetrunk.gateway.media.SessionStats mediaStats(B2bCall call) {
        try {
            return relay.stats(call.id);
        } catch (RuntimeException e) {
            return null; // released meanwhile (media timeout): no counters for the log line
        }
    }

    /** A snapshot for observers; {@code media} may be null. Leg "a" of each relay stream is the legacy side (updateRelay). */
    private CallSummary summary(B2bCall call, com.securetrunk.gateway.media.SessionStats media) {
        String inCallId = ((CallIdHeader) call.inInvite.getHeader(CallIdHeader.NAME)).getCallId();
        CallIdHeader out = call.outInvite == null ? null : (CallIdHeader) call.outInvite.getHeader(CallIdHeader.NAME);
        ResolvedTarget target = call.currentTarget();
        String suite = "-";
        List<com.securetrunk.gateway.sdp.negotiation.MediaStreamKeys> k = call.keys.get(Side.SECURE);
        if (k != null) {
            for (var m : k) {
                if (m.secure() && m.suite() != null) {
                    suite = m.suite().toString();
                    break;
                }
            }
        }
        com.securetrunk.gateway.media.LegStats inLeg = null; // legacy leg
        com.securetrunk.gateway.media.LegStats outLeg = null; // secure leg
        if (media != null) {
            inLeg = com.securetrunk.gateway.media.LegStats.ZERO;
            outLeg = com.securetrunk.gateway.media.LegStats.ZERO;
            for (var st : media.streams()) {
                inLeg = inLeg.plus(st.a());
                outLeg = outLeg.plus(st.b());
            }
        }
        long now = System.nanoTime();
        return new CallSummary(call.id.toString(), call.inSide, inCallId, out == null ? "-" : out.getCallId(), call.source,
                target == null ? "-" : target.toString(), settings.profile(call.inSide).name(),
                settings.profile(call.outSide).name(), suite, call.answeredNanos != 0,
                Duration.ofNanos(call.answeredNanos == 0 ? 0 : call.answeredNanos - call.startNanos),
                Duration.ofNanos(now - call.startNanos),
                inLeg, outLeg,
                call.endReason == null ? "" : call.endReason, call.asteriskChannel);
    }

    // ------------------------------------------------------------------ re-INVITE

    /** A re-INVITE we forwarded: the server transaction to answer and the offer it carried. */
    private record ReInvite(B2bCall call, Side from, ServerTransaction serverTx, Request request,
                            SessionDescription offer, PendingOffer pending) {
    }

    private void onReInvite(Side side, SipProvider provider, RequestEvent evt, Request req, String source) {
        Dialog d = evt.getDialog();
        B2bCall call = d == null ? null : (B2bCall) d.getApplicationData();
        ServerTransaction st = serverTx(provider, evt);
        if (st == null) {
            return;
        }
        if (call == null) {
            sendFinal(st, req, 481, null, null, null);
            return;
        }
        synchronized (call) {
            if (call.state == B2bCall.State.ENDED) {
                // the session is over (BYE sent or received): no dialog to modify, RFC 3261 section 12.2.2; 491
                // (section 14.1, glare) would have the far end retry into nothing
                sendFinal(st, req, 481, null, null, null);
                return;
            }
            if (call.state != B2bCall.State.CONFIRMED) {
                sendFinal(st, req, 491, null, null, null);
                return;
            }
            SessionDescription offer;
            try {
                offer = parseBody(req);
            } catch (SdpParseException e) {
                sendFinal(st, req, 400, "unparsable SDP offer: " + e.getMessage(), null, null);
                return;
            }
            if (offer == null) {
                sendFinal(st, req, 488, "a re-INVITE without an SDP offer is not supported (offer required)", null, null);
                return;
            }
            if (offer.media().size() != call.allocation.streams().size()) {
                sendFinal(st, req, 488, "a re-INVITE must keep the number of media streams ("
                        + call.allocation.streams().size() + ")", null, null);
                return;
            }
            Side far = side.other();
            try {
                var fwd = forwarder.forward(offer, settings.policy(side), settings.policy(far), relayOf(call, far),
                        call.lastOfferTo.get(far));
                Dialog fd = call.dialog(far);
                Request out = fd.createRequest(Request.INVITE);
                out.setContent(SdpWriter.write(fixPorts(fwd.offer(), call, far)), headers.createContentTypeHeader("application", "sdp"));
                ClientTransaction ct = timed(call.provider(far).getNewClientTransaction(out));
                ct.setApplicationData(new ReInvite(call, side, st, req, offer, fwd.pending()));
                fd.sendRequest(ct);
                traceSent(ct, ct.getRequest());
                LOG.info("{}: re-INVITE from the {} side passed on", call, side.name().toLowerCase());
            } catch (NegotiationRefused e) {
                REFUSALS.info("refused re-INVITE from {} on the {} side: {} [{}] {}", source, side.name().toLowerCase(),
                        e.rejection().status(), e.rejection().ruleId(), e.rejection().warning());
                sendFinal(st, req, e.rejection().status(), e.rejection().warning(), null, null);
            } catch (SipException | java.text.ParseException | RuntimeException e) {
                sendFinal(st, req, 500, "cannot pass the re-INVITE on: " + e.getMessage(), null, null);
            }
        }
    }

    private void onReInviteResponse(ReInvite ri, ClientTransaction tx, Response resp) {
        B2bCall call = ri.call;
        int status = resp.getStatusCode();
        if (status < 200) {
            return;
        }
        Side far = ri.from.other();
        if (status >= 300) {
            WarningHeader w = (WarningHeader) resp.getHeader(WarningHeader.NAME);
            sendFinal(ri.serverTx, ri.request, status, w == null ? null : w.getText(), null, null);
            return;
        }
        CSeqHeader cseq = (CSeqHeader) resp.getHeader(CSeqHeader.NAME);
        if (call.state == B2bCall.State.ENDED) {
            // the call ended while the re-INVITE was out (its dialogs are released then): ACK through the
            // transaction's own dialog, and nothing is left to update
            Dialog td = tx.getDialog();
            try {
                sendAck(td, td.createAck(cseq.getSeqNumber()));
            } catch (SipException | InvalidArgumentException | RuntimeException e) {
                LOG.debug("{}: cannot ACK a re-INVITE 200 after the end: {}", call, e.getMessage());
            }
            return;
        }
        Dialog fd = call.dialog(far);
        try {
            Request sentAck = fd.createAck(cseq.getSeqNumber());
            sendAck(fd, sentAck);
        } catch (SipException | InvalidArgumentException e) {
            LOG.info("{}: cannot ACK the re-INVITE 200: {}", call, e.getMessage());
        }
        try {
            SessionDescription answer = parseBody(resp);
            if (answer == null) {
                throw new NegotiationRefused(Rejection.notAcceptableHere(Rejection.WARN_MISC, "the answer carried no SDP", "answer-missing"));
            }
            List<MediaStreamKeys> farKeys = AnswerReader.read(answer, ri.pending, settings.policy(far), call.keys.get(far));
            Answerer.Answered ans = answerer.answerFrom(ri.offer, settings.policy(ri.from), answer, ri.pending,
                    relayOf(call, ri.from), call.keys.get(ri.from));
            call.keys.put(far, farKeys);
            call.keys.put(ri.from, ans.streams());
            call.remoteSdp.put(far, answer);
            call.remoteSdp.put(ri.from, ri.offer);
            call.lastOfferTo.put(far, ri.pending);
            updateRelay(call);
            Response ok = messages.createResponse(200, ri.request);
            ok.addHeader(contactFor(call, ri.from));
            ok.setContent(SdpWriter.write(fixPorts(ans.answer(), call, ri.from)), headers.createContentTypeHeader("application", "sdp"));
            ri.serverTx.sendResponse(ok);
            traceSent(ri.serverTx, ok);
        } catch (SdpParseException | NegotiationRefused e) {
            String text = e instanceof NegotiationRefused n ? n.rejection().warning() : "unparsable SDP answer: " + e.getMessage();
            sendFinal(ri.serverTx, ri.request, 488, text, null, null);
        } catch (SipException | java.text.ParseException | InvalidArgumentException e) {
            LOG.info("{}: cannot answer the re-INVITE: {}", call, e.getMessage());
        }
    }

    private ContactHeader contactFor(B2bCall call, Side side) throws java.text.ParseException {
        if (side == call.inSide) {
            return inboundContact(call);
        }
        return (ContactHeader) call.outInvite.getHeader(ContactHeader.NAME);
    }

    // ------------------------------------------------------------------ media

    private Relay relayOf(B2bCall call, Side side) {
        var ports = call.allocation.streams().get(0);
        return new Relay(mediaAddressToward(call, side), side == Side.LEGACY ? ports.a().rtp() : ports.b().rtp());
    }

    /** The relay address of the peer's family: its SDP's connection, else the address its signalling uses. */
    private String mediaAddressToward(B2bCall call, Side side) {
        if (settings.mediaAddress6().isEmpty()) {
            return settings.mediaAddress();
        }
        SessionDescription sdp = call.remoteSdp.get(side);
        boolean v6;
        if (sdp != null && !sdp.media().isEmpty() && sdp.connectionFor(0).isPresent()) {
            v6 = sdp.connectionFor(0).get().address().indexOf(':') >= 0;
        } else if (side == call.inSide) {
            v6 = call.source.indexOf(':') >= 0;
        } else {
            ResolvedTarget t = call.targets.isEmpty() ? null : call.targets.get(Math.max(0, call.targetIndex));
            v6 = t != null && t.address().getAddress() instanceof java.net.Inet6Address;
        }
        return v6 ? settings.mediaAddress6().get() : settings.mediaAddress();
    }

    /** The negotiation numbers ports firstPort + 2i; the pool hands out any free pairs, so later streams are fixed up. */
    private static SessionDescription fixPorts(SessionDescription sdp, B2bCall call, Side side) {
        List<MediaDescription> media = new ArrayList<>(sdp.media());
        boolean changed = false;
        for (int i = 1; i < media.size() && i < call.allocation.streams().size(); i++) {
            MediaDescription md = media.get(i);
            if (md.mediaLine().port() == 0) {
                continue;
            }
            var p = call.allocation.streams().get(i);
            int port = side == Side.LEGACY ? p.a().rtp() : p.b().rtp();
            int rtcp = port + 1;
            MediaDescription fixed = md.withMediaLine(md.mediaLine().withPort(port))
                    .without(l -> l.isAttribute() && l.value().startsWith("rtcp:"));
            if (!md.attributes("rtcp").isEmpty()) {
                fixed = fixed.with(List.of(new com.securetrunk.gateway.sdp.SdpLine('a', "rtcp:" + rtcp)));
            }
            media.set(i, fixed);
            changed = true;
        }
        return changed ? sdp.withMedia(media) : sdp;
    }

    private void updateRelay(B2bCall call) {
        List<MediaStreamKeys> legacyKeys = call.keys.get(Side.LEGACY);
        List<MediaStreamKeys> secureKeys = call.keys.get(Side.SECURE);
        if (legacyKeys == null || secureKeys == null) {
            return;
        }
        int n = call.allocation.streams().size();
        List<StreamSpec> specs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LegSpec a = leg(call.remoteSdp.get(Side.LEGACY), i < legacyKeys.size() ? legacyKeys.get(i) : null, settings.latchLegacy());
            LegSpec b = leg(call.remoteSdp.get(Side.SECURE), i < secureKeys.size() ? secureKeys.get(i) : null, settings.latchSecure());
            specs.add(new StreamSpec(a, b));
        }
        relay.update(call.id, specs);
    }

    private static LegSpec leg(SessionDescription sdp, MediaStreamKeys k, boolean latch) {
        if (sdp == null || k == null || !k.accepted() || k.index() >= sdp.media().size()) {
            return new LegSpec(null, null, false, false, null, com.securetrunk.gateway.media.Direction.INACTIVE);
        }
        int i = k.index();
        MediaDescription md = sdp.media().get(i);
        InetSocketAddress remote = null;
        var conn = sdp.connectionFor(i);
        if (conn.isPresent() && !conn.get().isHoldAddress() && md.mediaLine().port() > 0) {
            InetAddress address = literal(conn.get());
            // no literal (a host name): no destination; with symmetric RTP the relay learns the peer's address
            remote = address == null ? null : new InetSocketAddress(address, md.mediaLine().port());
        }
        InetSocketAddress rtcp = remote == null ? null : new InetSocketAddress(remote.getAddress(), remote.getPort() + 1);
        com.securetrunk.gateway.sdp.Direction d = md.direction().or(sdp::sessionDirection)
                .orElse(com.securetrunk.gateway.sdp.Direction.SENDRECV);
        if (conn.isPresent() && conn.get().isHoldAddress() && d == com.securetrunk.gateway.sdp.Direction.SENDRECV) {
            d = com.securetrunk.gateway.sdp.Direction.INACTIVE;
        }
        SrtpKeys keys = k.secure() ? new SrtpKeys(k.ours(), k.theirs()) : null;
        return new LegSpec(remote, rtcp, k.rtcpMux(), latch, keys, com.securetrunk.gateway.media.Direction.valueOf(d.name()));
    }

    /** The c= address if it is an IP literal, else null: a peer's SDP must never make us ask DNS on a SIP thread. */
    private static InetAddress literal(Connection c) {
        try {
            return c.inetAddress();
        } catch (com.securetrunk.gateway.sdp.SdpParseException notALiteral) {
            return null;
        }
    }

    private static boolean hasBody(javax.sip.message.Message m) {
        byte[] raw = m.getRawContent();
        return raw != null && raw.length > 0;
    }

    private static SessionDescription parseBody(javax.sip.message.Message m) throws SdpParseException {
        if (!hasBody(m)) {
            return null;
        }
        return SdpParser.parse(new String(m.getRawContent(), StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ PBX channel events (AMI bridge)

    /**
     * The call whose PBX-side leg has SIP Call-ID {@code callId}: the inbound leg of a call from the PBX, the
     * outbound leg (whose Call-ID this B2BUA made) of a call to it. That is the Call-ID Asterisk knows
     * ({@code SIPCALLID}, {@code CHANNEL(pjsip,call-id)}).
     */
    private B2bCall byPbxCallId(String callId) {
        B2bCall in = byInboundCallId.get(callId);
        if (in != null && in.inSide == Side.LEGACY) {
            return in;
        }
        B2bCall out = byOutboundCallId.get(callId);
        return out != null && out.outSide == Side.LEGACY ? out : null;
    }

    /**
     * The AMI bridge tied an Asterisk channel to the PBX-side Call-ID {@code callId}: later log lines of that call
     * carry the channel, uniqueid and linkedid. Returns false when no call in progress has that Call-ID (it is then
     * remembered for an INVITE from the PBX still on its way).
     */
    public boolean correlatePbxChannel(String callId, String channel, String uniqueId, String linkedId) {
        String text = "asterisk-channel=" + channel + " uniqueid=" + uniqueId + " linkedid=" + linkedId;
        B2bCall call = byPbxCallId(callId);
        if (call == null) {
            earlyAsteriskChannels.put(callId, text); // its INVITE may still be on the way
            return false;
        }
        call.asteriskChannel = text;
        CALLS.info("{}: PBX Call-ID {} is Asterisk channel {} (uniqueid {}, linkedid {})", call, callId, channel,
                uniqueId, linkedId);
        return true;
    }

    /**
     * Asterisk hung up the channel of PBX-side Call-ID {@code callId} (AMI Hangup event). If the call is still in
     * progress here, its BYE never arrived: the secure-domain leg is ended (BYE, or CANCEL / a final error before
     * the answer) and the media session released. Returns true when that happened; false when the call had already
     * ended (the usual case: the BYE came first) or is unknown.
     */
    public boolean pbxHungUp(String callId, String why) {
        B2bCall call = byPbxCallId(callId);
        if (call == null) {
            return false;
        }
        synchronized (call) {
            if (call.state == B2bCall.State.ENDED) {
                return false;
            }
            LOG.info("{}: {}; no BYE from the PBX reached us, ending the secure-domain leg", call, why);
            if (call.state == B2bCall.State.CONFIRMED) {
                bye(call, Side.SECURE);
            } else if (call.inSide == Side.SECURE) {
                sendFinal(call.inviteTx, call.inInvite, 480, why, call.inTag, null);
            } else {
                call.cancelPending = true;
                if (call.provisionalSeen) {
                    sendCancel(call);
                }
            }
            end(call);
            return true;
        }
    }

    // ------------------------------------------------------------------ keep-alive

    private void scheduleKeepAlive(Side side, List<SipTarget> targets) {
        Duration every = settings.keepAlive(side);
        if (every.isZero() || targets.isEmpty()) {
            return;
        }
        long ms = every.toMillis();
        keepAlives.scheduleWithFixedDelay(() -> {
            for (SipTarget t : targets) {
                for (ResolvedTarget r : resolver.resolve(t.host(), t.port(), Transport.valueOf(t.transport().name()))) {
                    sendOptions(side, r);
                }
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Sends one OPTIONS keep-alive (RFC 3261 section 11) to {@code t}; the response only shows the peer is alive. */
    public void sendOptions(Side side, ResolvedTarget t) {
        try {
            SipProvider provider = providerFor(side, t);
            if (t.transport() == Transport.TLS) {
                (side == Side.SECURE ? secureTlsPolicies : legacyTlsPolicies).register(t.address(),
                        (side == Side.SECURE ? settings.secureTls() : settings.pbxTls()).withExpectedHostName(t.hostName()));
            }
            SipURI ruri = addresses.createSipURI(null, uriHost(t.hostName()));
            ruri.setPort(t.address().getPort());
            if (t.transport() != Transport.UDP) {
                ruri.setTransportParam(t.transport().jainSipName());
            }
            ListeningPoint lp = provider.getListeningPoint(t.transport().jainSipName());
            SipURI fromUri = addresses.createSipURI("securetrunk", uriHost(localHost(lp, t.address().getAddress())));
            ViaHeader via = headers.createViaHeader(localHost(lp, t.address().getAddress()), lp.getPort(), t.transport().jainSipName(), null);
            via.setRPort();
            Request r = messages.createRequest(ruri, Request.OPTIONS, provider.getNewCallId(),
                    headers.createCSeqHeader(1L, Request.OPTIONS),
                    headers.createFromHeader(addresses.createAddress(fromUri), Long.toHexString(System.nanoTime())),
                    headers.createToHeader(addresses.createAddress(ruri.clone() instanceof SipURI u ? u : ruri), null),
                    new ArrayList<>(List.of(via)), headers.createMaxForwardsHeader(70));
            r.addHeader(headers.createUserAgentHeader(List.of(USER_AGENT)));
            ClientTransaction ct = timed(HintRouter.using(t.address(), t.transport(), () -> provider.getNewClientTransaction(r)));
            ct.setApplicationData(new KeepAlive(side, t));
            ct.sendRequest();
            traceSent(ct, ct.getRequest());
        } catch (SipException | java.text.ParseException | InvalidArgumentException | RuntimeException e) {
            LOG.debug("OPTIONS keep-alive to {} failed: {}", t, e.getMessage());
            keepAliveResult(new KeepAlive(side, t), false, "cannot send: " + rootMessage(e));
        }
    }

    /** The OPTIONS keep-alive sent to one peer (the transaction's application data). */
    private record KeepAlive(Side side, ResolvedTarget target) {
        String peer() {
            return side.name().toLowerCase(java.util.Locale.ROOT) + " " + target;
        }
    }

    /**
     * A keep-alive got a final response (any status: the peer's SIP stack is alive) or none within Timer F: one log
     * line when a peer stops answering and one when it answers again, not one per keep-alive.
     */
    private void keepAliveResult(KeepAlive k, boolean answered, String detail) {
        Boolean before = keepAlivePeers.put(k.peer(), answered);
        if (answered && Boolean.FALSE.equals(before)) {
            LOG.info("{} peer {} answers OPTIONS keep-alives again ({})", k.side().name().toLowerCase(java.util.Locale.ROOT),
                    k.target(), detail);
        } else if (!answered && !Boolean.FALSE.equals(before)) {
            LOG.warn("{} peer {} does not answer OPTIONS keep-alives: {}", k.side().name().toLowerCase(java.util.Locale.ROOT),
                    k.target(), detail);
        }
    }

    /**
     * Peers that get OPTIONS keep-alives ("legacy udp:host(addr:port)", "secure tls:..."), true while the last one was
     * answered; a peer shows once its first keep-alive completed.
     */
    public Map<String, Boolean> keepAlivePeers() {
        return Map.copyOf(keepAlivePeers);
    }

    /** Allocation and media release of a call, for tests: sessions still allocated in the relay. */
    public int mediaSessions() {
        return relay == null ? 0 : relay.sessionCount();
    }
}
