/**
 * Netty UDP media relay: port pool, call sessions with two legs, latching, RTCP, timeouts, statistics (RFC 3550).
 */
package com.securetrunk.gateway.media;
