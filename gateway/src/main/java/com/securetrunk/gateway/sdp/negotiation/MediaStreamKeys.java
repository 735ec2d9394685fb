package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.sdp.Direction;
import com.securetrunk.gateway.srtp.MasterKey;
import com.securetrunk.gateway.srtp.SrtpSuite;

/**
 * What the relay needs for one media stream of one leg after a negotiation: whether it is carried, with which
 * suite, the key we protect with ({@code ours}) and the key we unprotect with ({@code theirs}). SSRCs are not
 * known yet (SDES binds keys to the stream, not the SSRC). The keys' {@code toString()} is redacted.
 *
 * @param index            media section index (m-line order)
 * @param accepted         false for a stream answered with port 0
 * @param suite            null for plain RTP or a rejected stream
 * @param ours             null unless SRTP
 * @param theirs           null unless SRTP
 * @param ourTag           the crypto tag our key was sent under, 0 when none
 * @param newContexts      true when the relay must build fresh SRTP contexts (first negotiation or a changed key);
 *                         false keeps the current contexts and their rollover counters (re-INVITE, same key)
 * @param direction        this leg's direction as negotiated (hold = sendonly/inactive from the peer)
 * @param telephoneEventPt the telephone-event/8000 payload type this leg uses, or -1
 * @param rtcpMux          RTCP shares the RTP port on this leg (RFC 5761)
 */
public record MediaStreamKeys(int index, boolean accepted, SrtpSuite suite, MasterKey ours, MasterKey theirs, int ourTag,
                              boolean newContexts, Direction direction, int telephoneEventPt, boolean rtcpMux) {

    public boolean secure() {
        return suite != null;
    }

    static MediaStreamKeys rejected(int index) {
        return new MediaStreamKeys(index, false, null, null, null, 0, false, Direction.INACTIVE, -1, false);
    }
}
