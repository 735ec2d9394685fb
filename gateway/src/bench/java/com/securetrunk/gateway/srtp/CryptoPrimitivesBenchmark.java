package com.securetrunk.gateway.srtp;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The choices behind {@link AesCounterMode} and {@link HmacSha1}: per-packet cost of AES-CM over a 160-byte
 * payload and of HMAC-SHA1 over 172 + 4 bytes, JCE (HotSpot AES-NI / SHA-NI intrinsics) against
 * BouncyCastle's lightweight engines. Run with {@code -prof gc} to see which variants allocate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/sun.security.provider=ALL-UNNAMED")
public class CryptoPrimitivesBenchmark {
    private final byte[] key = new byte[16];
    private final byte[] authKey = new byte[20];
    private final byte[] packet = new byte[172 + 16];
    private final byte[] scratch = new byte[256];
    private final byte[] iv = new byte[16];
    private final byte[] tag = new byte[20];
    private final byte[] roc = new byte[4];
    private int counter;

    private AesCounterMode ours;
    private Cipher jceCtr;
    private SecretKeySpec jceKey;
    private SICBlockCipher bcCtr;
    private KeyParameter bcKey;

    private HmacSha1 oursHmac;
    private Mac jceMac;
    private MessageDigest innerState;
    private MessageDigest outerState;
    private HMac bcMac;

    @Setup
    public void setUp() throws Exception {
        Arrays.fill(key, (byte) 7);
        Arrays.fill(authKey, (byte) 9);
        ours = new AesCounterMode(key);
        jceCtr = Cipher.getInstance("AES/CTR/NoPadding");
        jceKey = new SecretKeySpec(key, "AES");
        bcCtr = new SICBlockCipher(AESEngine.newInstance());
        bcKey = new KeyParameter(key);

        oursHmac = new HmacSha1(authKey);
        jceMac = Mac.getInstance("HmacSHA1");
        jceMac.init(new SecretKeySpec(authKey, "HmacSHA1"));
        byte[] ipad = new byte[64];
        byte[] opad = new byte[64];
        Arrays.fill(ipad, (byte) 0x36);
        Arrays.fill(opad, (byte) 0x5c);
        for (int i = 0; i < authKey.length; i++) {
            ipad[i] ^= authKey[i];
            opad[i] ^= authKey[i];
        }
        innerState = MessageDigest.getInstance("SHA-1");
        innerState.update(ipad);
        outerState = MessageDigest.getInstance("SHA-1");
        outerState.update(opad);
        bcMac = new HMac(new SHA1Digest());
        bcMac.init(new KeyParameter(authKey));
    }

    @Benchmark
    public byte aesCm_jceEcbKeystream_ours() {
        ours.apply(0x0102030405060708L, (long) ++counter << 16, packet, 12, 160);
        return packet[20];
    }

    @Benchmark
    public byte aesCm_jceCtrReinitPerPacket() throws Exception {
        iv[10] = (byte) ++counter;
        jceCtr.init(Cipher.ENCRYPT_MODE, jceKey, new IvParameterSpec(iv));
        jceCtr.update(packet, 12, 160, scratch, 0);
        System.arraycopy(scratch, 0, packet, 12, 160);
        return packet[20];
    }

    @Benchmark
    public byte aesCm_bouncyCastleSic() {
        iv[10] = (byte) ++counter;
        bcCtr.init(true, new ParametersWithIV(bcKey, iv));
        bcCtr.processBytes(packet, 12, 160, packet, 12);
        return packet[20];
    }

    @Benchmark
    public byte hmac_reusedDigests_ours() {
        oursHmac.mac(packet, 0, 172, true, ++counter, tag, 0);
        return tag[0];
    }

    @Benchmark
    public byte hmac_jceMac() throws Exception {
        jceMac.update(packet, 0, 172);
        roc[3] = (byte) ++counter;
        jceMac.update(roc);
        jceMac.doFinal(tag, 0);
        return tag[0];
    }

    @Benchmark
    public byte hmac_clonedPadStates() throws Exception {
        MessageDigest inner = (MessageDigest) innerState.clone();
        inner.update(packet, 0, 172);
        roc[3] = (byte) ++counter;
        inner.update(roc);
        inner.digest(tag, 0, 20);
        MessageDigest outer = (MessageDigest) outerState.clone();
        outer.update(tag, 0, 20);
        outer.digest(tag, 0, 20);
        return tag[0];
    }

    @Benchmark
    public byte hmac_bouncyCastle() {
        bcMac.update(packet, 0, 172);
        roc[3] = (byte) ++counter;
        bcMac.update(roc, 0, 4);
        bcMac.doFinal(tag, 0);
        return tag[0];
    }
}
