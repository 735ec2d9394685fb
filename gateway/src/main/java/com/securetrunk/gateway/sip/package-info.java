/**
 * SIP signalling on JAIN-SIP RI 1.3.0-91 (RFC 3261, RFC 3263; SIP over TLS per RFC 5630 and RFC 5922).
 *
 * <p>Built so far: the stack setup the back-to-back user agent runs on.
 * <ul>
 *   <li>{@link com.securetrunk.gateway.sip.SipStackFactory#start}: one stack per gateway side (legacy, secure), each
 *       with its listen points (UDP/TCP/TLS, IPv4/IPv6, one provider per address) and its
 *       {@link com.securetrunk.gateway.sip.TlsSide}; every TLS quirk of that JAIN-SIP version is set deliberately
 *       (see the table in {@code SipStackFactory}).</li>
 *   <li>{@link com.securetrunk.gateway.sip.PolicyNetworkLayer}: every TLS socket is ours — per-source inbound
 *       policy, per-peer outbound policy with SNI and our RFC 5922 / wildcard checks, handshake failures reported
 *       so that a send fails at once.</li>
 * </ul>
 *
 * <p>Wiring for the B2BUA: build a {@code TlsContextFactory} with {@code TlsSetup.fromConfig}; per side, map the
 * peer's profile with {@code ProfileTlsPolicies.forPeer(profile, expectedHost, clientAuth)}; register configured
 * targets by resolved address and port in {@link com.securetrunk.gateway.sip.OutboundTlsPolicies#byAddress} (the
 * expected host name must come from the configuration: JAIN-SIP caches channels per IP:port) and the PBX's source
 * addresses in {@link com.securetrunk.gateway.sip.InboundTlsPolicies#bySource}.
 */
package com.securetrunk.gateway.sip;
