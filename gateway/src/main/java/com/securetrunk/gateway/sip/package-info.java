/**
 * Back-to-back user agent on JAIN-SIP RI: listening points, routing, {@code ;secure=true}, dialogs, digest auth,
 * policy decisions and refusals.
 *
 * <ul>
 *   <li>{@link com.securetrunk.gateway.sip.B2bua}: each call is an inbound dialog on one side and an outbound dialog
 *       on the other (RFC 3261, RFC 7092), SDP rewritten through {@code sdp.negotiation}, media through the relay;
 *       INVITE/1xx/2xx/ACK, CANCEL, BYE either way, re-INVITE both ways, OPTIONS answered and sent as keep-alive,
 *       failures mapped (a 3xx passed on with its Contacts pointing back at the gateway), failover over target lists (503, timeout, TCP/TLS failure), digest (RFC 3261 section 22,
 *       {@link com.securetrunk.gateway.sip.DigestAuthenticator}), refusals with {@code Warning: 399} (section 20.43).</li>
 *   <li>{@link com.securetrunk.gateway.sip.DnsTargetResolver}: RFC 3263 section 4 (NAPTR, SRV per RFC 2782, A/AAAA);
 *       {@link com.securetrunk.gateway.sip.HintRouter} sends a new request to the address resolved here while the
 *       Request-URI keeps the name (RFC 5922 section 4: the TLS name check uses the domain).</li>
 *   <li>{@link com.securetrunk.gateway.sip.SipStackFactory}: one JAIN-SIP stack per side with every TLS quirk set;
 *       its listeners pass only what {@code sip.input} lets through (bad input answered 400/413/505 or dropped, and
 *       counted, before the stack sees it).</li>
 *   <li>{@link com.securetrunk.gateway.sip.CallObserver}: one event per call start, answer and end, and per request
 *       refused before a call exists (metrics, call log), with a key-free {@link com.securetrunk.gateway.sip.CallSummary}; {@link com.securetrunk.gateway.sip.SipTraceSwitch}:
 *       per-peer tracing of received messages, switched at run time.</li>
 * </ul>
 */
package com.securetrunk.gateway.sip;
