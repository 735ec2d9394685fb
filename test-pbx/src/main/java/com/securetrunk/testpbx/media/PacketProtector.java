package com.securetrunk.testpbx.media;

/**
 * Turns outgoing RTP into what goes on the wire and back. Plain RTP is {@link #PLAIN}; SRTP is
 * {@link SrtpProtector}. Each instance is used by one sender thread and one receiver thread: protect
 * is only called by the sender, unprotect only by the receiver.
 */
public interface PacketProtector {
    PacketProtector PLAIN = new PacketProtector() {
        @Override
        public int protect(byte[] buf, int len) {
            return len;
        }

        @Override
        public int unprotect(byte[] buf, int len) {
            return len;
        }

        @Override
        public String describe() {
            return "RTP";
        }
    };

    /** Protects the packet in place ({@code buf} has room for a trailer); returns the new length. */
    int protect(byte[] buf, int len);

    /** Verifies and decrypts in place; returns the plain length or -1 when the packet must be dropped. */
    int unprotect(byte[] buf, int len);

    /** Short description for reports, e.g. "SRTP AES_CM_128_HMAC_SHA1_80". */
    String describe();
}
