/**
 * The media relay as the SIP layer sees it: {@link com.securetrunk.gateway.media.MediaRelay} (allocate, update,
 * release, stats), its input records ({@link com.securetrunk.gateway.media.StreamSpec},
 * {@link com.securetrunk.gateway.media.LegSpec}, {@link com.securetrunk.gateway.media.SrtpKeys}), counters
 * ({@link com.securetrunk.gateway.media.LegStats}: RFC 3550 appendix A.3 loss and A.8 jitter) and the
 * {@link com.securetrunk.gateway.media.PortPool} (even RTP / odd RTCP ports, RFC 3550 section 11).
 * Implementations: {@code media.netty} (embedded) and, later, an rtpengine backend; {@code media.ng} lets
 * rtpengine's clients drive the embedded relay.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3550">RFC 3550 RTP</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3711">RFC 3711 SRTP</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4568">RFC 4568 SDES</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4961">RFC 4961 symmetric RTP</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5761">RFC 5761 rtcp-mux</a>
 */
package com.securetrunk.gateway.media;
