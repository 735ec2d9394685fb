package com.securetrunk.gateway.media.netty;

import com.securetrunk.gateway.media.LegSpec;
import com.securetrunk.gateway.media.LegStats;
import com.securetrunk.gateway.media.LocalPorts;
import com.securetrunk.gateway.srtp.PacketBuffer;
import com.securetrunk.gateway.srtp.SrtpStatus;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;

/**
 * One side of a bridged stream: the relay's RTP and RTCP sockets facing one peer, where to send to that
 * peer, how to (un)protect its packets, and its counters.
 *
 * <p>The packet path: a datagram arrives on this leg's socket, is copied into the loop's scratch buffer,
 * checked / authenticated and decrypted by this leg's {@link LegCrypto}, may move this leg's destination
 * (symmetric RTP latching, RFC 4961), and is handed to the {@link #peer} leg, which protects it in place and
 * sends it from its own socket. Everything runs on the session's event loop: plain fields, no locks, no
 * allocation, no logging.
 */
final class RelayLeg {
    final LocalPorts ports;
    final RelaySession session;
    RelayLeg peer;
    Channel rtpChannel;
    Channel rtcpChannel;

    private LegSpec spec;
    private LegCrypto crypto = PlainCrypto.INSTANCE;
    private final Outlet rtpOut = new Outlet();
    private final Outlet rtcpOut = new Outlet();
    private final ReceptionStats reception = new ReceptionStats();
    /** A latch has followed a packet since the last update (plain legs latch once, then only on a new SSRC). */
    private boolean latchedRtp;
    private boolean latchedRtcp;
    private int latchSsrc;
    private boolean haveSsrc;
    private int ssrc;

    private long packetsIn;
    private long bytesIn;
    private long packetsOut;
    private long bytesOut;
    private long authFailures;
    private long replays;
    private long tooShort;
    private long badVersion;
    private long garbage;
    private long sendDrops;
    private long ssrcChanges;
    private long latches;

    RelayLeg(RelaySession session, LocalPorts ports) {
        this.session = session;
        this.ports = ports;
    }

    /** Applies negotiated parameters; on the event loop. Latched addresses survive unless the SDP address changed. */
    void apply(LegSpec next, LegCrypto nextCrypto, int clockRate) {
        LegSpec prev = spec;
        spec = next;
        if (prev != null && java.util.Objects.equals(prev.srtp(), next.srtp())) {
            // same keys (hold, resume, new address): keep the contexts, their rollover counters and replay windows
        } else if (crypto instanceof SrtpCrypto old && nextCrypto instanceof SrtpCrypto rekeyed) {
            crypto = rekeyed.acceptingAlso(old);
        } else {
            crypto = nextCrypto;
        }
        reception.clockRate(clockRate);
        boolean sdpMoved = prev == null || !java.util.Objects.equals(prev.remoteRtp(), next.remoteRtp())
                || !java.util.Objects.equals(prev.remoteRtcp(), next.remoteRtcp()) || prev.rtcpMux() != next.rtcpMux();
        if (sdpMoved || !next.latching()) {
            rtpOut.target(rtpChannel, next.remoteRtp());
            rtcpOut.target(next.rtcpMux() ? rtpChannel : rtcpChannel, next.rtcpMux() ? next.remoteRtp() : next.remoteRtcp());
            latchedRtp = false;
            latchedRtcp = false;
        }
    }

    // ---- packet path: receive -------------------------------------------------------------------

    /** A datagram on this leg's RTP port. */
    void onRtpPort(ByteBuf content, InetSocketAddress sender, PacketBuffer scratch) {
        int len = content.readableBytes();
        if (!load(content, len, scratch)) {
            return;
        }
        byte[] b = scratch.buffer();
        if (spec != null && spec.rtcpMux() && RtpPackets.looksLikeRtcp(b, 0, len)) {
            onRtcp(sender, scratch, len);
            return;
        }
        if (spec == null || !count(crypto.unprotectRtp(scratch))) {
            if (spec == null) {
                garbage++;
            }
            return;
        }
        packetsIn++;
        bytesIn += len;
        session.activity++;
        int packetSsrc = RtpPackets.ssrc(b, 0);
        if (!haveSsrc || packetSsrc != ssrc) {
            if (haveSsrc) {
                ssrcChanges++;
                reception.restart();
            }
            haveSsrc = true;
            ssrc = packetSsrc;
        }
        reception.onPacket(RtpPackets.seq(b, 0), RtpPackets.timestamp(b, 0), System.nanoTime() - session.epochNanos);
        if (spec.latching() && !sender.equals(rtpOut.destination())
                && (crypto.authenticates() || !latchedRtp || packetSsrc != latchSsrc)) {
            rtpOut.target(rtpChannel, sender);
            if (spec.rtcpMux()) {
                rtcpOut.target(rtpChannel, sender);
            }
            latchedRtp = true;
            latchSsrc = packetSsrc;
            latches++;
        } else if (spec.latching() && !latchedRtp) {
            latchedRtp = true;
            latchSsrc = packetSsrc;
        }
        if (spec.direction().sends()) {
            peer.sendRtp(scratch);
        }
    }

    /** A datagram on this leg's RTCP port. */
    void onRtcpPort(ByteBuf content, InetSocketAddress sender, PacketBuffer scratch) {
        int len = content.readableBytes();
        if (load(content, len, scratch)) {
            onRtcp(sender, scratch, len);
        }
    }

    private void onRtcp(InetSocketAddress sender, PacketBuffer scratch, int len) {
        if (spec == null || !count(crypto.unprotectRtcp(scratch))) {
            if (spec == null) {
                garbage++;
            }
            return;
        }
        packetsIn++;
        bytesIn += len;
        session.activity++;
        if (spec.latching() && !spec.rtcpMux() && !sender.equals(rtcpOut.destination())
                && (crypto.authenticates() || !latchedRtcp)) {
            rtcpOut.target(rtcpChannel, sender);
            latchedRtcp = true;
            latches++;
        }
        peer.sendRtcp(scratch);
    }

    private boolean load(ByteBuf content, int len, PacketBuffer scratch) {
        byte[] b = scratch.buffer();
        if (len > b.length - 64) {
            garbage++;
            return false;
        }
        content.getBytes(content.readerIndex(), b, 0, len);
        scratch.set(b, 0, len);
        return true;
    }

    /** Counts a failed check; true when the packet may continue. */
    private boolean count(SrtpStatus st) {
        switch (st) {
            case OK:
                return true;
            case AUTH_FAIL:
                authFailures++;
                break;
            case REPLAY_OLD:
            case REPLAY_DUP:
                replays++;
                break;
            case TOO_SHORT:
                tooShort++;
                break;
            case BAD_VERSION:
                badVersion++;
                break;
            default:
                garbage++;
                break;
        }
        return false;
    }

    // ---- packet path: send ----------------------------------------------------------------------

    void sendRtp(PacketBuffer p) {
        if (spec == null || !spec.direction().receives()) {
            return;
        }
        if (crypto.protectRtp(p) != SrtpStatus.OK || !rtpOut.send(p.buffer(), p.offset(), p.length())) {
            sendDrops++;
            return;
        }
        packetsOut++;
        bytesOut += p.length();
    }

    void sendRtcp(PacketBuffer p) {
        if (spec == null) {
            return;
        }
        if (crypto.protectRtcp(p) != SrtpStatus.OK || !rtcpOut.send(p.buffer(), p.offset(), p.length())) {
            sendDrops++;
            return;
        }
        packetsOut++;
        bytesOut += p.length();
    }

    // ---- control ---------------------------------------------------------------------------------

    InetSocketAddress rtpDestination() {
        return rtpOut.destination();
    }

    LegStats snapshot() {
        return new LegStats(packetsIn, bytesIn, packetsOut, bytesOut, authFailures, replays, tooShort, badVersion,
                garbage, sendDrops, ssrcChanges, latches, reception.lost(), reception.jitterMicros());
    }

    void close() {
        if (rtpChannel != null) {
            rtpChannel.close();
        }
        if (rtcpChannel != null) {
            rtcpChannel.close();
        }
        rtpOut.free();
        rtcpOut.free();
    }
}
