package com.securetrunk.gateway.media;

/**
 * The relay's own ports for one leg: RTP on an even port, RTCP on the next odd one (RFC 3550 section 11),
 * unused when the leg negotiates rtcp-mux but kept so the pair is returned to the pool as one.
 */
public record LocalPorts(String host, int rtp, int rtcp) {
}
