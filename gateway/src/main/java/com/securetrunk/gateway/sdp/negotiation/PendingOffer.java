package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.sdp.SessionDescription;

import java.util.List;

/**
 * An offer we sent on to the far side and the key material behind it; {@link AnswerReader} completes it with the
 * far side's answer. Holds keys: never log it (its {@code toString()} shows only redacted keys).
 *
 * @param offer   the offer exactly as sent
 * @param streams one entry per media section, in m-line order
 */
public record PendingOffer(SessionDescription offer, List<OfferedStream> streams) {

    public PendingOffer {
        streams = List.copyOf(streams);
    }
}
