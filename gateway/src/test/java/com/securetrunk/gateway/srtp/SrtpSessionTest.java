package com.securetrunk.gateway.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Session behaviour against itself: statuses, state rules, ROC. Interop lives in the *InteropTest classes. */
class SrtpSessionTest {
    static MasterKey key(SrtpSuite suite, long seed) {
        byte[] material = new byte[suite.keyMaterialLength()];
        new Random(seed).nextBytes(material);
        return MasterKey.fromKeyMaterial(suite, material);
    }

    static byte[] rtp(int seq, long ts, int ssrc, int payloadLength, long seed) {
        byte[] p = new byte[12 + payloadLength];
        p[0] = (byte) 0x80;
        p[1] = 0;
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq;
        Bytes.putInt32(p, 4, (int) ts);
        Bytes.putInt32(p, 8, ssrc);
        byte[] payload = new byte[payloadLength];
        new Random(seed).nextBytes(payload);
        System.arraycopy(payload, 0, p, 12, payloadLength);
        return p;
    }

    static PacketBuffer inRoomyBuffer(byte[] packet) {
        byte[] b = new byte[packet.length + 64];
        System.arraycopy(packet, 0, b, 7, packet.length);
        return new PacketBuffer(b, 7, packet.length);
    }

    static byte[] bytes(PacketBuffer p) {
        return Arrays.copyOfRange(p.buffer(), p.offset(), p.offset() + p.length());
    }

    @ParameterizedTest
    @EnumSource(SrtpSuite.class)
    void rtpRoundTripsAndGrowsByTheTag(SrtpSuite suite) {
        MasterKey k = key(suite, 1);
        SrtpSession tx = SrtpSession.sender(k);
        SrtpSession rx = SrtpSession.receiver(k);
        byte[] plain = rtp(1000, 160, 0x11223344, 160, 2);
        PacketBuffer p = inRoomyBuffer(plain);
        assertThat(tx.protectRtp(p)).isEqualTo(SrtpStatus.OK);
        assertThat(p.length()).isEqualTo(plain.length + suite.srtpTagLength());
        assertThat(Arrays.copyOfRange(p.buffer(), p.offset() + 12, p.offset() + plain.length))
                .isNotEqualTo(Arrays.copyOfRange(plain, 12, plain.length));
        byte[] srtp = bytes(p);
        assertThat(rx.unprotectRtp(p)).isEqualTo(SrtpStatus.OK);
        assertThat(bytes(p)).isEqualTo(plain);
        assertThat(rx.unprotectRtp(inRoomyBuffer(srtp))).isEqualTo(SrtpStatus.REPLAY_DUP);
    }

    @ParameterizedTest
    @EnumSource(SrtpSuite.class)
    void rtcpRoundTripsWithEFlagAndIndex(SrtpSuite suite) {
        MasterKey k = key(suite, 3);
        SrtpSession tx = SrtpSession.sender(k);
        SrtpSession rx = SrtpSession.receiver(k);
        byte[] plain = rtcpSenderReport(0x55667788);
        PacketBuffer p = inRoomyBuffer(plain);
        assertThat(tx.protectRtcp(p)).isEqualTo(SrtpStatus.OK);
        assertThat(p.length()).isEqualTo(plain.length + 4 + 10);
        assertThat(Bytes.int32(p.buffer(), p.offset() + plain.length)).isEqualTo(0x80000001);
        byte[] srtcp = bytes(p);
        assertThat(rx.unprotectRtcp(p)).isEqualTo(SrtpStatus.OK);
        assertThat(bytes(p)).isEqualTo(plain);
        assertThat(rx.unprotectRtcp(inRoomyBuffer(srtcp))).isEqualTo(SrtpStatus.REPLAY_DUP);
        assertThat(rx.counters().rtcp(SrtpStatus.REPLAY_DUP)).isEqualTo(1);
        assertThat(rx.stream(0x55667788).counters().rtcp(SrtpStatus.OK)).isEqualTo(1);
    }

    static byte[] rtcpSenderReport(int ssrc) {
        byte[] p = new byte[28];
        p[0] = (byte) 0x80;
        p[1] = (byte) 200;
        p[3] = 6;
        Bytes.putInt32(p, 4, ssrc);
        for (int i = 8; i < p.length; i++) {
            p[i] = (byte) (i * 7);
        }
        return p;
    }

    /** RFC 3711 section 3.4: E=0 means the sender did not encrypt; the packet is authenticated only. */
    @Test
    void srtcpWithEFlagClearIsAuthenticatedButNotDecrypted() {
        MasterKey k = key(SrtpSuite.AES_CM_128_HMAC_SHA1_32, 15);
        byte[] plain = rtcpSenderReport(0x0A0B0C0D);
        byte[] packet = Arrays.copyOf(plain, plain.length + 4 + 10);
        Bytes.putInt32(packet, plain.length, 5); // E=0, SRTCP index 5
        byte[] tag = new byte[20];
        new HmacSha1(SessionKeys.forRtcp(k).authKey()).mac(packet, 0, plain.length + 4, false, 0, tag, 0);
        System.arraycopy(tag, 0, packet, plain.length + 4, 10);
        SrtpSession rx = SrtpSession.receiver(k);
        PacketBuffer p = inRoomyBuffer(packet);
        assertThat(rx.unprotectRtcp(p)).isEqualTo(SrtpStatus.OK);
        assertThat(bytes(p)).isEqualTo(plain);
        assertThat(rx.stream(0x0A0B0C0D).highestRtcpIndex()).isEqualTo(5);
        byte[] flagFlipped = packet.clone();
        flagFlipped[plain.length] ^= (byte) 0x80; // claiming E=1 breaks the tag: E is authenticated
        assertThat(SrtpSession.receiver(k).unprotectRtcp(inRoomyBuffer(flagFlipped))).isEqualTo(SrtpStatus.AUTH_FAIL);
    }

    @Test
    void forgedPacketWithNewSsrcLeavesNoStream() {
        MasterKey k = key(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 4);
        SrtpSession rx = SrtpSession.receiver(k);
        byte[] forged = rtp(5, 0, 0xCAFEBABE, 60, 5);
        PacketBuffer p = inRoomyBuffer(forged);
        assertThat(rx.unprotectRtp(p)).isEqualTo(SrtpStatus.AUTH_FAIL);
        assertThat(rx.stream(0xCAFEBABE)).isNull();
        assertThat(rx.streams()).isEmpty();
        assertThat(rx.counters().rtp(SrtpStatus.AUTH_FAIL)).isEqualTo(1);
        byte[] forgedRtcp = Arrays.copyOf(rtcpSenderReport(0xCAFEBABE), 28 + 14);
        assertThat(rx.unprotectRtcp(inRoomyBuffer(forgedRtcp))).isEqualTo(SrtpStatus.AUTH_FAIL);
        assertThat(rx.streams()).isEmpty();
    }

    @Test
    void flippedBitAnywhereIsRefusedAndPacketStillAcceptedAfterwards() {
        MasterKey k = key(SrtpSuite.AES_CM_128_HMAC_SHA1_32, 6);
        SrtpSession tx = SrtpSession.sender(k);
        SrtpSession rx = SrtpSession.receiver(k);
        byte[] plain = rtp(77, 0, 42, 20, 7);
        PacketBuffer p = inRoomyBuffer(plain);
        tx.protectRtp(p);
        byte[] srtp = bytes(p);
        for (int bit = 0; bit < srtp.length * 8; bit++) {
            byte[] bad = srtp.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            SrtpStatus s = rx.unprotectRtp(inRoomyBuffer(bad));
            assertThat(s).as("bit %d", bit).isNotEqualTo(SrtpStatus.OK);
        }
        assertThat(rx.streams()).isEmpty();
        assertThat(rx.unprotectRtp(inRoomyBuffer(srtp))).isEqualTo(SrtpStatus.OK);
    }

    @Test
    void rocIncrementsAcrossSequenceWrapAndLatePacketsFromBeforeTheWrapDecrypt() {
        MasterKey k = key(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 8);
        SrtpSession tx = SrtpSession.sender(k);
        int ssrc = 0x01020304;
        byte[][] sent = new byte[40][];
        byte[][] plain = new byte[40][];
        for (int i = 0; i < 40; i++) {
            int seq = (65520 + i) & 0xffff;
            plain[i] = rtp(seq, i * 160L, ssrc, 40, i);
            PacketBuffer p = inRoomyBuffer(plain[i]);
            assertThat(tx.protectRtp(p)).isEqualTo(SrtpStatus.OK);
            sent[i] = bytes(p);
        }
        assertThat(tx.stream(ssrc).rolloverCounter()).isEqualTo(1);
        // a receiver that starts before the wrap and gets every other packet, then the late ones
        SrtpSession rx2 = SrtpSession.receiver(k);
        for (int i = 0; i < 40; i += 2) {
            PacketBuffer p = inRoomyBuffer(sent[i]);
            assertThat(rx2.unprotectRtp(p)).as("packet %d", i).isEqualTo(SrtpStatus.OK);
        }
        for (int i = 1; i < 40; i += 2) { // late ones, some from before the wrap
            PacketBuffer p = inRoomyBuffer(sent[i]);
            assertThat(rx2.unprotectRtp(p)).as("late packet %d", i).isEqualTo(SrtpStatus.OK);
            assertThat(bytes(p)).isEqualTo(plain[i]);
        }
        assertThat(rx2.stream(ssrc).rolloverCounter()).isEqualTo(1);
    }

    @Test
    void olderThanWindowAndDuplicatesAreRefused() {
        MasterKey k = key(SrtpSuite.AES_256_CM_HMAC_SHA1_80, 9);
        SrtpSession tx = SrtpSession.sender(k);
        SrtpSession rx = SrtpSession.receiver(k);
        byte[][] sent = new byte[300][];
        for (int i = 0; i < 300; i++) {
            PacketBuffer p = inRoomyBuffer(rtp(1000 + i, 0, 7, 10, i));
            tx.protectRtp(p);
            sent[i] = bytes(p);
        }
        assertThat(rx.unprotectRtp(inRoomyBuffer(sent[299]))).isEqualTo(SrtpStatus.OK);
        assertThat(rx.unprotectRtp(inRoomyBuffer(sent[299 - 127]))).isEqualTo(SrtpStatus.OK);
        assertThat(rx.unprotectRtp(inRoomyBuffer(sent[299 - 128]))).isEqualTo(SrtpStatus.REPLAY_OLD);
        assertThat(rx.unprotectRtp(inRoomyBuffer(sent[299 - 127]))).isEqualTo(SrtpStatus.REPLAY_DUP);
        assertThat(rx.unprotectRtp(inRoomyBuffer(sent[299]))).isEqualTo(SrtpStatus.REPLAY_DUP);
        assertThat(rx.stream(7).counters().rtp(SrtpStatus.REPLAY_OLD)).isEqualTo(1);
        assertThat(rx.counters().rtp(SrtpStatus.OK)).isEqualTo(2);
    }

    @Test
    void senderRefusesToReuseAnIndex() {
        SrtpSession tx = SrtpSession.sender(key(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 10));
        assertThat(tx.protectRtp(inRoomyBuffer(rtp(9, 0, 1, 10, 1)))).isEqualTo(SrtpStatus.OK);
        assertThat(tx.protectRtp(inRoomyBuffer(rtp(9, 0, 1, 10, 2)))).isEqualTo(SrtpStatus.REPLAY_DUP);
    }

    @Test
    void malformedPacketsGetTypedStatuses() {
        MasterKey k = key(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 11);
        SrtpSession tx = SrtpSession.sender(k);
        SrtpSession rx = SrtpSession.receiver(k);
        assertThat(rx.unprotectRtp(new PacketBuffer(new byte[11], 0, 11))).isEqualTo(SrtpStatus.TOO_SHORT);
        byte[] v1 = rtp(1, 0, 1, 20, 1);
        v1[0] = 0x40;
        assertThat(rx.unprotectRtp(inRoomyBuffer(v1))).isEqualTo(SrtpStatus.BAD_VERSION);
        byte[] cc = rtp(1, 0, 1, 20, 1);
        cc[0] = (byte) 0x8f; // 15 CSRCs: header 72 bytes > packet
        assertThat(rx.unprotectRtp(inRoomyBuffer(cc))).isEqualTo(SrtpStatus.TOO_SHORT);
        byte[] noTag = rtp(1, 0, 1, 5, 1);
        assertThat(rx.unprotectRtp(inRoomyBuffer(noTag))).isEqualTo(SrtpStatus.TOO_SHORT);
        byte[] exact = rtp(1, 0, 1, 20, 1);
        assertThat(tx.protectRtp(new PacketBuffer(exact, 0, exact.length))).isEqualTo(SrtpStatus.NO_ROOM);
        assertThat(tx.protectRtcp(new PacketBuffer(new byte[7], 0, 7))).isEqualTo(SrtpStatus.TOO_SHORT);
        assertThat(rx.unprotectRtcp(new PacketBuffer(new byte[21], 0, 21))).isEqualTo(SrtpStatus.TOO_SHORT);
        assertThat(rx.counters().failures()).isEqualTo(5);
        assertThatThrownBy(() -> rx.protectRtp(inRoomyBuffer(exact))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void csrcAndHeaderExtensionStayInTheClear() {
        MasterKey k = key(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 12);
        SrtpSession tx = SrtpSession.sender(k);
        SrtpSession rx = SrtpSession.receiver(k);
        byte[] plain = new byte[12 + 8 + 8 + 30];
        System.arraycopy(rtp(3, 0, 99, 0, 0), 0, plain, 0, 12);
        plain[0] = (byte) 0x92; // X=1, CC=2
        Bytes.putInt32(plain, 20, 0xBEDE0001); // one-byte extension profile, 1 word
        Arrays.fill(plain, 12, 20, (byte) 0x33);
        Arrays.fill(plain, 24, 28, (byte) 0x44);
        Arrays.fill(plain, 28, plain.length, (byte) 0x55);
        PacketBuffer p = inRoomyBuffer(plain);
        tx.protectRtp(p);
        assertThat(Arrays.copyOfRange(p.buffer(), p.offset(), p.offset() + 28))
                .isEqualTo(Arrays.copyOfRange(plain, 0, 28));
        assertThat(rx.unprotectRtp(p)).isEqualTo(SrtpStatus.OK);
        assertThat(bytes(p)).isEqualTo(plain);
    }

    @Test
    void streamLimitBoundsStateAPeerCanCreate() {
        MasterKey k = key(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 13);
        SrtpSession tx = SrtpSession.sender(k);
        SrtpSession rx = SrtpSession.receiver(k, 128, 2);
        for (int ssrc = 1; ssrc <= 3; ssrc++) {
            PacketBuffer p = inRoomyBuffer(rtp(1, 0, ssrc, 10, ssrc));
            tx.protectRtp(p);
            assertThat(rx.unprotectRtp(p)).isEqualTo(ssrc <= 2 ? SrtpStatus.OK : SrtpStatus.BAD_PACKET);
        }
        assertThat(rx.streams()).hasSize(2);
    }

    @Test
    void keysNeverReachToString() {
        MasterKey k = key(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 14);
        assertThat(SrtpSession.sender(k).toString()).doesNotContain(k.toInline());
        assertThat(SessionKeys.forRtp(k).toString()).contains("redacted");
    }
}
