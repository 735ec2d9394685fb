package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.sdp.crypto.Lifetime;
import com.securetrunk.gateway.sdp.crypto.SessionParam;
import com.securetrunk.gateway.srtp.SrtpSuite;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one peer gets from us and what we accept from it, in SDES terms. Built from that peer's compatibility
 * profile (or one of {@link SdesPolicies}).
 *
 * @param profileName           named in every refusal ("... not accepted by profile twilio-secure")
 * @param srtp                  required / optional / off (Twilio Secure Media enabled / - / disabled)
 * @param offerSuites           suites we offer this peer, in this order, tags 1..n
 * @param acceptSuites          suites we accept in this peer's offers and answers
 * @param offerLifetime         lifetime written in our offers, or null for none (Asterisk &lt;13.23 refuses 2^20)
 * @param minAcceptedLifetime   a key whose lifetime is below this many packets is refused (we do not re-key
 *                              mid-call); 0 accepts any lifetime
 * @param acceptMki             whether keys with an MKI are accepted (Twilio: no; our SRTP engine carries no MKI)
 * @param acceptedSessionParams RFC 4568 session parameters honoured in this peer's lines; any other mandatory
 *                              one makes the line unacceptable (section 6.3.7). We never send any.
 * @param bestEffortOffer       with {@link SrtpMode#OPTIONAL}: offer RTP/AVP with a=crypto instead of RTP/SAVP
 * @param telephoneEventPt      the RFC 4733 telephone-event/8000 payload type this peer expects, or -1 to keep
 *                              whatever the other side uses
 * @param stripAttributes       attribute names removed from SDP sent to this peer (e.g. pjsua's X-nat)
 */
public record SdesPolicy(String profileName, SrtpMode srtp, List<SrtpSuite> offerSuites, Set<SrtpSuite> acceptSuites,
                         Lifetime offerLifetime, long minAcceptedLifetime, boolean acceptMki,
                         Set<String> acceptedSessionParams, boolean bestEffortOffer, int telephoneEventPt,
                         Set<String> stripAttributes) {

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

    /** A policy for {@code profileName} with the common defaults: no lifetime, no MKI, WSH and FEC_ORDER honoured. */
    public static SdesPolicy of(String profileName, SrtpMode srtp, List<SrtpSuite> offerSuites, Set<SrtpSuite> acceptSuites) {
        return new SdesPolicy(profileName, srtp, offerSuites, acceptSuites, null, DEFAULT_MIN_LIFETIME, false,
                HONOURABLE_SESSION_PARAMS, false, -1, Set.of());
    }

    public SdesPolicy withTelephoneEventPt(int pt) {
        return new SdesPolicy(profileName, srtp, offerSuites, acceptSuites, offerLifetime, minAcceptedLifetime,
                acceptMki, acceptedSessionParams, bestEffortOffer, pt, stripAttributes);
    }

    public SdesPolicy withOfferLifetime(Lifetime lifetime) {
        return new SdesPolicy(profileName, srtp, offerSuites, acceptSuites, lifetime, minAcceptedLifetime,
                acceptMki, acceptedSessionParams, bestEffortOffer, telephoneEventPt, stripAttributes);
    }

    public SdesPolicy withAcceptedSessionParams(Set<String> params) {
        return new SdesPolicy(profileName, srtp, offerSuites, acceptSuites, offerLifetime, minAcceptedLifetime,
                acceptMki, params, bestEffortOffer, telephoneEventPt, stripAttributes);
    }

    public SdesPolicy withStripAttributes(Set<String> names) {
        return new SdesPolicy(profileName, srtp, offerSuites, acceptSuites, offerLifetime, minAcceptedLifetime,
                acceptMki, acceptedSessionParams, bestEffortOffer, telephoneEventPt, names);
    }

    public SdesPolicy withBestEffortOffer(boolean on) {
        return new SdesPolicy(profileName, srtp, offerSuites, acceptSuites, offerLifetime, minAcceptedLifetime,
                acceptMki, acceptedSessionParams, on, telephoneEventPt, stripAttributes);
    }

    public SdesPolicy withMinAcceptedLifetime(long packets) {
        return new SdesPolicy(profileName, srtp, offerSuites, acceptSuites, offerLifetime, packets,
                acceptMki, acceptedSessionParams, bestEffortOffer, telephoneEventPt, stripAttributes);
    }

    public SdesPolicy withSrtp(SrtpMode mode) {
        return new SdesPolicy(profileName, mode, offerSuites, acceptSuites, offerLifetime, minAcceptedLifetime,
                acceptMki, acceptedSessionParams, bestEffortOffer, telephoneEventPt, stripAttributes);
    }
}
