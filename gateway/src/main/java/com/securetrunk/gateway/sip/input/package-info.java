/**
 * The SIP edge's guard against bad input (issue #7): every byte the gateway's SIP listeners receive passes through
 * here before JAIN-SIP RI sees it. A datagram, or a message framed from a TCP/TLS stream by its Content-Length
 * (RFC 3261 section 18.3), is checked whole; a bad one is answered 400/413/505 with a {@code Warning: 399} naming what
 * is wrong (RFC 3261 sections 20.43, 21.4.1, 21.4.13, 21.5.6) when a request line, Via, Call-ID and CSeq can be
 * recovered from it, and dropped otherwise; either way it is counted and never reaches the stack. The kinds of bad
 * message follow RFC 4475 (SIP Torture Test Messages) section 3.1.2.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3261#section-18.3">RFC 3261 section 18.3 (framing)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4475#section-3.1.2">RFC 4475 section 3.1.2 (invalid messages)</a>
 */
package com.securetrunk.gateway.sip.input;
