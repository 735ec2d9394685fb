package com.securetrunk.gateway.media.netty;

import com.securetrunk.gateway.srtp.PacketBuffer;
import com.securetrunk.gateway.srtp.SrtpStatus;

/**
 * How one leg turns wire packets into plain RTP/RTCP and back: pass-through for RTP/AVP legs, the SRTP
 * engine for RTP/SAVP legs. Works in place on the {@link PacketBuffer}; called on the leg's event loop only.
 */
interface LegCrypto {
    /** A packet received from the peer: authenticate and decrypt (SRTP) or check (plain). */
    SrtpStatus unprotectRtp(PacketBuffer p);

    SrtpStatus unprotectRtcp(PacketBuffer p);

    /** A packet about to go to the peer: encrypt and append the tag (SRTP) or leave as is (plain). */
    SrtpStatus protectRtp(PacketBuffer p);

    SrtpStatus protectRtcp(PacketBuffer p);

    /** True when unprotect proves the packet came from the key holder (latching may follow it unconditionally). */
    boolean authenticates();
}
