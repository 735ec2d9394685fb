package com.securetrunk.gateway.srtp;

/**
 * SRTP key derivation (RFC 3711 section 4.3.1) with key derivation rate 0, the only rate SDES peers use
 * (RFC 4568 section 6.1 lets KDR default to 0; Twilio, Asterisk and FreeSWITCH never signal another).
 *
 * <pre>
 *   key_id = label || r          (8-bit label; r = index DIV kdr = 0 when kdr is 0, 48 bits)
 *   x      = key_id XOR master_salt   (key_id aligned to the least significant bits of the 112-bit salt)
 *   k      = AES-CM(master_key, IV = x * 2^16), first n bytes of keystream
 * </pre>
 * AES-256 suites use the same PRF with a 256-bit master key (RFC 6188 section 5.1).
 */
final class SrtpKdf {
    static final int LABEL_RTP_ENCRYPTION = 0x00;
    static final int LABEL_RTP_AUTH = 0x01;
    static final int LABEL_RTP_SALT = 0x02;
    static final int LABEL_RTCP_ENCRYPTION = 0x03;
    static final int LABEL_RTCP_AUTH = 0x04;
    static final int LABEL_RTCP_SALT = 0x05;

    /** n_a: the HMAC-SHA1 session authentication key is 160 bits (RFC 3711 section 8.2 / 4.2.1). */
    static final int AUTH_KEY_LENGTH = 20;

    private final AesCounterMode prf;
    private final byte[] masterSalt;

    SrtpKdf(MasterKey masterKey) {
        this.prf = new AesCounterMode(masterKey.key());
        this.masterSalt = masterKey.salt();
        if (masterSalt.length != 14) {
            throw new IllegalArgumentException("master salt is " + masterSalt.length + " bytes (expected: 14)");
        }
    }

    /** Derives {@code length} bytes of session key material for {@code label}. */
    byte[] derive(int label, int length) {
        byte[] iv = new byte[16];
        System.arraycopy(masterSalt, 0, iv, 0, 14);
        iv[7] ^= (byte) label; // key_id's label byte sits 7 bytes above the salt's end (r is 48 zero bits)
        byte[] out = new byte[length];
        prf.keystream(Bytes.int64(iv, 0), Bytes.int64(iv, 8), out, 0, length);
        return out;
    }
}
