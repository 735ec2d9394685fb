package com.securetrunk.testpbx.sip;

import com.securetrunk.testpbx.media.AudioCodec;
import com.securetrunk.testpbx.media.MediaStream;
import com.securetrunk.testpbx.media.SrtpProtector;
import com.securetrunk.testpbx.media.SrtpSuite;
import com.securetrunk.testpbx.media.TestSignal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plain SIP user agent (RFC 3261) with real G.711 media, written for the simulators: it places and
 * answers calls over UDP, TCP or TLS, answers OPTIONS, optionally challenges INVITEs with digest auth,
 * negotiates RTP or SDES-SRTP, sends the known {@link TestSignal} and checks what it receives.
 *
 * <p>Threads: all signalling runs on one thread per UA ({@code sip-core-<name>}); socket readers hand
 * messages to it. Transactions are kept small and honest: UDP retransmission with T1 = 500 ms doubling to
 * T2 = 4 s (section 17), absorption of retransmitted requests, 2xx retransmission until ACK (13.3.1.4),
 * CANCEL (9), ACK for non-2xx on the INVITE's branch (17.1.1.3).
 */
public final class SipUa implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipUa.class);
    private static final long T1_MS = Transactions.T1_MS;
    private static final long T2_MS = Transactions.T2_MS;
    private static final long ENDED_CALL_RETENTION_S = 300;
    private static final int MAX_NONCES = 1000;
    private static final String ALLOW = "INVITE, ACK, CANCEL, OPTIONS, BYE, INFO";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UaConfig cfg;
    private final SipTransports transports;
    private final ScheduledExecutorService core;
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final Transactions txs;
    private final ReceivedLog receivedLog = new ReceivedLog();
    private final Messages msgs;
    /** Nonces issued in digest challenges; the oldest are forgotten past {@value #MAX_NONCES}. */
    private final Set<String> nonces = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<String, Boolean>() {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > MAX_NONCES;
                }
            }));
    private final List<Consumer<Call>> incomingHandlers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, java.util.concurrent.atomic.AtomicLong> requestCounts = new ConcurrentHashMap<>();
    private volatile Set<String> ignoredMethods = Set.of();
    private volatile boolean closed;

    private SipUa(UaConfig cfg) {
        this.cfg = cfg;
        this.core = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sip-core-" + cfg.name);
            t.setDaemon(true);
            return t;
        });
        this.transports = new SipTransports(cfg.name, cfg.address, cfg.sslContext, this::onMessage);
        this.txs = new Transactions(cfg.name, transports, core, cfg.transactionTimeout);
        this.msgs = new Messages(cfg, transports);
    }

    /** Starts a UA: binds its listeners and is ready to place and answer calls. */
    public static SipUa start(UaConfig cfg) throws IOException {
        if (!cfg.acceptedSrtpSuites.isEmpty()) {
            SrtpProtector.warmUp();
        }
        SipUa ua = new SipUa(cfg);
        try {
            ua.transports.start(cfg.udpPort, cfg.tcpPort, cfg.tlsPort);
        } catch (IOException | RuntimeException e) {
            ua.close();
            throw e;
        }
        return ua;
    }

    /** Listening port for {@code t}, or -1 if disabled. */
    public int port(Transport t) {
        return transports.port(t);
    }

    public InetAddress address() {
        return cfg.address;
    }

    /** A URI that reaches this UA over {@code t}, e.g. {@code sip:asterisk@127.0.0.1:5060;transport=tcp}. */
    public String uri(String user, Transport t) {
        return "sip:" + user + "@" + msgs.hostPort(t) + (t == Transport.UDP ? "" : ";transport=" + t.name().toLowerCase());
    }

    /**
     * Adds a handler called (on the UA thread) with every incoming call while it rings, after the auth and SDP
     * checks passed. With auto-answer on, the call is answered after the configured delay unless a handler
     * calls {@link Call#reject} or {@link Call#answer} first.
     */
    public void onIncomingCall(Consumer<Call> handler) {
        incomingHandlers.add(handler);
    }

    /** The last messages this UA received, for asserting what a peer sent. */
    public ReceivedLog received() {
        return receivedLog;
    }

    /** How many requests with {@code method} (e.g. OPTIONS) arrived so far; retransmissions are not counted. */
    public long requestsReceived(String method) {
        java.util.concurrent.atomic.AtomicLong n = requestCounts.get(method);
        return n == null ? 0 : n.get();
    }

    /**
     * Fault injection: requests with these methods (e.g. INVITE, OPTIONS) are still received and counted but never
     * answered, not even with 100 Trying, as if the peer's SIP application hung: the sender's Timer B/F runs out.
     * No methods: answer everything again.
     */
    public void ignoreRequests(String... methods) {
        ignoredMethods = Set.of(methods);
    }

    /** Calls known to this UA, including those that ended in the last five minutes. */
    public List<Call> calls() {
        return new ArrayList<>(calls.values());
    }

    /** Places a call. Returns at once; follow {@link Call#state()} or add a listener. */
    public Call call(CallRequest req) {
        String callId = randomHex(16) + "@" + cfg.address.getHostAddress();
        Call call = new Call(this, Call.Direction.OUTGOING, callId, CallState.CALLING);
        call.request = req;
        track(call);
        core.execute(() -> {
            try {
                startOutgoing(call);
            } catch (RuntimeException e) {
                call.end(new EndReason(EndReason.Kind.TRANSPORT_ERROR, 0, e.getMessage()));
            }
        });
        return call;
    }

    /** Sends OPTIONS to {@code uri}; completes with the final response (or exceptionally on timeout/error). */
    public CompletableFuture<SipMessage> options(String uri, Transport transport, InetSocketAddress dest) {
        CompletableFuture<SipMessage> result = new CompletableFuture<>();
        core.execute(() -> {
            try {
                SipMessage req = SipMessage.request("OPTIONS", uri);
                Transport t = transport;
                msgs.addVia(req, t);
                req.add("Max-Forwards", "70");
                req.add("From", "<sip:" + cfg.user + "@" + msgs.hostPort(t) + ">;tag=" + randomHex(4));
                req.add("To", "<" + uri + ">");
                req.add("Call-ID", randomHex(16) + "@" + cfg.address.getHostAddress());
                req.add("CSeq", "1 OPTIONS");
                req.add("User-Agent", cfg.userAgent);
                req.add("Accept", "application/sdp");
                txs.sendRequest(req, t, dest, null, null, resp -> {
                    if (resp.status() >= 200) {
                        result.complete(resp);
                    }
                }, result::completeExceptionally);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Keeps a call findable by Call-ID until a while after it ended (late BYE/ACK retransmissions). */
    private void track(Call call) {
        calls.put(call.callId(), call);
        call.addListener((c, state) -> {
            if (state == CallState.ENDED && !closed) {
                core.schedule(() -> calls.remove(c.callId(), c), ENDED_CALL_RETENTION_S, TimeUnit.SECONDS);
            }
        });
    }

    // ---------------------------------------------------------------- outgoing calls

    private void startOutgoing(Call call) {
        CallRequest req = call.request;
        SipUri uri;
        try {
            uri = SipUri.parse(req.target);
        } catch (SipParseException e) {
            call.end(new EndReason(EndReason.Kind.TRANSPORT_ERROR, 0, e.getMessage()));
            return;
        }
        boolean secureParam = "true".equalsIgnoreCase(uri.param("secure"));
        Transport t = req.transport;
        if (t == null) {
            String tp = uri.param("transport");
            t = tp != null ? Transport.parse(tp) : (secureParam || uri.scheme().equals("sips") ? Transport.TLS
                    : Transport.UDP);
        }
        InetSocketAddress dest = req.destination;
        if (dest == null) {
            int port = uri.port() > 0 ? uri.port() : t.defaultPort();
            dest = new InetSocketAddress(uri.host(), port);
            if (dest.isUnresolved()) {
                call.end(new EndReason(EndReason.Kind.TRANSPORT_ERROR, 0, "cannot resolve host " + uri.host()
                        + "; give CallRequest.destination(...)"));
                return;
            }
        }
        call.transport = t;
        call.destination = dest;
        call.serverName = uri.host();
        String requestUri = req.stripSecureParam ? req.target.replaceAll("(?i);secure=true", "") : req.target;
        call.remoteUri = requestUri;
        call.remoteTarget = requestUri;
        call.localTag = randomHex(4);
        String user = req.fromUser != null ? req.fromUser : cfg.user;
        call.localUri = "sip:" + user + "@" + msgs.hostPort(t);
        String display = req.displayName != null ? "\"" + req.displayName + "\" " : "";
        call.fromHeader = display + "<" + call.localUri + ">;tag=" + call.localTag;
        call.toHeader = "<" + requestUri + ">";
        call.localCseq = 1;
        SdpStyle style = req.sdpStyle != null ? req.sdpStyle : cfg.sdpStyle;
        int dtmfPt = style == SdpStyle.PJSIP_2_5 ? 96 : cfg.dtmfPayloadType;
        try {
            call.media = MediaStream.open(cfg.address, TestSignal.CALLER, TestSignal.CALLEE, req.audioFault,
                    cfg.name + "-out", dtmfPt);
        } catch (IOException e) {
            call.end(new EndReason(EndReason.Kind.TRANSPORT_ERROR, 0, "cannot open RTP socket: " + e.getMessage()));
            return;
        }
        List<String> cryptoLines = new ArrayList<>();
        if (!req.suites().isEmpty()) {
            SrtpProtector.warmUp(); // once per JVM; blocks this UA's thread rather than the first audio packets
        }
        Map<Integer, Map.Entry<SrtpSuite, byte[]>> keys = new LinkedHashMap<>();
        int tag = 1;
        for (SrtpSuite s : req.suites()) {
            byte[] key = new byte[30];
            RANDOM.nextBytes(key);
            keys.put(tag, Map.entry(s, key));
            cryptoLines.add(CryptoLine.format(tag, s.name(), key));
            tag++;
        }
        call.offeredKeys = keys;
        call.offeredCodecs = cfg.codecs;
        List<Integer> pts = cfg.codecs.stream().map(AudioCodec::payloadType).toList();
        long sessionId = RANDOM.nextInt(Integer.MAX_VALUE);
        call.localSdp = SdpWriter.write(style, new SdpWriter.Params(cfg.sdpSessionName, sessionId, sessionId,
                cfg.address.getHostAddress(), call.media.localPort(), !keys.isEmpty(), pts, dtmfPt, cryptoLines, true));
        call.localSdp = req.offerRewriter.apply(call.localSdp);
        sendInvite(call, null);
    }

    private void sendInvite(Call call, String authorization) {
        CallRequest req = call.request;
        SipMessage invite = SipMessage.request("INVITE", call.remoteUri);
        String branch = msgs.addVia(invite, call.transport);
        invite.add("Max-Forwards", "70");
        invite.add("From", call.fromHeader);
        invite.add("To", call.toHeader);
        invite.add("Contact", msgs.contact(call.localUri.substring(4, call.localUri.indexOf('@')), call.transport));
        invite.add("Call-ID", call.callId());
        invite.add("CSeq", call.localCseq + " INVITE");
        invite.add("User-Agent", cfg.userAgent);
        invite.add("Allow", ALLOW);
        invite.add("Supported", "replaces, timer");
        if (authorization != null) {
            invite.add(authorization.startsWith("Proxy:") ? "Proxy-Authorization" : "Authorization",
                    authorization.replaceFirst("^Proxy:", ""));
        }
        for (Map.Entry<String, String> h : req.headers.entrySet()) {
            invite.add(h.getKey(), h.getValue());
        }
        invite.body("application/sdp", call.localSdp);
        call.invite = invite;
        call.inviteBranch = branch;
        Transactions.ClientTx tx = txs.sendRequest(invite, call.transport, call.destination, call.connection, call.serverName,
                resp -> onInviteResponse(call, resp),
                err -> call.end(err instanceof java.util.concurrent.TimeoutException
                        ? new EndReason(EndReason.Kind.TIMEOUT, 0, "no final response to INVITE")
                        : new EndReason(EndReason.Kind.TRANSPORT_ERROR, 0, err.getMessage())));
        if (tx != null) {
            call.connection = tx.connection;
            call.tlsInfo = tx.connection == null ? null : tx.connection.tlsDescription();
        }
    }

    private void onInviteResponse(Call call, SipMessage resp) {
        int status = resp.status();
        if (status < 200) {
            if (status == 180 || status == 183) {
                call.setState(CallState.RINGING);
            }
            return;
        }
        if (status >= 300) {
            sendNon2xxAck(call, resp);
            CallRequest req = call.request;
            if ((status == 401 || status == 407) && req.authUser != null && !call.authTried
                    && call.state() != CallState.ENDED) {
                call.authTried = true;
                String challenge = resp.header(status == 401 ? "WWW-Authenticate" : "Proxy-Authenticate");
                if (challenge != null) {
                    call.localCseq++;
                    String auth = DigestAuth.authorization(challenge, req.authUser, req.authPassword, "INVITE",
                            call.remoteUri);
                    sendInvite(call, status == 407 ? "Proxy:" + auth : auth);
                    return;
                }
            }
            String warning = resp.header("Warning");
            call.end(new EndReason(call.state() == CallState.ENDED ? EndReason.Kind.LOCAL_HANGUP
                    : EndReason.Kind.REJECTED, status, resp.reason() + (warning == null ? "" : "; Warning: " + warning)));
            return;
        }
        // 2xx: establish the dialog (first one wins; retransmissions just get the ACK again)
        boolean first = call.remoteTag == null;
        if (first) {
            call.remoteTag = NameAddr.tag(resp.header("To"));
            call.toHeader = resp.header("To");
            String contact = resp.header("Contact");
            call.remoteTarget = contact != null ? NameAddr.uri(contact) : call.remoteUri;
            List<String> rr = new ArrayList<>(resp.headers("Record-Route"));
            Collections.reverse(rr);
            call.routeSet = rr;
        }
        sendAck2xx(call, resp.cseqNumber());
        if (!first) {
            return;
        }
        call.markConfirmed();
        if (call.state() == CallState.ENDED) {
            sendBye(call); // we hung up (CANCEL) but the far side answered anyway
            return;
        }
        call.remoteSdp = resp.bodyText();
        Object result;
        try {
            result = MediaNegotiation.processAnswer(call.offeredCodecs, call.offeredKeys, Sdp.parse(call.remoteSdp));
        } catch (SipParseException e) {
            result = "unparsable SDP answer: " + e.getMessage();
        }
        if (result instanceof String problem) {
            LOG.warn("{}: call {} answer unusable: {}", cfg.name, call.callId(), problem);
            sendBye(call);
            call.end(new EndReason(EndReason.Kind.MEDIA_FAILURE, 200, problem));
            return;
        }
        MediaNegotiation.AnswerResult ar = (MediaNegotiation.AnswerResult) result;
        MediaStream m = call.media;
        if (ar.suite() != null) {
            m.setProtector(new SrtpProtector(ar.suite(), ar.localKey(), ar.remoteKey()));
            call.srtpSuite = ar.suite();
            call.cryptoTag = ar.cryptoTag();
            call.localKey = ar.localKey();
            call.remoteKey = ar.remoteKey();
        }
        m.setSendDtmfPayloadType(ar.dtmfPt());
        m.armReceiver();
        m.startSending(ar.remoteMedia(), ar.sendCodec());
        call.setState(CallState.ANSWERED);
    }

    private void sendNon2xxAck(Call call, SipMessage resp) {
        SipMessage invite = call.invite;
        SipMessage ack = SipMessage.request("ACK", invite.requestUri());
        ack.add("Via", invite.header("Via"));
        ack.add("Max-Forwards", "70");
        ack.add("From", invite.header("From"));
        ack.add("To", resp.header("To"));
        ack.add("Call-ID", invite.callId());
        ack.add("CSeq", invite.cseqNumber() + " ACK");
        ack.copy(invite, "Route");
        txs.sendStateless(ack, call.transport, call.destination, call.connection, call.serverName);
    }

    private void sendAck2xx(Call call, long cseq) {
        SipMessage ack = inDialogRequest(call, "ACK", cseq);
        Route r = inDialogRoute(call);
        txs.sendStateless(ack, r.transport, r.dest, call.connection, call.serverName);
    }

    // ---------------------------------------------------------------- in-dialog helpers

    private record Route(Transport transport, InetSocketAddress dest) {
    }

    private SipMessage inDialogRequest(Call call, String method, long cseq) {
        String target = call.remoteTarget;
        SipMessage req = SipMessage.request(method, target);
        msgs.addVia(req, call.transport);
        req.add("Max-Forwards", "70");
        req.add("From", call.fromHeader);
        req.add("To", call.toHeader);
        req.add("Call-ID", call.callId());
        req.add("CSeq", cseq + " " + method);
        for (String r : call.routeSet) {
            req.add("Route", r);
        }
        req.add("User-Agent", cfg.userAgent);
        return req;
    }

    /** Where in-dialog requests go: first route, else the remote target, else the original destination. */
    private Route inDialogRoute(Call call) {
        String target = call.routeSet.isEmpty() ? call.remoteTarget : NameAddr.uri(call.routeSet.get(0));
        try {
            SipUri u = SipUri.parse(target);
            Transport t = call.transport;
            int port = u.port() > 0 ? u.port() : t.defaultPort();
            InetSocketAddress a = new InetSocketAddress(u.host(), port);
            if (!a.isUnresolved()) {
                return new Route(t, a);
            }
        } catch (SipParseException e) {
            LOG.debug("{}: remote target '{}' unparsable, using the original destination", cfg.name, target);
        }
        return new Route(call.transport, call.destination);
    }

    /**
     * Sends a re-INVITE (RFC 3261 section 14) in the dialog of an answered call, carrying this UA's SDP rewritten by
     * {@code sdp} (e.g. {@code a=sendonly} for hold, RFC 3264 section 8.4). Completes with the final response; a 2xx
     * is ACKed and the media follows the address of the answer (keys and codec stay as they are).
     */
    public CompletableFuture<SipMessage> reInvite(Call call, java.util.function.UnaryOperator<String> sdp) {
        CompletableFuture<SipMessage> result = new CompletableFuture<>();
        core.execute(() -> {
            if (call.state() != CallState.ANSWERED) {
                result.completeExceptionally(new IllegalStateException("re-INVITE needs an answered call; call is " + call.state()));
                return;
            }
            sendReInvite(call, sdp.apply(call.localSdp), answer -> { }, () -> { }, result);
        });
        return result;
    }

    /** See {@link Call#rekey()}. */
    CompletableFuture<SipMessage> rekey(Call call) {
        CompletableFuture<SipMessage> result = new CompletableFuture<>();
        core.execute(() -> {
            if (call.state() != CallState.ANSWERED || call.srtpSuite == null || call.media == null) {
                result.completeExceptionally(new IllegalStateException("re-key needs an answered SRTP call; call is "
                        + call.state() + (call.srtpSuite == null ? " without SRTP" : "")));
                return;
            }
            SrtpSuite suite = call.srtpSuite;
            int tag = call.cryptoTag;
            byte[] ours = new byte[SrtpSuite.KEY_LENGTH + SrtpSuite.SALT_LENGTH];
            RANDOM.nextBytes(ours);
            String offer = nextVersion(singleCrypto(call.localSdp, CryptoLine.format(tag, suite.name(), ours)));
            sendReInvite(call, offer, answer -> {
                byte[] theirs = answeredKey(answer, tag, suite);
                if (theirs == null) {
                    throw new IllegalStateException("the answer to the re-key carries no usable a=crypto line with tag "
                            + tag + " " + suite.name());
                }
                call.media.rekey(new SrtpProtector(suite, ours, theirs));
                call.localSdp = offer;
                call.localKey = ours;
                call.remoteKey = theirs;
            }, () -> { }, result);
        });
        return result;
    }

    private static byte[] answeredKey(Sdp answer, int tag, SrtpSuite suite) {
        Sdp.Media audio = answer.firstAudio();
        if (audio == null) {
            return null;
        }
        List<String> lines = audio.attributes("crypto");
        if (lines.size() != 1) {
            return null; // exactly one line in an answer (RFC 4568 section 7.1.2)
        }
        try {
            CryptoLine line = CryptoLine.parse(lines.get(0));
            byte[] key = line.firstKey();
            return line.tag() == tag && line.suite().equals(suite.name()) && !line.hasMki() && key != null
                    && key.length == SrtpSuite.KEY_LENGTH + SrtpSuite.SALT_LENGTH ? key : null;
        } catch (SipParseException e) {
            return null;
        }
    }

    /** See {@link Call#moveMedia()}. */
    CompletableFuture<SipMessage> moveMedia(Call call) {
        CompletableFuture<SipMessage> result = new CompletableFuture<>();
        core.execute(() -> {
            if (call.state() != CallState.ANSWERED || call.media == null) {
                result.completeExceptionally(new IllegalStateException("moving media needs an answered call; call is " + call.state()));
                return;
            }
            int port;
            try {
                port = call.media.openNewPort();
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            String offer = nextVersion(call.localSdp
                    .replaceFirst("(?m)^m=audio \\d+ ", "m=audio " + port + " ")
                    .replaceFirst("(?m)^a=rtcp:\\d+", "a=rtcp:" + (port + 1)));
            sendReInvite(call, offer, answer -> {
                call.localSdp = offer;
                call.media.switchToNewPort(core, java.time.Duration.ofMillis(300));
            }, () -> call.media.abandonNewPort(), result);
        });
        return result;
    }

    /**
     * Sends a re-INVITE carrying {@code body}; on a 2xx ACKs it, follows the answer's media address, keeps the answer
     * as the remote SDP and runs {@code on2xx} (on the UA thread); on a failure runs {@code onFailure}.
     */
    private void sendReInvite(Call call, String body, java.util.function.Consumer<Sdp> on2xx, Runnable onFailure,
                              CompletableFuture<SipMessage> result) {
        call.localCseq++;
        long cseq = call.localCseq;
        SipMessage req = inDialogRequest(call, "INVITE", cseq);
        req.add("Contact", msgs.contact(cfg.user, call.transport));
        req.body("application/sdp", body);
        Route r = inDialogRoute(call);
        txs.sendRequest(req, r.transport, r.dest, call.connection, call.serverName, resp -> {
            if (resp.status() < 200) {
                return;
            }
            if (resp.status() >= 300) {
                onFailure.run();
                result.complete(resp);
                return;
            }
            sendAck2xx(call, cseq);
            try {
                Sdp answer = Sdp.parse(resp.bodyText());
                Sdp.Media audio = answer.firstAudio();
                InetSocketAddress remote = audio == null ? null : MediaNegotiation.mediaAddress(answer, audio);
                if (remote != null && call.media != null) {
                    call.media.setRemote(remote);
                }
                call.remoteSdp = resp.bodyText();
                on2xx.accept(answer);
            } catch (SipParseException | RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            result.complete(resp);
        }, err -> {
            onFailure.run();
            result.completeExceptionally(err);
        });
    }

    private void sendBye(Call call) {
        call.localCseq++;
        SipMessage bye = inDialogRequest(call, "BYE", call.localCseq);
        Route r = inDialogRoute(call);
        // a BYE that cannot be sent (or times out) is worth a line: a test waiting for its answer otherwise sees nothing
        txs.sendRequest(bye, r.transport, r.dest, call.connection, call.serverName, resp -> { },
                err -> LOG.warn("{}: BYE for {} failed: {}", cfg.name, call.callId(), err.toString()));
    }

    // ---------------------------------------------------------------- application actions

    void answer(Call call) {
        core.execute(() -> doAnswer(call));
    }

    void reject(Call call, Rejection r) {
        core.execute(() -> {
            if (call.direction() != Call.Direction.INCOMING || call.state() != CallState.RINGING) {
                return;
            }
            Transactions.ServerTx tx = txs.server(call.invite.topViaBranch(), "INVITE");
            if (tx != null) {
                respond(tx, call.invite, r.status(), r.reason(), call.localTag, r.warning(), null);
            }
            call.end(new EndReason(EndReason.Kind.REFUSED, r.status(), r.reason()));
        });
    }

    void redirect(Call call, int status, String reason, java.util.List<String> contacts) {
        core.execute(() -> {
            if (call.direction() != Call.Direction.INCOMING || call.state() != CallState.RINGING) {
                return;
            }
            Transactions.ServerTx tx = txs.server(call.invite.topViaBranch(), "INVITE");
            if (tx != null) {
                SipMessage r = msgs.response(call.invite, status, reason, call.localTag);
                contacts.forEach(c -> r.add("Contact", c));
                tx.send(r);
            }
            call.end(new EndReason(EndReason.Kind.REFUSED, status, reason));
        });
    }

    void hangup(Call call) {
        core.execute(() -> {
            CallState s = call.state();
            if (s == CallState.ENDED) {
                return;
            }
            if (call.direction() == Call.Direction.INCOMING && s == CallState.RINGING) {
                Transactions.ServerTx tx = txs.server(call.invite.topViaBranch(), "INVITE");
                if (tx != null) {
                    respond(tx, call.invite, 603, "Decline", call.localTag, null, null);
                }
                call.end(new EndReason(EndReason.Kind.LOCAL_HANGUP, 603, "declined before answer"));
                return;
            }
            if (call.direction() == Call.Direction.OUTGOING && s != CallState.ANSWERED) {
                if (call.invite != null) {
                    sendCancel(call);
                }
                call.end(new EndReason(EndReason.Kind.LOCAL_HANGUP, 0, "cancelled before answer"));
                return;
            }
            stopOkRetransmit(call);
            sendBye(call);
            call.end(new EndReason(EndReason.Kind.LOCAL_HANGUP, 0, "BYE sent"));
        });
    }

    void retransmitAnswer(Call call) {
        core.execute(() -> {
            if (call.answerTx != null && call.state() != CallState.ENDED) {
                LOG.info("{}: fault: sending the 200 OK of {} again", cfg.name, call.callId());
                call.answerTx.sendRaw(call.answerOk);
            }
        });
    }

    void sendOnInviteConnection(Call call, SipMessage m) {
        core.execute(() -> {
            Transactions.ServerTx tx = call.invite == null ? null : txs.server(call.invite.topViaBranch(), "INVITE");
            if (tx != null) {
                tx.sendRaw(m);
            }
        });
    }

    void hangupDroppingBye(Call call) {
        core.execute(() -> {
            if (call.state() == CallState.ENDED) {
                return;
            }
            stopOkRetransmit(call);
            LOG.info("{}: fault: ending call {} without sending BYE/CANCEL", cfg.name, call.callId());
            call.end(new EndReason(EndReason.Kind.LOCAL_HANGUP, 0, "BYE dropped (fault injection)"));
        });
    }

    private void sendCancel(Call call) {
        SipMessage invite = call.invite;
        SipMessage cancel = SipMessage.request("CANCEL", invite.requestUri());
        cancel.add("Via", invite.header("Via"));
        cancel.add("Max-Forwards", "70");
        cancel.add("From", invite.header("From"));
        cancel.add("To", invite.header("To"));
        cancel.add("Call-ID", invite.callId());
        cancel.add("CSeq", invite.cseqNumber() + " CANCEL");
        cancel.copy(invite, "Route");
        txs.sendRequest(cancel, call.transport, call.destination, call.connection, call.serverName, resp -> { },
                err -> LOG.warn("{}: CANCEL for {} failed: {}", cfg.name, call.callId(), err.toString()));
    }

    // ---------------------------------------------------------------- incoming messages

    private void onMessage(SipMessage m, SipTransports.Inbound from) {
        if (closed) {
            return;
        }
        receivedLog.add(new ReceivedLog.Received(m, from.transport(), from.remote()));
        core.execute(() -> {
            try {
                if (m.isRequest()) {
                    onRequest(m, from);
                } else {
                    onResponse(m);
                }
            } catch (RuntimeException e) {
                LOG.warn("{}: failed to process {}: {}", cfg.name, m.firstLine(), e.toString(), e);
            }
        });
    }

    private void onResponse(SipMessage resp) {
        String branch = resp.topViaBranch();
        String method = resp.cseqMethod();
        Transactions.ClientTx tx = txs.client(branch, method);
        if (tx == null) {
            // a retransmitted 2xx for an INVITE whose transaction is gone: ACK it again (13.2.2.4)
            if ("INVITE".equals(method) && resp.status() >= 200 && resp.status() < 300) {
                Call call = calls.get(resp.callId());
                if (call != null && call.remoteTag != null) {
                    sendAck2xx(call, resp.cseqNumber());
                }
            }
            return;
        }
        tx.onResponse(resp);
    }

    private void onRequest(SipMessage req, SipTransports.Inbound from) {
        String method = req.method();
        String branch = req.topViaBranch();
        if (method.equals("ACK")) {
            onAck(req);
            return;
        }
        if (branch != null) {
            Transactions.ServerTx existing = txs.server(branch, method);
            if (existing != null) {
                existing.retransmitLast(); // a retransmitted request (17.2.1, 17.2.2)
                return;
            }
        }
        Transactions.ServerTx tx = txs.newServer(Transactions.key(branch == null ? randomHex(8) : branch, method),
                from);
        requestCounts.computeIfAbsent(method, k -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
        if (ignoredMethods.contains(method)) {
            // the transaction exists (it absorbs retransmissions) but never answers
            LOG.debug("{}: fault: ignoring {} {}", cfg.name, method, req.callId());
            return;
        }
        switch (method) {
            case "INVITE" -> onInvite(req, from, tx);
            case "BYE" -> onBye(req, tx);
            case "CANCEL" -> onCancel(req, tx);
            case "OPTIONS" -> {
                SipMessage ok = msgs.response(req, 200, "OK", tagFor(req));
                ok.add("Allow", ALLOW);
                ok.add("Accept", "application/sdp");
                ok.add("Supported", "replaces, timer");
                ok.add("User-Agent", cfg.userAgent);
                tx.send(ok);
            }
            case "INFO", "UPDATE", "NOTIFY" -> tx.send(msgs.response(req, 200, "OK", null));
            default -> {
                SipMessage r = msgs.response(req, 501, "Not Implemented", tagFor(req));
                r.add("Allow", ALLOW);
                tx.send(r);
            }
        }
    }

    private String tagFor(SipMessage req) {
        return NameAddr.tag(req.header("To")) == null ? randomHex(4) : null;
    }

    private void onInvite(SipMessage req, SipTransports.Inbound from, Transactions.ServerTx tx) {
        String toTag = NameAddr.tag(req.header("To"));
        if (toTag != null) {
            onReInvite(req, tx);
            return;
        }
        String localTag = randomHex(4);
        long active = calls.values().stream().filter(c -> c.state() != CallState.ENDED).count();
        if (active >= cfg.maxCalls) {
            SipMessage busy = msgs.withWarning(msgs.response(req, 503, "Service Unavailable", localTag),
                    "simulator limit of " + cfg.maxCalls + " simultaneous calls reached");
            busy.add("Retry-After", "5");
            tx.send(busy);
            return;
        }
        if (!cfg.credentials.isEmpty()) {
            DigestAuth.Verdict v = DigestAuth.verify(req.header("Authorization"), "INVITE", cfg.credentials, cfg.realm,
                    nonces::contains);
            if (v != DigestAuth.Verdict.OK) {
                if (v == DigestAuth.Verdict.WRONG) {
                    tx.send(msgs.withWarning(msgs.response(req, 403, "Forbidden", localTag), "wrong credentials"));
                    return;
                }
                String nonce = randomHex(16);
                nonces.add(nonce);
                SipMessage challenge = msgs.response(req, 401, "Unauthorized", localTag);
                challenge.add("WWW-Authenticate", DigestAuth.challenge(cfg.realm, nonce));
                tx.send(challenge);
                return;
            }
        }
        Object decision;
        try {
            String ct = req.header("Content-Type");
            if (req.body().length == 0 || ct == null || !ct.toLowerCase().startsWith("application/sdp")) {
                decision = Rejection.notAcceptableHere("INVITE without an SDP offer is not supported by this simulator");
            } else {
                decision = MediaNegotiation.answer(cfg, from.transport(), Sdp.parse(req.bodyText()));
            }
        } catch (SipParseException e) {
            decision = new Rejection(400, "Bad Request", "unparsable SDP: " + e.getMessage());
        }
        if (decision instanceof Rejection r) {
            LOG.info("{}: refusing INVITE {} over {}: {} {}", cfg.name, req.callId(), from.transport(), r.status(),
                    r.warning());
            tx.send(msgs.withWarning(msgs.response(req, r.status(), r.reason(), localTag), r.warning()));
            return;
        }
        MediaNegotiation.AnswerPlan plan = (MediaNegotiation.AnswerPlan) decision;
        Call call = new Call(this, Call.Direction.INCOMING, req.callId(), CallState.RINGING);
        call.invite = req;
        call.inviteSource = from;
        call.transport = from.transport();
        call.connection = from.connection();
        call.destination = from.remote();
        call.tlsInfo = from.connection() == null ? null : from.connection().tlsDescription();
        call.localTag = localTag;
        call.remoteTag = NameAddr.tag(req.header("From"));
        call.remoteUri = NameAddr.uri(req.header("From"));
        call.localUri = NameAddr.uri(req.header("To"));
        call.fromHeader = req.header("To") + ";tag=" + localTag;
        call.toHeader = req.header("From");
        String contact = req.header("Contact");
        call.remoteTarget = contact != null ? NameAddr.uri(contact) : call.remoteUri;
        call.routeSet = req.headers("Record-Route");
        call.localCseq = RANDOM.nextInt(10_000) + 1;
        call.remoteSdp = req.bodyText();
        call.answerPlan = plan;
        int dtmfPt = plan.dtmfPt();
        try {
            call.media = MediaStream.open(cfg.address, TestSignal.CALLEE, TestSignal.CALLER, cfg.answerAudioFault,
                    cfg.name + "-in", dtmfPt);
        } catch (IOException e) {
            tx.send(msgs.withWarning(msgs.response(req, 500, "Server Internal Error", localTag), "no RTP port"));
            return;
        }
        track(call);
        tx.send(msgs.response(req, 100, "Trying", null));
        if (cfg.ringing) {
            SipMessage ringing = msgs.response(req, 180, "Ringing", localTag);
            ringing.add("Contact", msgs.contact(cfg.user, call.transport));
            tx.send(ringing);
        }
        if (cfg.earlyMedia) {
            prepareAnswer(call);
            SipMessage progress = msgs.response(req, 183, "Session Progress", localTag);
            progress.add("Contact", msgs.contact(cfg.user, call.transport));
            progress.body("application/sdp", call.localSdp);
            tx.send(progress);
            startAnswerMedia(call);
        }
        for (Consumer<Call> handler : incomingHandlers) {
            try {
                handler.accept(call);
            } catch (RuntimeException e) {
                LOG.warn("{}: incoming call handler failed", cfg.name, e);
            }
        }
        if (cfg.autoAnswer) {
            core.schedule(() -> doAnswer(call), cfg.answerDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void doAnswer(Call call) {
        if (call.direction() != Call.Direction.INCOMING || call.state() != CallState.RINGING) {
            return;
        }
        Transactions.ServerTx tx = txs.server(call.invite.topViaBranch(), "INVITE");
        if (tx == null) {
            return;
        }
        boolean mediaStarted = call.localSdp != null; // early media already running
        prepareAnswer(call);
        SipMessage ok = msgs.response(call.invite, 200, "OK", call.localTag);
        ok.add("Contact", msgs.contact(cfg.user, call.transport));
        ok.add("Allow", ALLOW);
        ok.add("User-Agent", cfg.userAgent);
        ok.body("application/sdp", call.localSdp);
        tx.send(ok);
        call.answerTx = tx;
        call.answerOk = ok;
        if (!mediaStarted) {
            startAnswerMedia(call);
        }
        call.setState(CallState.ANSWERED);
        if (call.transport == Transport.UDP) {
            scheduleOkRetransmit(call, tx, ok, T1_MS, 0);
        }
    }

    /** Builds the answer SDP (once per call) and this side's SRTP protector. */
    private void prepareAnswer(Call call) {
        if (call.localSdp != null) {
            return;
        }
        MediaNegotiation.AnswerPlan plan = call.answerPlan;
        List<String> cryptoLines = new ArrayList<>();
        MediaStream m = call.media;
        if (plan.secure()) {
            byte[] key = new byte[30];
            RANDOM.nextBytes(key);
            cryptoLines.add(CryptoLine.format(plan.cryptoTag(), plan.suite().name(), key));
            m.setProtector(new SrtpProtector(plan.suite(), key, plan.remoteKey()));
            call.srtpSuite = plan.suite();
            call.cryptoTag = plan.cryptoTag();
            call.localKey = key;
            call.remoteKey = plan.remoteKey();
        }
        long sessionId = RANDOM.nextInt(Integer.MAX_VALUE);
        call.localSdp = SdpWriter.write(cfg.sdpStyle, new SdpWriter.Params(cfg.sdpSessionName, sessionId, sessionId,
                cfg.address.getHostAddress(), m.localPort(), plan.secure(), plan.answerPts(), plan.dtmfPt(),
                cryptoLines, false));
    }

    private static void startAnswerMedia(Call call) {
        MediaNegotiation.AnswerPlan plan = call.answerPlan;
        MediaStream m = call.media;
        m.setSendDtmfPayloadType(plan.dtmfPt());
        m.armReceiver();
        m.startSending(plan.remoteMedia(), plan.sendCodec());
    }

    private void scheduleOkRetransmit(Call call, Transactions.ServerTx tx, SipMessage ok, long delay, long elapsed) {
        call.okRetransmit = core.schedule(() -> {
            if (call.isConfirmed() || call.state() == CallState.ENDED) {
                return;
            }
            if (elapsed + delay >= 64 * T1_MS) {
                LOG.warn("{}: no ACK for 200 OK of {}; hanging up", cfg.name, call.callId());
                sendBye(call);
                call.end(new EndReason(EndReason.Kind.TIMEOUT, 200, "no ACK for 200 OK"));
                return;
            }
            tx.sendRaw(ok);
            scheduleOkRetransmit(call, tx, ok, Math.min(delay * 2, T2_MS), elapsed + delay);
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void stopOkRetransmit(Call call) {
        ScheduledFuture<?> f = call.okRetransmit;
        if (f != null) {
            f.cancel(false);
        }
    }

    private void onReInvite(SipMessage req, Transactions.ServerTx tx) {
        Call call = calls.get(req.callId());
        if (call == null || call.state() != CallState.ANSWERED) {
            tx.send(msgs.response(req, 481, "Call/Transaction Does Not Exist", null));
            return;
        }
        String answer = call.localSdp;
        try {
            if (req.body().length > 0) {
                Sdp offer = Sdp.parse(req.bodyText());
                Sdp.Media audio = offer.firstAudio();
                if (audio != null) {
                    if (call.srtpSuite != null) {
                        answer = answerKeys(call, audio);
                        if (answer == null) {
                            tx.send(msgs.withWarning(msgs.response(req, 488, "Not Acceptable Here", null),
                                    "re-INVITE offers no a=crypto line for " + call.srtpSuite.name()));
                            return;
                        }
                    }
                    InetSocketAddress remote = MediaNegotiation.mediaAddress(offer, audio);
                    if (remote != null && call.media != null) {
                        call.media.setRemote(remote); // a hold/refresh or a move: same session, new destination
                    }
                }
                call.remoteSdp = req.bodyText();
            }
        } catch (SipParseException e) {
            tx.send(msgs.withWarning(msgs.response(req, 400, "Bad Request", null), "unparsable SDP: " + e.getMessage()));
            return;
        }
        call.localSdp = answer;
        SipMessage ok = msgs.response(req, 200, "OK", null);
        ok.add("Contact", msgs.contact(cfg.user, call.transport));
        ok.body("application/sdp", answer);
        tx.send(ok);
    }

    /**
     * The answer to a re-offer on an SRTP call (RFC 4568 section 7.1.4): the offer's crypto line for our suite; when
     * its key is the one in use, the answer keeps ours too and the contexts stay; when it is new, we answer with a
     * new key of our own and switch to new contexts (old packets still accepted briefly). Null: no line for our suite.
     */
    private String answerKeys(Call call, Sdp.Media audio) throws SipParseException {
        CryptoLine chosen = null;
        for (String value : audio.attributes("crypto")) {
            CryptoLine line = CryptoLine.parse(value);
            if (line.suite().equals(call.srtpSuite.name()) && !line.hasMki() && line.firstKey() != null
                    && line.firstKey().length == SrtpSuite.KEY_LENGTH + SrtpSuite.SALT_LENGTH) {
                chosen = line;
                break;
            }
        }
        if (chosen == null) {
            return null;
        }
        byte[] theirs = chosen.firstKey();
        if (java.util.Arrays.equals(theirs, call.remoteKey)) {
            call.cryptoTag = chosen.tag();
            return singleCrypto(call.localSdp, CryptoLine.format(chosen.tag(), call.srtpSuite.name(), call.localKey));
        }
        byte[] ours = new byte[SrtpSuite.KEY_LENGTH + SrtpSuite.SALT_LENGTH];
        RANDOM.nextBytes(ours);
        LOG.info("{}: call {} re-keyed by the far side; answering with a new key of ours", cfg.name, call.callId());
        call.media.rekey(new SrtpProtector(call.srtpSuite, ours, theirs));
        call.cryptoTag = chosen.tag();
        call.localKey = ours;
        call.remoteKey = theirs;
        return nextVersion(singleCrypto(call.localSdp, CryptoLine.format(chosen.tag(), call.srtpSuite.name(), ours)));
    }

    /** {@code sdp} with its a=crypto lines replaced by {@code cryptoValue} (one line, where the first one was). */
    static String singleCrypto(String sdp, String cryptoValue) {
        StringBuilder out = new StringBuilder();
        boolean placed = false;
        for (String line : sdp.split("\r\n")) {
            if (line.startsWith("a=crypto:")) {
                if (!placed) {
                    out.append("a=crypto:").append(cryptoValue).append("\r\n");
                    placed = true;
                }
                continue;
            }
            out.append(line).append("\r\n");
        }
        return out.toString();
    }

    /** {@code sdp} with its o= session version incremented (RFC 3264 section 8: a changed SDP gets a new version). */
    static String nextVersion(String sdp) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^(o=\\S+ \\S+ )(\\d+)").matcher(sdp);
        if (!m.find()) {
            return sdp;
        }
        long v = Long.parseLong(m.group(2)) + 1;
        return sdp.substring(0, m.start(2)) + v + sdp.substring(m.end(2));
    }

    private void onAck(SipMessage ack) {
        String branch = ack.topViaBranch();
        Transactions.ServerTx tx = txs.server(branch, "INVITE");
        if (tx != null) {
            tx.acked = true; // ACK for a non-2xx final response (17.2.1)
        }
        Call call = calls.get(ack.callId());
        if (call != null && call.direction() == Call.Direction.INCOMING && call.state() == CallState.ANSWERED) {
            call.markConfirmed();
            stopOkRetransmit(call);
        }
    }

    private void onBye(SipMessage req, Transactions.ServerTx tx) {
        Call call = calls.get(req.callId());
        if (call == null || call.state() == CallState.ENDED && call.endReason().map(r -> r.kind()
                != EndReason.Kind.LOCAL_HANGUP).orElse(true)) {
            tx.send(msgs.response(req, 481, "Call/Transaction Does Not Exist", null));
            return;
        }
        tx.send(msgs.response(req, 200, "OK", null));
        stopOkRetransmit(call);
        call.markConfirmed();
        call.end(new EndReason(EndReason.Kind.REMOTE_HANGUP, 0, "BYE received"));
    }

    private void onCancel(SipMessage req, Transactions.ServerTx tx) {
        Transactions.ServerTx inviteTx = txs.server(req.topViaBranch(), "INVITE");
        if (inviteTx == null) {
            tx.send(msgs.response(req, 481, "Call/Transaction Does Not Exist", null));
            return;
        }
        tx.send(msgs.response(req, 200, "OK", null));
        Call call = calls.get(req.callId());
        if (call != null && call.state() == CallState.RINGING) {
            respond(inviteTx, call.invite, 487, "Request Terminated", call.localTag, null, null);
            call.end(new EndReason(EndReason.Kind.CANCELLED, 487, "CANCEL received"));
        }
    }

    // ---------------------------------------------------------------- message building

    private void respond(Transactions.ServerTx tx, SipMessage req, int status, String reason, String tag, String warning,
                         String body) {
        SipMessage r = msgs.withWarning(msgs.response(req, status, reason, tag), warning);
        if (body != null) {
            r.body("application/sdp", body);
        }
        tx.send(r);
    }

    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            CompletableFuture<Void> done = new CompletableFuture<>();
            core.execute(() -> {
                for (Call c : calls.values()) {
                    if (c.state() == CallState.ANSWERED) {
                        stopOkRetransmit(c);
                        sendBye(c);
                        c.end(new EndReason(EndReason.Kind.LOCAL_HANGUP, 0, "UA shut down"));
                    } else if (c.state() != CallState.ENDED) {
                        c.end(new EndReason(EndReason.Kind.LOCAL_HANGUP, 0, "UA shut down"));
                    }
                }
                done.complete(null);
            });
            done.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("{}: shutdown of calls incomplete: {}", cfg.name, e.toString());
        }
        closed = true;
        core.shutdownNow();
        transports.close();
    }

}
