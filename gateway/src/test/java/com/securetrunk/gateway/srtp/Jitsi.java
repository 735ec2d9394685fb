package com.securetrunk.gateway.srtp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.utils.ByteArrayBuffer;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * The independent SRTP implementation (org.jitsi:jitsi-srtp) playing the secure peer: it decodes what the
 * relay sends and encodes what the peer sends, with per-SSRC contexts, so the relay's SRTP is checked by
 * code that is not ours. Shared by the SRTP engine's interop tests and the relay's tests.
 */
public final class Jitsi {
    private final SrtpContextFactory factory;
    private final Map<Integer, SrtpCryptoContext> rtp = new HashMap<>();
    private final Map<Integer, SrtcpCryptoContext> rtcp = new HashMap<>();

    private Jitsi(MasterKey key, boolean sender) {
        SrtpPolicy rtpPolicy = new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, key.suite().keyLength(),
                SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, key.suite().srtpTagLength(), key.suite().saltLength());
        SrtpPolicy rtcpPolicy = new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, key.suite().keyLength(),
                SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, key.suite().srtcpTagLength(), key.suite().saltLength());
        factory = new SrtpContextFactory(sender, key.key(), key.salt(), rtpPolicy, rtcpPolicy, new LoggerImpl("jitsi"));
    }

    public static Jitsi sender(MasterKey key) {
        return new Jitsi(key, true);
    }

    public static Jitsi receiver(MasterKey key) {
        return new Jitsi(key, false);
    }

    public byte[] protectRtp(byte[] plain) throws GeneralSecurityException {
        Buf b = new Buf(plain);
        check(rtpContext(plain).transformPacket(b));
        return b.bytes();
    }

    public byte[] protectRtcp(byte[] plain) throws GeneralSecurityException {
        Buf b = new Buf(plain);
        check(rtcpContext(plain).transformPacket(b));
        return b.bytes();
    }

    /** The plain packet, or null when jitsi refuses it (authentication, replay). */
    public byte[] unprotectRtp(byte[] srtp) throws GeneralSecurityException {
        Unprotected u = unprotect(srtp, false);
        return u.status() == SrtpErrorStatus.OK ? u.plain() : null;
    }

    public byte[] unprotectRtcp(byte[] srtcp) throws GeneralSecurityException {
        Unprotected u = unprotect(srtcp, true);
        return u.status() == SrtpErrorStatus.OK ? u.plain() : null;
    }

    /** What jitsi made of a packet: its verdict, and the bytes it left (plain when the verdict is OK). */
    public record Unprotected(SrtpErrorStatus status, byte[] plain) {
    }

    public Unprotected unprotect(byte[] packet, boolean isRtcp) throws GeneralSecurityException {
        Buf b = new Buf(packet);
        SrtpErrorStatus s = isRtcp ? rtcpContext(packet).reverseTransformPacket(b)
                : rtpContext(packet).reverseTransformPacket(b, false);
        return new Unprotected(s, b.bytes());
    }

    private SrtpCryptoContext rtpContext(byte[] p) throws GeneralSecurityException {
        int ssrc = ByteBuffer.wrap(p, 8, 4).getInt();
        SrtpCryptoContext c = rtp.get(ssrc);
        if (c == null) {
            c = factory.deriveContext(ssrc, 0);
            rtp.put(ssrc, c);
        }
        return c;
    }

    private SrtcpCryptoContext rtcpContext(byte[] p) throws GeneralSecurityException {
        int ssrc = ByteBuffer.wrap(p, 4, 4).getInt();
        SrtcpCryptoContext c = rtcp.get(ssrc);
        if (c == null) {
            c = factory.deriveControlContext(ssrc);
            rtcp.put(ssrc, c);
        }
        return c;
    }

    private static void check(SrtpErrorStatus s) {
        if (s != SrtpErrorStatus.OK) {
            throw new AssertionError("jitsi-srtp refused to protect: " + s);
        }
    }

    /** jitsi's packet view over a growable array. */
    private static final class Buf implements ByteArrayBuffer {
        private byte[] buf;
        private int off;
        private int len;

        Buf(byte[] p) {
            buf = Arrays.copyOf(p, p.length + 64);
            len = p.length;
        }

        byte[] bytes() {
            return Arrays.copyOfRange(buf, off, off + len);
        }

        @Override public byte[] getBuffer() { return buf; }
        @Override public int getOffset() { return off; }
        @Override public int getLength() { return len; }
        @Override public void setLength(int l) { len = l; }
        @Override public void setOffset(int o) { off = o; }
        @Override public boolean isInvalid() { return false; }

        @Override
        public void readRegionToBuff(int regionOffset, int regionLength, byte[] out) {
            System.arraycopy(buf, off + regionOffset, out, 0, regionLength);
        }

        @Override
        public void grow(int howMuch) {
            if (buf.length - off - len < howMuch) {
                buf = Arrays.copyOf(buf, off + len + howMuch);
            }
        }

        @Override
        public void append(byte[] data, int l) {
            grow(l);
            System.arraycopy(data, 0, buf, off + len, l);
            len += l;
        }

        @Override
        public void shrink(int l) {
            len = Math.max(0, len - l);
        }
    }
}
