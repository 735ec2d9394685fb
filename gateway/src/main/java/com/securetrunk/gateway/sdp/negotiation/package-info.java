/**
 * SDP offer/answer rewriting between the legacy (plain RTP) and the secure (SDES-SRTP) side, driven by a
 * per-peer {@link com.securetrunk.gateway.sdp.negotiation.SdesPolicy}: RTP/AVP to RTP/SAVP and back, suite pinning
 * and order, fresh keys, MKI/lifetime/session-parameter rules, address and port substitution, hold and re-keying,
 * per-stream rejection with port 0, telephone-event payload type mapping.
 *
 * <p>Each step is a pure function of its inputs plus a key source; refusals are
 * {@link com.securetrunk.gateway.sdp.Rejection} values carried by {@link
 * com.securetrunk.gateway.sdp.negotiation.NegotiationRefused}. Specs:
 * <a href="https://www.rfc-editor.org/rfc/rfc3264">RFC 3264</a> (offer/answer),
 * <a href="https://www.rfc-editor.org/rfc/rfc4568#section-7">RFC 4568 section 7</a> (SDES offer/answer),
 * <a href="https://www.rfc-editor.org/rfc/rfc4733">RFC 4733</a> (telephone-event). May import {@code sdp},
 * {@code sdp.crypto} and {@code srtp}.
 */
package com.securetrunk.gateway.sdp.negotiation;
