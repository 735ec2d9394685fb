package com.securetrunk.gateway.media.netty;

import com.securetrunk.gateway.srtp.PacketBuffer;
import com.securetrunk.gateway.srtp.SrtpStatus;

/** RTP/AVP: packets pass unchanged; only the header checks of {@link RtpPackets} apply. */
final class PlainCrypto implements LegCrypto {
    static final PlainCrypto INSTANCE = new PlainCrypto();

    private PlainCrypto() {
    }

    @Override
    public SrtpStatus unprotectRtp(PacketBuffer p) {
        return RtpPackets.checkRtp(p.buffer(), p.offset(), p.length());
    }

    @Override
    public SrtpStatus unprotectRtcp(PacketBuffer p) {
        return RtpPackets.checkRtcp(p.buffer(), p.offset(), p.length());
    }

    @Override
    public SrtpStatus protectRtp(PacketBuffer p) {
        return SrtpStatus.OK;
    }

    @Override
    public SrtpStatus protectRtcp(PacketBuffer p) {
        return SrtpStatus.OK;
    }

    @Override
    public boolean authenticates() {
        return false;
    }
}
