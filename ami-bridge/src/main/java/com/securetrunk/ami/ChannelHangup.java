package com.securetrunk.ami;

/**
 * Asterisk hung up a channel on the SecureTrunk trunk.
 *
 * @param callId    SIP Call-ID of the PBX-to-gateway leg (from {@code SIPCALLID} or {@code SECURETRUNK_CALLID})
 * @param channel   Asterisk channel name, e.g. {@code PJSIP/securetrunk-00000001}
 * @param uniqueId  Asterisk {@code Uniqueid} of the channel
 * @param linkedId  Asterisk {@code Linkedid} (the call the channel belongs to); may equal uniqueId
 * @param cause     Q.850 cause code from the {@code Hangup} event, or -1 when absent
 * @param causeText {@code Cause-txt}, or empty
 */
public record ChannelHangup(String callId, String channel, String uniqueId, String linkedId, int cause,
                            String causeText) {
}
