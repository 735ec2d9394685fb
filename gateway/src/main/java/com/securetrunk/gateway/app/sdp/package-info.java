/**
 * {@code securetrunk sdp rewrite|answer}: operators run the gateway's own SDP negotiation
 * ({@link com.securetrunk.gateway.sdp.negotiation}) on an offer from their PBX or provider, with real profiles,
 * before a single call. Exit 0 with the SDP on stdout, 3 with the SIP status and reason on stderr when the gateway
 * would refuse, 2 for usage errors (unknown profile, unreadable input).
 */
package com.securetrunk.gateway.app.sdp;
