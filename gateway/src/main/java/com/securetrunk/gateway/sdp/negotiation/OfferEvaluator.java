package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.sdp.Connection;
import com.securetrunk.gateway.sdp.Direction;
import com.securetrunk.gateway.sdp.MediaDescription;
import com.securetrunk.gateway.sdp.MediaLine;
import com.securetrunk.gateway.sdp.Rejection;
import com.securetrunk.gateway.sdp.SdpLine;
import com.securetrunk.gateway.sdp.SessionDescription;
import com.securetrunk.gateway.sdp.crypto.CryptoAttribute;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides, stream by stream, what of an offer we can carry under the offerer's policy (RFC 3264 section 6;
 * Twilio's Secure Media rules; RFC 4568 section 7.1.2). Streams that cannot be carried are rejected alone; the
 * offer as a whole is refused only when no audio stream is left.
 */
final class OfferEvaluator {

    private OfferEvaluator() {
    }

    static List<StreamDecision> evaluate(SessionDescription offer, SdesPolicy policy) throws NegotiationRefused {
        List<StreamDecision> out = new ArrayList<>();
        int firstLine = offer.sessionLines().size() + 1;
        for (int i = 0; i < offer.media().size(); i++) {
            out.add(evaluate(offer, i, firstLine, policy));
            firstLine += offer.media().get(i).lines().size();
        }
        boolean audioLeft = false;
        List<String> audioReasons = new ArrayList<>();
        StreamDecision.Rejected firstAudioRejection = null;
        for (StreamDecision d : out) {
            MediaLine m = offer.media().get(d.index()).mediaLine();
            if (!m.isAudio()) {
                continue;
            }
            if (d instanceof StreamDecision.Accepted) {
                audioLeft = true;
            } else if (d instanceof StreamDecision.Rejected r) {
                audioReasons.add(offer.media().size() > 1 ? "stream " + (r.index() + 1) + ": " + r.reason() : r.reason());
                if (firstAudioRejection == null) {
                    firstAudioRejection = r;
                }
            }
        }
        if (!audioLeft) {
            if (firstAudioRejection == null) {
                String offered = offer.media().stream().map(md -> md.mediaLine().media()).distinct()
                        .reduce((a, b) -> a + ", " + b).orElse("nothing");
                throw new NegotiationRefused(Rejection.notAcceptableHere(Rejection.WARN_MEDIA_TYPE,
                        "no audio stream in the offer (offered: " + offered + ")", "no-audio-stream"));
            }
            throw new NegotiationRefused(Rejection.notAcceptableHere(firstAudioRejection.warnCode(),
                    String.join("; ", audioReasons), firstAudioRejection.ruleId()));
        }
        return out;
    }

    private static StreamDecision evaluate(SessionDescription offer, int i, int firstLine, SdesPolicy policy) {
        MediaDescription md = offer.media().get(i);
        MediaLine m = md.mediaLine();
        String profile = policy.profileName();
        if (m.port() == 0) {
            return new StreamDecision.Rejected(i, "stream disabled by the offerer (port 0)", "port-zero",
                    Rejection.WARN_MEDIA_TYPE);
        }
        if (!m.isAudio()) {
            return new StreamDecision.Rejected(i, "media type " + m.media() + " is not carried by the gateway",
                    "media-type", Rejection.WARN_MEDIA_TYPE);
        }
        if (!m.isSecureRtp() && !m.isPlainRtp()) {
            return new StreamDecision.Rejected(i, "transport " + m.proto() + " is not supported (RTP/AVP or RTP/SAVP)",
                    "transport", Rejection.WARN_TRANSPORT);
        }
        Direction direction = effectiveDirection(offer, i);
        List<SdpLine> cryptoLines = new ArrayList<>();
        List<Integer> cryptoLineNumbers = new ArrayList<>();
        for (int j = 0; j < md.lines().size(); j++) {
            if (md.lines().get(j).isAttribute(CryptoAttribute.NAME)) {
                cryptoLines.add(md.lines().get(j));
                cryptoLineNumbers.add(firstLine + j);
            }
        }
        if (m.isSecureRtp()) {
            if (policy.srtp() == SrtpMode.OFF) {
                return new StreamDecision.Rejected(i, m.proto() + " offered but SRTP is off for profile " + profile
                        + " (secure media disabled: plain RTP only)", "srtp-off", Rejection.WARN_TRANSPORT);
            }
            CryptoSelector.Result r = CryptoSelector.select(cryptoLines, cryptoLineNumbers, policy);
            if (!r.accepted()) {
                return new StreamDecision.Rejected(i, r.reason(), r.ruleId(), Rejection.WARN_MEDIA_FORMAT);
            }
            return accepted(i, r.choice(), direction);
        }
        // plain RTP/AVP, possibly with a=crypto ("best effort" SRTP)
        if (policy.srtp() == SrtpMode.REQUIRED) {
            return new StreamDecision.Rejected(i, "plain " + m.proto() + " offered but SRTP is required by profile "
                    + profile + (cryptoLines.isEmpty() ? "" : " (RTP/SAVP expected, a=crypto on " + m.proto() + " not accepted)"),
                    "srtp-required", Rejection.WARN_TRANSPORT);
        }
        if (policy.srtp() == SrtpMode.OPTIONAL && !cryptoLines.isEmpty()) {
            CryptoSelector.Result r = CryptoSelector.select(cryptoLines, cryptoLineNumbers, policy);
            if (r.accepted()) {
                return accepted(i, r.choice(), direction);
            }
        }
        return new StreamDecision.Accepted(i, null, null, null, direction);
    }

    private static StreamDecision accepted(int i, CryptoSelector.Choice c, Direction direction) {
        return new StreamDecision.Accepted(i, c.attribute(), c.suite(), c.theirKey(), direction);
    }

    /**
     * The offerer's direction for stream {@code i}: its own attribute, else the session's, else sendrecv; the old
     * hold form {@code c=0.0.0.0} (RFC 3264 section 8.4) means "do not send to me", so it removes the receive half.
     */
    static Direction effectiveDirection(SessionDescription sdp, int i) {
        Optional<Direction> own = sdp.media().get(i).direction();
        Direction d = own.or(sdp::sessionDirection).orElse(Direction.SENDRECV);
        boolean holdAddress = sdp.connectionFor(i).map(Connection::isHoldAddress).orElse(false);
        if (!holdAddress) {
            return d;
        }
        return switch (d) {
            case SENDRECV, SENDONLY -> Direction.SENDONLY;
            case RECVONLY, INACTIVE -> Direction.INACTIVE;
        };
    }
}
