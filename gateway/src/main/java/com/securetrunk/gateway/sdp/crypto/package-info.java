/**
 * RFC 4568 SDES typed view of {@code a=crypto} lines: {@link com.securetrunk.gateway.sdp.crypto.CryptoAttribute}
 * (tag, suite, key parameters, session parameters), {@link com.securetrunk.gateway.sdp.crypto.KeyParam}
 * ({@code inline:} key||salt, lifetime, MKI), {@link com.securetrunk.gateway.sdp.crypto.SessionParam}, with a
 * parser that names line and column and a writer that round-trips.
 *
 * <p>Specs: <a href="https://www.rfc-editor.org/rfc/rfc4568#section-9.2">RFC 4568 section 9.2</a> (grammar),
 * <a href="https://www.rfc-editor.org/rfc/rfc4568#section-6">section 6</a> (SRTP parameters),
 * <a href="https://www.rfc-editor.org/rfc/rfc6188">RFC 6188</a> (AES-256 suites). Keys never reach
 * {@code toString()}. May import {@code sdp} and {@code srtp} only.
 */
package com.securetrunk.gateway.sdp.crypto;
