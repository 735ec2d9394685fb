package com.securetrunk.testpbx.sip;

import com.securetrunk.testpbx.media.AudioFault;
import com.securetrunk.testpbx.media.SrtpSuite;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to dial. Only the target URI is required; everything else defaults from the URI and the UA:
 * transport from {@code ;transport=} (or TLS for {@code ;secure=true} / {@code sips:}), else UDP; port from
 * the URI, else 5061 for TLS and 5060 otherwise; SDP style, user and codecs from the UA's {@link UaConfig}.
 */
public final class CallRequest {
    final String target;
    Transport transport;
    InetSocketAddress destination;
    String fromUser;
    String displayName;
    SdpStyle sdpStyle;
    List<SrtpSuite> srtpSuites = List.of();
    String authUser;
    String authPassword;
    final Map<String, String> headers = new LinkedHashMap<>();
    AudioFault audioFault = AudioFault.NONE;
    boolean stripSecureParam;
    java.util.function.UnaryOperator<String> offerRewriter = java.util.function.UnaryOperator.identity();

    private CallRequest(String target) {
        this.target = target;
    }

    /** A call to {@code uri}, e.g. {@code sip:1000@127.0.0.1:5080} or {@code sip:jack@example.test;secure=true}. */
    public static CallRequest to(String uri) {
        return new CallRequest(uri);
    }

    public CallRequest transport(Transport t) {
        this.transport = t;
        return this;
    }

    /** Where to send the INVITE, when the URI's host is a name that does not resolve here (an outbound proxy). */
    public CallRequest destination(InetSocketAddress dest) {
        this.destination = dest;
        return this;
    }

    public CallRequest from(String user) {
        this.fromUser = user;
        return this;
    }

    public CallRequest displayName(String name) {
        this.displayName = name;
        return this;
    }

    public CallRequest sdpStyle(SdpStyle style) {
        this.sdpStyle = style;
        return this;
    }

    /** Offer RTP/SAVP with these suites, in this order (empty: plain RTP/AVP). */
    public CallRequest srtp(SrtpSuite... suites) {
        this.srtpSuites = List.of(suites);
        return this;
    }

    /** Credentials for a 401/407 digest challenge. */
    public CallRequest credentials(String user, String password) {
        this.authUser = user;
        this.authPassword = password;
        return this;
    }

    /** An extra header on the INVITE. */
    public CallRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Deliberately damage what this side sends (tests of the far side's audio check). */
    public CallRequest audioFault(AudioFault fault) {
        this.audioFault = fault;
        return this;
    }

    /** Remove {@code ;secure=true} from the Request-URI (it instructs us, not the far side). */
    public CallRequest stripSecureParam(boolean strip) {
        this.stripSecureParam = strip;
        return this;
    }

    /**
     * Rewrites the SDP offer text before it is sent, to build offers this UA would never make (MKI keys,
     * unknown suites...) for negative tests. The call still uses its own keys, so only refusals are meaningful.
     */
    public CallRequest rewriteOffer(java.util.function.UnaryOperator<String> rewriter) {
        this.offerRewriter = rewriter;
        return this;
    }

    public String target() {
        return target;
    }

    List<SrtpSuite> suites() {
        return new ArrayList<>(srtpSuites);
    }
}
