/**
 * The TLS edge: our identity, trust in peers, and one {@link javax.net.ssl.SSLContext} per peer policy.
 *
 * <ul>
 *   <li>{@link com.securetrunk.gateway.tls.CertificateFiles}: PEM (PKCS#1, SEC 1, PKCS#8, encrypted) and PKCS#12 via
 *       BouncyCastle; {@link com.securetrunk.gateway.tls.DevelopmentCertificate} when none is configured.</li>
 *   <li>{@link com.securetrunk.gateway.tls.TlsPeerPolicy}: versions, verification, wildcard policy, expected name,
 *       client auth — the package's own input, independent of the profile format.</li>
 *   <li>{@link com.securetrunk.gateway.tls.PeerNameMatcher}: RFC 5922 section 7.1 identities (sip: URI SANs, DNS
 *       SANs, CN only without either) plus IP SANs; section 7.2 forbids wildcards ({@code strict}); RFC 6125
 *       section 6.4.3 left-most-label wildcards under {@code tolerate}.</li>
 *   <li>{@link com.securetrunk.gateway.tls.PolicyTrustManager}: version, validity, CA and name checks inside the
 *       handshake, each refusal one log line with its reason.</li>
 *   <li>{@link com.securetrunk.gateway.tls.TlsContextFactory}: SunJSSE for TLS 1.2+ (RFC 5246, RFC 8446), BCJSSE for
 *       policies allowing TLS 1.0/1.1 (RFC 2246, RFC 4346); ECDHE + AEAD suites; SNI (RFC 6066).</li>
 * </ul>
 */
package com.securetrunk.gateway.tls;
