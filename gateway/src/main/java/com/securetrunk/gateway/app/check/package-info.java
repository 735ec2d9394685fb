/**
 * {@code securetrunk check sips:HOST[:PORT]}: the first diagnosis an administrator runs against a SIP peer.
 *
 * <p>Resolution follows RFC 3263 section 4 through the gateway's own {@link com.securetrunk.gateway.sip.DnsTargetResolver}
 * (NAPTR, SRV, then A/AAAA). The TLS probe records whatever chain the peer presents (so an expired or untrusted
 * chain can still be shown), then judges it with the gateway's {@link com.securetrunk.gateway.tls.PolicyTrustManager}
 * under both wildcard policies: {@code strict} (RFC 5922 section 7.2) and {@code tolerate} (RFC 6125 section 6.4.3).
 * The OPTIONS request is RFC 3261 section 11.
 */
package com.securetrunk.gateway.app.check;
