package com.securetrunk.gateway.srtp;

import java.util.Arrays;

/**
 * The three session keys of one direction and one protocol (SRTP or SRTCP), RFC 3711 section 4.3.
 * Only tests and the transform's constructor see the bytes; {@link #toString()} redacts.
 */
record SessionKeys(byte[] encryptionKey, byte[] authKey, byte[] salt) {

    static SessionKeys forRtp(MasterKey masterKey) {
        SrtpKdf kdf = new SrtpKdf(masterKey);
        int keyLength = masterKey.suite().keyLength();
        return new SessionKeys(kdf.derive(SrtpKdf.LABEL_RTP_ENCRYPTION, keyLength),
                kdf.derive(SrtpKdf.LABEL_RTP_AUTH, SrtpKdf.AUTH_KEY_LENGTH),
                kdf.derive(SrtpKdf.LABEL_RTP_SALT, masterKey.suite().saltLength()));
    }

    static SessionKeys forRtcp(MasterKey masterKey) {
        SrtpKdf kdf = new SrtpKdf(masterKey);
        int keyLength = masterKey.suite().keyLength();
        return new SessionKeys(kdf.derive(SrtpKdf.LABEL_RTCP_ENCRYPTION, keyLength),
                kdf.derive(SrtpKdf.LABEL_RTCP_AUTH, SrtpKdf.AUTH_KEY_LENGTH),
                kdf.derive(SrtpKdf.LABEL_RTCP_SALT, masterKey.suite().saltLength()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionKeys k && Arrays.equals(k.encryptionKey, encryptionKey)
                && Arrays.equals(k.authKey, authKey) && Arrays.equals(k.salt, salt);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encryptionKey);
    }

    @Override
    public String toString() {
        return "SessionKeys[<redacted>]";
    }
}
