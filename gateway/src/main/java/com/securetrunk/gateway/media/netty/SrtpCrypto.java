package com.securetrunk.gateway.media.netty;

import com.securetrunk.gateway.media.SrtpKeys;
import com.securetrunk.gateway.srtp.PacketBuffer;
import com.securetrunk.gateway.srtp.SrtpSession;
import com.securetrunk.gateway.srtp.SrtpStatus;

/**
 * RTP/SAVP legs through the SRTP engine: a sender session keyed with our SDES key protects what goes to
 * the peer, a receiver session keyed with the peer's key authenticates, replay-checks and decrypts what
 * comes from it. Each session keeps its per-SSRC contexts, so a new SSRC needs nothing from the relay.
 *
 * <p>Re-key (a re-INVITE with new keys): the peer switches to its new key when it sends its SDP, we switch
 * when signalling updates us, so packets under the previous key may still be in flight. Until
 * {@value #OVERLAP_PACKETS} packets have authenticated under the new key, a packet that fails authentication
 * with it is tried with the previous receiver session (which still checks authentication and replay), so the
 * switch loses no audio. Only a failed packet pays for the second try.
 */
final class SrtpCrypto implements LegCrypto {
    static final int OVERLAP_PACKETS = 64;

    private final SrtpSession out;
    private final SrtpSession in;
    private SrtpSession previousIn;
    private int newKeyPackets;

    private SrtpCrypto(SrtpSession out, SrtpSession in) {
        this.out = out;
        this.in = in;
    }

    static SrtpCrypto create(SrtpKeys keys) {
        return new SrtpCrypto(SrtpSession.sender(keys.ours()), SrtpSession.receiver(keys.theirs()));
    }

    /** This crypto, also accepting packets under {@code previous}'s receive key for a short overlap. */
    SrtpCrypto acceptingAlso(SrtpCrypto previous) {
        previousIn = previous.in;
        newKeyPackets = 0;
        return this;
    }

    @Override
    public SrtpStatus unprotectRtp(PacketBuffer p) {
        SrtpStatus s = in.unprotectRtp(p);
        if (previousIn != null) {
            if (s == SrtpStatus.OK) {
                if (++newKeyPackets >= OVERLAP_PACKETS) {
                    previousIn = null;
                }
            } else if (s == SrtpStatus.AUTH_FAIL) {
                SrtpStatus old = previousIn.unprotectRtp(p);
                return old == SrtpStatus.OK ? old : s;
            }
        }
        return s;
    }

    @Override
    public SrtpStatus unprotectRtcp(PacketBuffer p) {
        SrtpStatus s = in.unprotectRtcp(p);
        if (s == SrtpStatus.AUTH_FAIL && previousIn != null) {
            SrtpStatus old = previousIn.unprotectRtcp(p);
            return old == SrtpStatus.OK ? old : s;
        }
        return s;
    }

    @Override
    public SrtpStatus protectRtp(PacketBuffer p) {
        return out.protectRtp(p);
    }

    @Override
    public SrtpStatus protectRtcp(PacketBuffer p) {
        return out.protectRtcp(p);
    }

    @Override
    public boolean authenticates() {
        return true;
    }
}
