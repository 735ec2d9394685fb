package com.securetrunk.gateway.sip;

import com.securetrunk.gateway.media.LegStats;
import java.time.Duration;

/**
 * A snapshot of one call for observers: no keys, no credentials, nothing that could not be logged.
 *
 * @param id            the gateway's call id (also the media session id)
 * @param from          the side that sent the INVITE
 * @param inCallId      Call-ID of the inbound leg
 * @param outCallId     Call-ID of the outbound leg, or "-" before one was sent
 * @param inPeer        the caller's address
 * @param outPeer       the callee target, or "-"
 * @param inProfile     profile of the inbound side
 * @param outProfile    profile of the outbound side
 * @param suite         SRTP suite on the secure leg, or "-" (none negotiated yet / plain)
 * @param answered      whether the call was answered
 * @param setupTime     INVITE received to 200 sent (zero when unanswered)
 * @param duration      INVITE received to now (the end, for {@link CallObserver#callEnded})
 * @param media         media counters of the legacy leg then the secure leg (null while no media exists)
 * @param endReason     why the call ended ("" while it runs): e.g. {@code bye-from-legacy}, {@code cancelled},
 *                      {@code far-486}, {@code timeout}, a Secure Media refusal rule
 * @param pbxChannel    the Asterisk channel the AMI bridge tied to the PBX leg, as
 *                      {@code asterisk-channel=.. uniqueid=.. linkedid=..}, or "" when none is known
 */
public record CallSummary(String id, Side from, String inCallId, String outCallId, String inPeer, String outPeer,
                          String inProfile, String outProfile, String suite, boolean answered, Duration setupTime,
                          Duration duration, LegStats legacyMedia, LegStats secureMedia, String endReason,
                          String pbxChannel) {

    /** Whether the call ended without ever being answered. */
    public boolean failed() {
        return !answered;
    }
}
