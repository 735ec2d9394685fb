/**
 * SRTP and SRTCP (RFC 3711) for the media relay: key derivation (section 4.3, KDR 0), AES Counter Mode
 * (section 4.1.1; AES-256 per RFC 6188), HMAC-SHA1 authentication (section 4.2; 80- or 32-bit SRTP tag,
 * always 80-bit SRTCP tag per RFC 4568 section 6.2.2), rollover counter estimation (section 3.3.1), replay
 * lists (section 3.3.2, 128 packets as libsrtp) and SDES key material (RFC 4568 section 6.1).
 *
 * <p>Entry point: {@link com.securetrunk.gateway.srtp.SrtpSession#sender} / {@code receiver} per direction
 * and master key, then {@code protectRtp/unprotectRtp/protectRtcp/unprotectRtcp(PacketBuffer)} returning an
 * {@link com.securetrunk.gateway.srtp.SrtpStatus}. Pure: no I/O, no Netty, no logging; imports only the JDK.
 * The packet path allocates nothing in steady state.
 */
package com.securetrunk.gateway.srtp;
