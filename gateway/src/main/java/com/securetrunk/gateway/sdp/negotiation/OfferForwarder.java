package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.sdp.MediaDescription;
import com.securetrunk.gateway.sdp.SdpLine;
import com.securetrunk.gateway.sdp.SessionDescription;
import com.securetrunk.gateway.sdp.crypto.CryptoAttribute;
import com.securetrunk.gateway.sdp.crypto.KeyParam;
import com.securetrunk.gateway.srtp.MasterKey;
import com.securetrunk.gateway.srtp.SrtpSuite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites an offer from one side into the offer we send the other side (the far peer, whose policy is given):
 * RTP/AVP becomes RTP/SAVP with one {@code a=crypto} per suite the far policy offers, in its order, tags 1..n,
 * fresh keys, no MKI, lifetime only if the policy says so (RFC 4568 section 7.1.1); or the reverse toward a plain
 * peer. Addresses and ports become the relay's; rejected streams keep their place with port 0 (RFC 3264 section 8).
 *
 * <p>On a re-INVITE pass the previous {@link PendingOffer}: streams whose suites are unchanged keep their keys, so
 * the far side keeps its SRTP contexts and rollover counters (rtpengine #1443, pjproject #2682).
 */
public final class OfferForwarder {

    /** The rewritten offer and its key material. */
    public record Forwarded(SessionDescription offer, PendingOffer pending) {
    }

    private final SrtpKeyGenerator keys;

    public OfferForwarder(SrtpKeyGenerator keys) {
        this.keys = keys;
    }

    /**
     * @param offer       the offer as received from the near side
     * @param nearPolicy  the offerer's policy (decides what of its offer we accept)
     * @param farPolicy   the far peer's policy (decides what we offer it)
     * @param farRelay    the relay's address and ports on the far side
     * @param previous    the previous pending offer of this dialog on re-INVITE, or null
     */
    public Forwarded forward(SessionDescription offer, SdesPolicy nearPolicy, SdesPolicy farPolicy, Relay farRelay,
                             PendingOffer previous) throws NegotiationRefused {
        List<StreamDecision> decisions = OfferEvaluator.evaluate(offer, nearPolicy);
        SessionDescription session = SdpRewrites.sessionToward(offer, farRelay.address(), farPolicy.stripAttributes());
        List<MediaDescription> media = new ArrayList<>();
        List<OfferedStream> streams = new ArrayList<>();
        for (StreamDecision d : decisions) {
            MediaDescription md = offer.media().get(d.index());
            if (d instanceof StreamDecision.Rejected) {
                media.add(SdpRewrites.rejected(md));
                streams.add(new OfferedStream(d.index(), false, Map.of(), -1, -1));
                continue;
            }
            StreamDecision.Accepted a = (StreamDecision.Accepted) d;
            boolean secure = farPolicy.offersCrypto();
            String proto = SdpRewrites.proto(farPolicy.srtp() == SrtpMode.REQUIRED, md.mediaLine().proto());
            boolean holdAddress = offer.connectionFor(d.index()).map(c -> c.isHoldAddress()).orElse(false);
            MediaDescription out = SdpRewrites.mediaToward(md, farRelay.address(), farRelay.rtpPort(d.index()),
                    farRelay.rtcpPort(d.index()), proto, farPolicy.stripAttributes(), holdAddress);
            if (holdAddress) {
                out = out.with(List.of(new SdpLine('a', a.direction().attributeName())));
            }
            if (farPolicy.ptime() > 0 && out.attributes("ptime").isEmpty()) {
                out = out.with(List.of(new SdpLine('a', "ptime:" + farPolicy.ptime())));
            }
            if (farPolicy.rtcpMux()) {
                out = out.with(List.of(new SdpLine('a', "rtcp-mux")));
            }
            int nearTe = SdpRewrites.telephoneEventPt(md);
            out = SdpRewrites.renumber(out, nearTe, farPolicy.telephoneEventPt());
            int farTe = SdpRewrites.telephoneEventPt(out);
            Map<Integer, MasterKey> offered = new LinkedHashMap<>();
            if (secure) {
                Map<Integer, MasterKey> reuse = reusable(previous, d.index(), farPolicy);
                List<SdpLine> cryptoLines = new ArrayList<>();
                int tag = 1;
                for (SrtpSuite suite : farPolicy.offerSuites()) {
                    MasterKey key = reuse != null ? reuse.get(tag) : keys.generate(suite);
                    offered.put(tag, key);
                    KeyParam kp = KeyParam.inline(key);
                    if (farPolicy.offerLifetime() != null) {
                        kp = kp.withLifetime(farPolicy.offerLifetime());
                    }
                    cryptoLines.add(CryptoAttribute.of(tag, suite, kp).toLine());
                    tag++;
                }
                out = out.with(cryptoLines);
            }
            media.add(out);
            streams.add(new OfferedStream(d.index(), true, offered, nearTe, farTe));
        }
        SessionDescription farOffer = session.withMedia(media);
        return new Forwarded(farOffer, new PendingOffer(farOffer, streams));
    }

    /** The previous offer's keys for stream {@code i} when they were offered for exactly these suites in this order. */
    private static Map<Integer, MasterKey> reusable(PendingOffer previous, int i, SdesPolicy farPolicy) {
        if (previous == null || i >= previous.streams().size() || !previous.streams().get(i).carried()) {
            return null;
        }
        Map<Integer, MasterKey> old = previous.streams().get(i).keysByTag();
        List<SrtpSuite> suites = farPolicy.offerSuites();
        if (old.size() != suites.size()) {
            return null;
        }
        for (int t = 1; t <= suites.size(); t++) {
            MasterKey k = old.get(t);
            if (k == null || k.suite() != suites.get(t - 1)) {
                return null;
            }
        }
        return old;
    }

}
