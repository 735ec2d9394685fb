/**
 * {@code securetrunk srtp decrypt|encrypt}: SRTP captures for people debugging one-way audio. Reads and
 * writes classic pcap (Ethernet, Linux cooked), runs UDP payloads through the {@code srtp} engine
 * (RFC 3711) keyed from an SDES {@code inline:} value (RFC 4568 section 6.1).
 */
package com.securetrunk.gateway.app.srtp;
