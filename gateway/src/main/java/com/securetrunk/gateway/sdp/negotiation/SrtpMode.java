package com.securetrunk.gateway.sdp.negotiation;

/**
 * What a peer's media must be, from Twilio's Secure Media rules: enabled = SRTP {@link #REQUIRED} (plain calls
 * rejected), disabled = SRTP {@link #OFF} (SRTP calls rejected); {@link #OPTIONAL} accepts either, including
 * RTP/AVP with {@code a=crypto} ("best effort" SRTP, RFC 4568 section 3.1.4 does not forbid it).
 */
public enum SrtpMode {
    REQUIRED, OPTIONAL, OFF
}
