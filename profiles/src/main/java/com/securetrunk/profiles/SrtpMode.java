package com.securetrunk.profiles;

import java.util.Locale;

/**
 * Whether a peer's media is SRTP (RTP/SAVP, RFC 3711 + RFC 4568 SDES keys) or plain RTP (RTP/AVP).
 *
 * <p>These are the Secure Media rules of the source document: {@link #REQUIRED} is a Twilio domain with
 * Secure Media enabled ("any non-encrypted calls will be rejected"), {@link #OFF} one with it disabled
 * ("any SRTP encrypted calls will be rejected").
 */
public enum SrtpMode {
    /** Only RTP/SAVP with at least one acceptable {@code a=crypto} line; a plain offer from this peer is refused. */
    REQUIRED,
    /**
     * Either is accepted from this peer, including the "best effort" RTP/AVP + {@code a=crypto} form; offers the
     * gateway sends toward this peer are plain RTP/AVP.
     */
    OPTIONAL,
    /** Plain RTP/AVP only; an RTP/SAVP offer from this peer is refused and no crypto line is ever sent to it. */
    OFF;

    /** The spelling used in profile files. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
