package com.securetrunk.testpbx.sip;

import com.securetrunk.testpbx.media.AudioReport;
import com.securetrunk.testpbx.media.MediaStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One call placed or answered by a {@link SipUa}. Thread-safe: state changes happen on the UA's thread,
 * applications call {@link #answer}, {@link #hangup}, {@link #sendDtmf} and read state from any thread.
 */
public final class Call {
    /** Who sent the INVITE. */
    public enum Direction { OUTGOING, INCOMING }

    private final SipUa ua;
    private final Direction direction;
    private final String callId;
    private final List<CallListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile CallState state;
    private volatile EndReason endReason;
    private volatile AudioReport finalReport;
    private volatile boolean confirmed;

    // signalling state, touched only on the UA thread
    Transport transport;
    SipTransports.Connection connection;
    java.net.InetSocketAddress destination;
    String serverName;
    String localUri;
    String remoteUri;
    String localTag;
    String remoteTag;
    String fromHeader; // as on the wire for this dialog's requests we send
    String toHeader;
    String remoteTarget;
    List<String> routeSet = List.of();
    long localCseq;
    SipMessage invite; // the INVITE we sent (latest) or received
    SipTransports.Inbound inviteSource;
    String localSdp;
    String remoteSdp;
    MediaStream media;
    MediaNegotiation.AnswerPlan answerPlan;
    java.util.Map<Integer, java.util.Map.Entry<com.securetrunk.testpbx.media.SrtpSuite, byte[]>> offeredKeys =
            java.util.Map.of();
    List<com.securetrunk.testpbx.media.AudioCodec> offeredCodecs = List.of();
    String inviteBranch;
    // the SDES keys in use (null suite: plain RTP); replaced by a re-key
    com.securetrunk.testpbx.media.SrtpSuite srtpSuite;
    int cryptoTag;
    byte[] localKey;
    byte[] remoteKey;
    boolean authTried;
    CallRequest request;
    java.util.concurrent.ScheduledFuture<?> okRetransmit;
    // the 200 OK this side answered with, and its transaction (for retransmitAnswer)
    Transactions.ServerTx answerTx;
    SipMessage answerOk;
    String tlsInfo;

    Call(SipUa ua, Direction direction, String callId, CallState initial) {
        this.ua = ua;
        this.direction = direction;
        this.callId = callId;
        this.state = initial;
    }

    public Direction direction() {
        return direction;
    }

    /** The SIP Call-ID. */
    public String callId() {
        return callId;
    }

    public CallState state() {
        return state;
    }

    public Optional<EndReason> endReason() {
        return Optional.ofNullable(endReason);
    }

    /** True once the dialog is confirmed (ACK sent or received). */
    public boolean isConfirmed() {
        return confirmed;
    }

    /** The far side's URI (To of an outgoing call, From of an incoming one). */
    public String remoteUri() {
        return remoteUri;
    }

    public String localUri() {
        return localUri;
    }

    /**
     * The extension this call is for: the user part of the Request-URI (incoming) or of the target
     * (outgoing), e.g. {@code 600}; empty if the URI has no user part.
     */
    public String extension() {
        String uri = direction == Direction.INCOMING && invite != null ? invite.requestUri() : remoteUri;
        return userOf(uri);
    }

    /** The caller's user part (From of an incoming call, our own user for an outgoing one). */
    public String callerNumber() {
        return userOf(direction == Direction.INCOMING ? remoteUri : localUri);
    }

    /** The display name in the incoming INVITE's From header, or empty. */
    public String callerName() {
        SipMessage i = invite;
        String from = i == null ? null : i.header("From");
        if (from == null) {
            return "";
        }
        int lt = from.indexOf('<');
        String name = lt > 0 ? from.substring(0, lt).trim() : "";
        return name.startsWith("\"") && name.endsWith("\"") && name.length() >= 2
                ? name.substring(1, name.length() - 1) : name;
    }

    private static String userOf(String uri) {
        if (uri == null) {
            return "";
        }
        try {
            String user = SipUri.parse(uri).user();
            return user == null ? "" : user;
        } catch (SipParseException e) {
            return "";
        }
    }

    public Transport transport() {
        return transport;
    }

    /** Negotiated TLS protocol and cipher of the signalling connection, or null. */
    public String tlsInfo() {
        return tlsInfo;
    }

    /** The INVITE as sent (outgoing) or received (incoming), for inspecting headers. */
    public SipMessage invite() {
        return invite;
    }

    /** Our SDP (offer or answer), or null before it exists. */
    public String localSdp() {
        return localSdp;
    }

    /** The far side's SDP, or null. */
    public String remoteSdp() {
        return remoteSdp;
    }

    /** Adds a listener; it is not told about the current state, only about later changes. */
    public void addListener(CallListener listener) {
        listeners.add(listener);
    }

    /**
     * Waits until the call reaches {@code wanted} (or a later state). Returns false on timeout or if the call
     * ended without reaching {@code wanted}.
     */
    public boolean awaitState(CallState wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (state.ordinal() < wanted.ordinal()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return wanted == CallState.ENDED || state != CallState.ENDED || reachedBeforeEnd(wanted);
        } finally {
            lock.unlock();
        }
    }

    private volatile boolean wasAnswered;
    private volatile boolean wasRinging;

    private boolean reachedBeforeEnd(CallState wanted) {
        return switch (wanted) {
            case ANSWERED -> wasAnswered;
            case RINGING -> wasRinging || wasAnswered;
            default -> true;
        };
    }

    /** Answers an incoming ringing call (no effect otherwise). */
    public void answer() {
        ua.answer(this);
    }

    /** Refuses an incoming ringing call with {@code status} (e.g. 486, 603). */
    public void reject(int status, String reason) {
        ua.reject(this, new Rejection(status, reason, null));
    }

    /** Redirects an incoming ringing call with a 3xx {@code status} carrying one Contact per {@code contacts} entry. */
    public void redirect(int status, String reason, String... contacts) {
        ua.redirect(this, status, reason, java.util.List.of(contacts));
    }

    /** CANCEL before answer, BYE after; an incoming ringing call is refused with 603 Decline. */
    public void hangup() {
        ua.hangup(this);
    }

    /**
     * Fault injection on an answered incoming call: sends its 200 OK once more, byte for byte on the same connection,
     * as a UAS does that thinks its ACK was lost (RFC 3261 section 13.3.1.4), whatever the transport; the caller must
     * ACK it again (section 13.2.2.4). Nothing else changes here.
     */
    public void retransmitAnswer() {
        ua.retransmitAnswer(this);
    }

    /**
     * Fault injection on an incoming call: sends {@code message} as it is (no transaction, no checks) back over the
     * connection or address its INVITE came from, e.g. a response the far end never asked for.
     */
    public void sendOnInviteConnection(SipMessage message) {
        ua.sendOnInviteConnection(this, message);
    }

    /**
     * Fault injection: ends the call here as {@link #hangup} does, but the BYE/CANCEL is never sent (as if it was
     * lost on the network), so the far end keeps its side of the call until something else ends it.
     */
    public void hangupDroppingBye() {
        ua.hangupDroppingBye(this);
    }

    /**
     * Re-INVITE (RFC 3261 section 14) offering a new SDES key of this side (a new {@code a=crypto} line, same tag and
     * suite, RFC 4568 section 7.1.4); completes with the final response. On a 2xx the stream switches to new SRTP
     * contexts: our new key for sending, the key in the answer (new or the same) for receiving, and packets under
     * the old receive key are still accepted for a short overlap.
     */
    public java.util.concurrent.CompletableFuture<SipMessage> rekey() {
        return ua.rekey(this);
    }

    /**
     * Re-INVITE moving this side's media to a new local port (new {@code m=} port, same address); completes with
     * the final response. The new port receives from the moment the offer leaves; after a 2xx audio is sent from it
     * and the old port is closed shortly after.
     */
    public java.util.concurrent.CompletableFuture<SipMessage> moveMedia() {
        return ua.moveMedia(this);
    }

    /** The local RTP port now (changes after {@link #moveMedia}), or -1 without media. */
    public int mediaPort() {
        MediaStream m = media;
        return m == null ? -1 : m.localPort();
    }

    /** Queues RFC 4733 DTMF digits; throws if the call has no media or the far side has no telephone-event. */
    public void sendDtmf(String digits) {
        MediaStream m = media;
        if (m == null || state != CallState.ANSWERED) {
            throw new IllegalStateException("DTMF needs an answered call with media; call is " + state);
        }
        m.sendDtmf(digits);
    }

    /** Waits until all queued DTMF has been sent. */
    public boolean awaitDtmfSent(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        MediaStream m = media;
        while (m != null && !m.dtmfIdle()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** The first {@value com.securetrunk.testpbx.media.Recording#MAX_SECONDS} s of audio received, or null. */
    public com.securetrunk.testpbx.media.Recording recording() {
        MediaStream m = media;
        return m == null ? null : m.recording();
    }

    /** What was sent and received so far (or in total, once the call ended). */
    /**
     * Waits until this call has received at least {@code frames} frames that match the far side's signal, or
     * {@code timeout} passes; returns whether it did. Tests wait on audio with this rather than a fixed sleep, which
     * is too short on a loaded machine (media starts after the answer's signalling and handshakes).
     */
    public boolean awaitFramesMatched(long frames, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (audioReport().framesMatched() < frames) {
            if (System.nanoTime() >= deadline || state() == CallState.ENDED) {
                return audioReport().framesMatched() >= frames;
            }
            Thread.sleep(20);
        }
        return true;
    }

    public AudioReport audioReport() {
        AudioReport r = finalReport;
        if (r != null) {
            return r;
        }
        MediaStream m = media;
        return m == null ? AudioReport.none() : m.report();
    }

    // ---- UA-thread transitions ----

    void setState(CallState next) {
        lock.lock();
        try {
            if (state == CallState.ENDED || next.ordinal() <= state.ordinal()) {
                return;
            }
            state = next;
            if (next == CallState.RINGING) {
                wasRinging = true;
            }
            if (next == CallState.ANSWERED) {
                wasAnswered = true;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        fire(next);
    }

    void end(EndReason reason) {
        lock.lock();
        try {
            if (state == CallState.ENDED) {
                return;
            }
            endReason = reason;
            MediaStream m = media;
            if (m != null) {
                m.close();
                finalReport = m.report();
            }
            state = CallState.ENDED;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        fire(CallState.ENDED);
    }

    void markConfirmed() {
        confirmed = true;
    }

    private void fire(CallState s) {
        for (CallListener l : listeners) {
            try {
                l.onStateChanged(this, s);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Call.class).warn("call listener failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "Call[" + direction + " " + remoteUri + " " + state + (endReason == null ? "" : " " + endReason) + "]";
    }
}
