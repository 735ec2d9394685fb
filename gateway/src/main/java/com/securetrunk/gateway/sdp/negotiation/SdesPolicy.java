package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.sdp.crypto.Lifetime;
import com.securetrunk.gateway.sdp.crypto.SessionParam;
import com.securetrunk.gateway.srtp.SrtpSuite;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one peer gets from us and what we accept from it, in SDES terms: the part of its compatibility profile
 * that the SDP negotiation reads ({@link ProfilePolicies#of} builds it from a profile; {@link SdesPolicies} has
 * built-in ones for tests and for the CLI's "other side").
 *
 * @param profileName           named in every refusal ("... not accepted by profile twilio-secure")
 * @param srtp                  required / optional / off (Twilio Secure Media enabled / - / disabled)
 * @param offerSuites           suites we offer this peer, in this order, tags 1..n
 * @param acceptSuites          suites we accept in this peer's offers and answers
 * @param offerLifetime         lifetime written in our offers, or null for none (Asterisk &lt;13.23 refuses 2^20)
 * @param acceptLifetime        whether a line from this peer may carry a lifetime at all
 * @param minAcceptedLifetime   a key whose lifetime is below this many packets is refused (we do not re-key
 *                              mid-call); 0 accepts any lifetime
 * @param acceptMki             whether keys with an MKI are accepted (Twilio: no)
 * @param acceptedSessionParams RFC 4568 session parameters accepted in this peer's lines (and only those our
 *                              engine can honour, {@link #HONOURABLE_SESSION_PARAMS}); any other mandatory one makes
 *                              the line unacceptable (section 6.3.7). We never send any.
 * @param exactKeyLength        inline key material must decode to exactly the suite's key+salt length; when false
 *                              longer material is cut to that length (pjsua's lenient decoding)
 * @param bestEffortOffer       with {@link SrtpMode#OPTIONAL}: offer RTP/AVP with a=crypto; otherwise an optional
 *                              peer is offered plain RTP/AVP
 * @param telephoneEventPt      the RFC 4733 telephone-event/8000 payload type this peer is offered, or -1 to keep
 *                              whatever the other side uses
 * @param rtcpMux               offer {@code a=rtcp-mux} (RFC 5761) to this peer and accept it from it
 * @param ptime                 {@code a=ptime} added to offers to this peer that carry none, or -1
 * @param stripAttributes       attribute names removed from SDP sent to this peer (e.g. pjsua's X-nat)
 */
public record SdesPolicy(String profileName, SrtpMode srtp, List<SrtpSuite> offerSuites, Set<SrtpSuite> acceptSuites,
                         Lifetime offerLifetime, boolean acceptLifetime, long minAcceptedLifetime, boolean acceptMki,
                         Set<String> acceptedSessionParams, boolean exactKeyLength, boolean bestEffortOffer,
                         int telephoneEventPt, boolean rtcpMux, int ptime, Set<String> stripAttributes) {

    /** What our own SRTP engine can honour: WSH is a hint (our window is at least 64); FEC_ORDER is moot without FEC. */
    public static final Set<String> HONOURABLE_SESSION_PARAMS = Set.of(SessionParam.WSH, SessionParam.FEC_ORDER);

    /** 2^20 packets, about 5.8 hours of 20 ms audio: the floor Asterisk 13.23+ also uses. */
    public static final long DEFAULT_MIN_LIFETIME = 1L << 20;

    public SdesPolicy {
        Objects.requireNonNull(profileName, "profileName");
        Objects.requireNonNull(srtp, "srtp");
        offerSuites = List.copyOf(offerSuites);
        acceptSuites = Set.copyOf(acceptSuites);
        acceptedSessionParams = Set.copyOf(acceptedSessionParams);
        stripAttributes = Set.copyOf(stripAttributes);
        if (srtp != SrtpMode.OFF && offerSuites.isEmpty()) {
            throw new IllegalArgumentException("profile " + profileName + ": SRTP " + srtp.name().toLowerCase()
                    + " needs at least one suite to offer");
        }
        if (offerSuites.size() != Set.copyOf(offerSuites).size()) {
            throw new IllegalArgumentException("profile " + profileName + ": a suite is listed twice in " + offerSuites);
        }
        if (telephoneEventPt != -1 && (telephoneEventPt < 96 || telephoneEventPt > 127)) {
            throw new IllegalArgumentException("profile " + profileName + ": telephone-event payload type "
                    + telephoneEventPt + " (expected: 96-127, a dynamic type, or -1)");
        }
        if (minAcceptedLifetime < 0) {
            throw new IllegalArgumentException("profile " + profileName + ": minimum lifetime " + minAcceptedLifetime);
        }
    }

    public static Builder builder(String profileName, SrtpMode srtp) {
        return new Builder(profileName, srtp);
    }

    public Builder toBuilder() {
        Builder b = new Builder(profileName, srtp);
        b.offerSuites = offerSuites;
        b.acceptSuites = acceptSuites;
        b.offerLifetime = offerLifetime;
        b.acceptLifetime = acceptLifetime;
        b.minAcceptedLifetime = minAcceptedLifetime;
        b.acceptMki = acceptMki;
        b.acceptedSessionParams = acceptedSessionParams;
        b.exactKeyLength = exactKeyLength;
        b.bestEffortOffer = bestEffortOffer;
        b.telephoneEventPt = telephoneEventPt;
        b.rtcpMux = rtcpMux;
        b.ptime = ptime;
        b.stripAttributes = stripAttributes;
        return b;
    }

    /** Defaults: no suites, no lifetime sent, lifetimes of 2^20+ accepted, no MKI, WSH/FEC_ORDER, exact keys. */
    public static final class Builder {
        private final String profileName;
        private SrtpMode srtp;
        private List<SrtpSuite> offerSuites = List.of();
        private Set<SrtpSuite> acceptSuites = EnumSet.noneOf(SrtpSuite.class);
        private Lifetime offerLifetime;
        private boolean acceptLifetime = true;
        private long minAcceptedLifetime = DEFAULT_MIN_LIFETIME;
        private boolean acceptMki;
        private Set<String> acceptedSessionParams = HONOURABLE_SESSION_PARAMS;
        private boolean exactKeyLength = true;
        private boolean bestEffortOffer;
        private int telephoneEventPt = -1;
        private boolean rtcpMux;
        private int ptime = -1;
        private Set<String> stripAttributes = Set.of();

        private Builder(String profileName, SrtpMode srtp) {
            this.profileName = profileName;
            this.srtp = srtp;
        }

        public Builder srtp(SrtpMode v) { srtp = v; return this; }
        public Builder offerSuites(List<SrtpSuite> v) { offerSuites = v; return this; }
        public Builder acceptSuites(Set<SrtpSuite> v) { acceptSuites = v; return this; }
        public Builder offerLifetime(Lifetime v) { offerLifetime = v; return this; }
        public Builder acceptLifetime(boolean v) { acceptLifetime = v; return this; }
        public Builder minAcceptedLifetime(long v) { minAcceptedLifetime = v; return this; }
        public Builder acceptMki(boolean v) { acceptMki = v; return this; }
        public Builder acceptedSessionParams(Set<String> v) { acceptedSessionParams = v; return this; }
        public Builder exactKeyLength(boolean v) { exactKeyLength = v; return this; }
        public Builder bestEffortOffer(boolean v) { bestEffortOffer = v; return this; }
        public Builder telephoneEventPt(int v) { telephoneEventPt = v; return this; }
        public Builder rtcpMux(boolean v) { rtcpMux = v; return this; }
        public Builder ptime(int v) { ptime = v; return this; }
        public Builder stripAttributes(Set<String> v) { stripAttributes = v; return this; }

        public SdesPolicy build() {
            return new SdesPolicy(profileName, srtp, offerSuites, acceptSuites, offerLifetime, acceptLifetime,
                    minAcceptedLifetime, acceptMki, acceptedSessionParams, exactKeyLength, bestEffortOffer,
                    telephoneEventPt, rtcpMux, ptime, stripAttributes);
        }
    }

    /** True when we put {@code a=crypto} lines into offers to this peer. */
    boolean offersCrypto() {
        return srtp == SrtpMode.REQUIRED || srtp == SrtpMode.OPTIONAL && bestEffortOffer;
    }
}
