package com.securetrunk.profiles;

import java.util.List;
import java.util.Objects;

/**
 * How a peer's media must look: read by the SDP negotiation (SRTP mode, suites, crypto rules, telephone-event,
 * ptime, rtcp-mux) and the media relay (SRTCP encryption, symmetric RTP).
 *
 * @param srtp                  SRTP required, optional or off for this peer ({@code media.srtp})
 * @param offerSuites           suites offered to this peer, in preference order, tags 1..n ({@code media.offer-suites});
 *                              every one {@linkplain SuiteName#supported() supported}; empty when SRTP is off
 * @param acceptSuites          suites accepted from this peer, in any order ({@code media.accept-suites});
 *                              every one supported; empty when SRTP is off
 * @param crypto                the fine print of {@code a=crypto} lines ({@code media.crypto})
 * @param srtcpEncryption       SRTCP payloads are encrypted (RFC 3711 section 3.4); false means the gateway asks for
 *                              {@code UNENCRYPTED_SRTCP}, which needs {@link CryptoRules#sessionParamsAllowed()}
 *                              ({@code media.srtcp-encryption})
 * @param rtcpMux               the gateway offers {@code a=rtcp-mux} (RFC 5761) to this peer and accepts it from it
 *                              ({@code media.rtcp-mux})
 * @param symmetricRtp          latch: send this peer's media to the address its authenticated packets come from,
 *                              not only to the SDP address ({@code media.symmetric-rtp})
 * @param telephoneEventPayloadType RTP payload type (96..127) the gateway uses for telephone-event (RFC 4733) in
 *                              offers to this peer ({@code media.telephone-event-payload-type})
 * @param ptime                 packetisation time in milliseconds written as {@code a=ptime} in offers to this peer
 *                              ({@code media.ptime})
 */
public record Media(SrtpMode srtp, List<SuiteName> offerSuites, List<SuiteName> acceptSuites, CryptoRules crypto,
                    boolean srtcpEncryption, boolean rtcpMux, boolean symmetricRtp, int telephoneEventPayloadType,
                    int ptime) {
    public Media {
        Objects.requireNonNull(srtp, "srtp");
        offerSuites = List.copyOf(offerSuites);
        acceptSuites = List.copyOf(acceptSuites);
        Objects.requireNonNull(crypto, "crypto");
        for (SuiteName s : offerSuites) {
            if (!s.supported()) {
                throw new IllegalArgumentException("offer suite not supported: " + s);
            }
        }
        for (SuiteName s : acceptSuites) {
            if (!s.supported()) {
                throw new IllegalArgumentException("accept suite not supported: " + s);
            }
        }
        if (srtp != SrtpMode.OFF && (offerSuites.isEmpty() || acceptSuites.isEmpty())) {
            throw new IllegalArgumentException("srtp " + srtp.configName() + " needs offer and accept suites");
        }
        if (telephoneEventPayloadType < 96 || telephoneEventPayloadType > 127) {
            throw new IllegalArgumentException("telephone-event payload type not dynamic: " + telephoneEventPayloadType);
        }
        if (ptime < 10 || ptime > 200) {
            throw new IllegalArgumentException("ptime out of range: " + ptime);
        }
    }

    /** True when a crypto line from this peer naming {@code suite} may be accepted (SRTP not off, suite listed). */
    public boolean accepts(SuiteName suite) {
        return srtp != SrtpMode.OFF && acceptSuites.contains(suite);
    }
}
