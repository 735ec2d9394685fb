/**
 * SDP model, tolerant parser and exact writer (RFC 8866, formerly RFC 4566).
 *
 * <p>A description is an ordered list of generic {@code <type>=<value>} lines ({@link SdpLine}); typed views
 * ({@link MediaLine}, {@link Origin}, {@link Connection}, {@link Attribute}, {@link Direction}) are parsed on
 * demand by the code that rewrites them. Lines nobody touches are written back byte for byte, so parsing and
 * writing an SDP that needs no change gives the same bytes (for CRLF input). Refusals that reach a peer are
 * {@link Rejection} values (SIP status + Warning header text + rule id).
 *
 * <p>Specs: <a href="https://www.rfc-editor.org/rfc/rfc8866">RFC 8866</a> (SDP),
 * <a href="https://www.rfc-editor.org/rfc/rfc3264">RFC 3264</a> (offer/answer),
 * <a href="https://www.rfc-editor.org/rfc/rfc3261#section-20.43">RFC 3261 section 20.43</a> (Warning header).
 * Depends on the JDK only; sub-packages {@code crypto} (RFC 4568) and {@code negotiation} build on it.
 */
package com.securetrunk.gateway.sdp;
