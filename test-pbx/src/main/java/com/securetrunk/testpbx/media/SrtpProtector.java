package com.securetrunk.testpbx.media;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.utils.ByteArrayBuffer;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * SRTP (RFC 3711) through jitsi-srtp, an implementation independent of the product's own engine, so a
 * gateway's SRTP is never checked against itself. Outgoing packets are protected with the local master
 * key, incoming ones verified with the far side's; a context is derived per SSRC on first sight.
 * Keys never leave this object and {@link #toString} does not show them.
 */
public final class SrtpProtector implements PacketProtector {
    static {
        // jitsi-srtp otherwise benchmarks every AES provider (OpenSSL via JNA, SunJCE, BouncyCastle) on first
        // use, which took many seconds on a loaded 2-core machine; the JDK's AES-CTR is fast and portable
        org.jitsi.srtp.crypto.Aes.setFactoryClassName("org.jitsi.srtp.crypto.Aes$SunJCECipherFactory");
    }

    private static volatile boolean warm;

    /**
     * Loads and initialises jitsi-srtp's crypto (its first use instantiates every cipher provider, which took
     * seconds here). Call before a call is set up so the first packets are not delayed; idempotent.
     */
    public static void warmUp() {
        if (warm) {
            return;
        }
        synchronized (SrtpProtector.class) {
            if (warm) {
                return;
            }
            byte[] key = new byte[SrtpSuite.KEY_LENGTH + SrtpSuite.SALT_LENGTH];
            SrtpProtector p = new SrtpProtector(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key, key);
            byte[] packet = new byte[Rtp.HEADER + 160 + 16];
            Rtp.writeHeader(packet, false, 0, 1, 160, 0x1234);
            int len = p.protect(packet, Rtp.HEADER + 160);
            if (len < 0 || p.unprotect(packet, len) != Rtp.HEADER + 160) {
                throw new IllegalStateException("jitsi-srtp self-test failed: protect/unprotect round trip");
            }
            warm = true;
        }
    }

    private final SrtpSuite suite;
    private final SrtpContextFactory sendFactory;
    private final SrtpContextFactory receiveFactory;
    private final Buffer sendBuffer = new Buffer();
    private final Buffer receiveBuffer = new Buffer();
    private SrtpCryptoContext sendContext;
    private int sendSsrc;
    private SrtpCryptoContext receiveContext;
    private int receiveSsrc;

    /**
     * @param localKeySalt  30 bytes: the key this side put in its own SDP (used to send)
     * @param remoteKeySalt 30 bytes: the key from the far side's SDP (used to receive)
     */
    public SrtpProtector(SrtpSuite suite, byte[] localKeySalt, byte[] remoteKeySalt) {
        this.suite = suite;
        SrtpPolicy srtp = policy(suite.authTagLength());
        SrtpPolicy srtcp = policy(10);
        LoggerImpl logger = new LoggerImpl(SrtpProtector.class.getName());
        this.sendFactory = new SrtpContextFactory(true, key(localKeySalt), salt(localKeySalt), srtp, srtcp, logger);
        this.receiveFactory = new SrtpContextFactory(false, key(remoteKeySalt), salt(remoteKeySalt), srtp, srtcp,
                logger);
    }

    private static SrtpPolicy policy(int tagLength) {
        return new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, SrtpSuite.KEY_LENGTH, SrtpPolicy.HMACSHA1_AUTHENTICATION,
                20, tagLength, SrtpSuite.SALT_LENGTH);
    }

    private static byte[] key(byte[] keySalt) {
        check(keySalt);
        return Arrays.copyOfRange(keySalt, 0, SrtpSuite.KEY_LENGTH);
    }

    private static byte[] salt(byte[] keySalt) {
        return Arrays.copyOfRange(keySalt, SrtpSuite.KEY_LENGTH, SrtpSuite.KEY_LENGTH + SrtpSuite.SALT_LENGTH);
    }

    private static void check(byte[] keySalt) {
        if (keySalt.length != SrtpSuite.KEY_LENGTH + SrtpSuite.SALT_LENGTH) {
            throw new IllegalArgumentException("SRTP key||salt must be 30 bytes, got " + keySalt.length);
        }
    }

    @Override
    public int protect(byte[] buf, int len) {
        int ssrc = Rtp.ssrc(buf, 0);
        try {
            if (sendContext == null || ssrc != sendSsrc) {
                sendContext = sendFactory.deriveContext(ssrc, 0);
                sendSsrc = ssrc;
            }
            sendBuffer.set(buf, len);
            SrtpErrorStatus status = sendContext.transformPacket(sendBuffer);
            return status == SrtpErrorStatus.OK ? sendBuffer.getLength() : -1;
        } catch (GeneralSecurityException e) {
            return -1;
        }
    }

    @Override
    public int unprotect(byte[] buf, int len) {
        if (len < Rtp.HEADER + suite.authTagLength() || Rtp.version(buf, 0) != 2) {
            return -1;
        }
        int ssrc = Rtp.ssrc(buf, 0);
        try {
            if (receiveContext == null || ssrc != receiveSsrc) {
                receiveContext = receiveFactory.deriveContext(ssrc, 0);
                receiveSsrc = ssrc;
            }
            receiveBuffer.set(buf, len);
            SrtpErrorStatus status = receiveContext.reverseTransformPacket(receiveBuffer, false);
            return status == SrtpErrorStatus.OK ? receiveBuffer.getLength() : -1;
        } catch (GeneralSecurityException e) {
            return -1;
        }
    }

    @Override
    public String describe() {
        return "SRTP " + suite.name();
    }

    @Override
    public String toString() {
        return "SrtpProtector[" + suite + ", keys redacted]";
    }

    /** A view on the caller's packet array; the array always has room for the auth tag. */
    private static final class Buffer implements ByteArrayBuffer {
        private byte[] buffer;
        private int offset;
        private int length;

        void set(byte[] b, int len) {
            buffer = b;
            offset = 0;
            length = len;
        }

        @Override
        public byte[] getBuffer() {
            return buffer;
        }

        @Override
        public int getOffset() {
            return offset;
        }

        @Override
        public int getLength() {
            return length;
        }

        @Override
        public void setLength(int len) {
            length = len;
        }

        @Override
        public void setOffset(int off) {
            offset = off;
        }

        @Override
        public boolean isInvalid() {
            return false;
        }

        @Override
        public void readRegionToBuff(int off, int len, byte[] out) {
            System.arraycopy(buffer, offset + off, out, 0, len);
        }

        @Override
        public void grow(int howMuch) {
            if (offset + length + howMuch > buffer.length) {
                throw new IllegalStateException("packet buffer too small for SRTP trailer");
            }
        }

        @Override
        public void append(byte[] data, int len) {
            grow(len);
            System.arraycopy(data, 0, buffer, offset + length, len);
            length += len;
        }

        @Override
        public void shrink(int len) {
            length = Math.max(0, length - len);
        }
    }
}
