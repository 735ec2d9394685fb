package com.securetrunk.gateway.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Published known-answer vectors, transcribed with their section (STYLE.md habit 9a). */
class RfcVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replaceAll("\\s", "").toLowerCase());
    }

    private static byte[] keystream(String key, String iv, int length) {
        byte[] ivBytes = hex(iv);
        byte[] out = new byte[length];
        new AesCounterMode(hex(key)).keystream(Bytes.int64(ivBytes, 0), Bytes.int64(ivBytes, 8), out, 0, length);
        return out;
    }

    /** RFC 3711 appendix B.2: AES-CM keystream, session key 2B7E..., IV F0F1...FCFD0000. */
    @Test
    void rfc3711_b2_aes128CounterModeKeystream() {
        byte[] ks = keystream("2B7E151628AED2A6ABF7158809CF4F3C", "F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000", 0xFF02 * 16);
        assertThat(Arrays.copyOfRange(ks, 0, 48)).isEqualTo(hex("""
                E03EAD0935C95E80E166B16DD92B4EB4
                D23513162B02D0F72A43A2FE4A5F97AB
                41E95B3BB0A2E8DD477901E4FCA894C0"""));
        // the last three blocks the RFC lists: counters ...FEFF, ...FF00, ...FF01
        assertThat(Arrays.copyOfRange(ks, 0xFEFF * 16, 0xFF02 * 16)).isEqualTo(hex("""
                EC8CDF7398607CB0F2D21675EA9EA1E4
                362B7C3C6773516318A077D7FC5073AE
                6A2CC3787889374FBEB4C81B17BA6C44"""));
    }

    /** RFC 3711 appendix B.3: key derivation from master key E1F9... and master salt 0EC6.... */
    @Test
    void rfc3711_b3_keyDerivation() {
        MasterKey master = new MasterKey(SrtpSuite.AES_CM_128_HMAC_SHA1_80, hex("E1F97A0D3E018BE0D64FA32C06DE4139"),
                hex("0EC675AD498AFEEBB6960B3AABE6"));
        SessionKeys rtp = SessionKeys.forRtp(master);
        assertThat(rtp.encryptionKey()).isEqualTo(hex("C61E7A93744F39EE10734AFE3FF7A087"));
        assertThat(rtp.salt()).isEqualTo(hex("30CBBC08863D8C85D49DB34A9AE1"));
        assertThat(rtp.authKey()).isEqualTo(hex("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4"));
    }

    /** RFC 6188 section 7.1: AES-256-CM keystream. */
    @Test
    void rfc6188_7_1_aes256CounterModeKeystream() {
        byte[] ks = keystream("57f82fe3613fd170a85ec93c40b1f0922ec4cb0dc025b58272147cc438944a98",
                "f0f1f2f3f4f5f6f7f8f9fafbfcfd0000", 48);
        assertThat(ks).isEqualTo(hex("""
                92bdd28a93c3f52511c677d08b5515a4
                9da71b2378a854f67050756ded165bac
                63c4868b7096d88421b563b8c94c9a31"""));
    }

    /** RFC 6188 section 7.2: AES-256 key derivation (SRTP session keys). */
    @Test
    void rfc6188_7_2_keyDerivation() {
        MasterKey master = new MasterKey(SrtpSuite.AES_256_CM_HMAC_SHA1_80,
                hex("f0f04914b513f2763a1b1fa130f10e2998f6f6e43e4309d1e622a0e332b9f1b6"),
                hex("3b04803de51ee7c96423ab5b78d2"));
        SessionKeys rtp = SessionKeys.forRtp(master);
        assertThat(rtp.encryptionKey())
                .isEqualTo(hex("5ba1064e30ec51613cad926c5a28ef731ec7fb397f70a960653caf06554cd8c4"));
        assertThat(rtp.salt()).isEqualTo(hex("fa31791685ca444a9e07c6c64e93"));
        assertThat(rtp.authKey()).isEqualTo(hex("fd9c32d39ed5fbb5a9dc96b30818454d1313dc05"));
    }

    /** The SRTP path end to end with the B.2 keys: a zero payload encrypts to the B.2 keystream. */
    @Test
    void rfc3711_b2_throughTheTransform() {
        byte[] ks = keystream("2B7E151628AED2A6ABF7158809CF4F3C", "F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000", 48);
        // SSRC 0, index 0: the IV is exactly the salt * 2^16, so the payload XOR is the raw keystream
        AesCounterMode cm = new AesCounterMode(hex("2B7E151628AED2A6ABF7158809CF4F3C"));
        byte[] payload = new byte[12 + 48];
        byte[] iv = hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000");
        cm.apply(Bytes.int64(iv, 0), Bytes.int64(iv, 8), payload, 12, 48);
        assertThat(Arrays.copyOfRange(payload, 12, 60)).isEqualTo(ks);
    }
}
