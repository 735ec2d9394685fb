/**
 * SIP signalling on JAIN-SIP RI 1.3.0-91 (RFC 3261, RFC 3263; SIP over TLS per RFC 5630 and RFC 5922).
 *
 * <p>Built so far: {@link com.securetrunk.gateway.sip.SipStackFactory}, one stack per gateway side with every TLS
 * quirk of that JAIN-SIP version set deliberately (cipher suites, protocols, SNI, client auth, hostname and wildcard
 * checks through {@link com.securetrunk.gateway.sip.PolicyNetworkLayer}, the log4j 1.x bridge, OIO rather than NIO).
 * The back-to-back user agent (routing, secure=true, dialogs, auth, refusals) builds on it.
 */
package com.securetrunk.gateway.sip;
