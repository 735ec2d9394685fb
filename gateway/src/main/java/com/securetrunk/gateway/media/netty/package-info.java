/**
 * The embedded relay on Netty: native epoll (NIO fallback), one event loop per core, each call's sockets on
 * one loop so the packet path takes no lock; per leg symmetric RTP latching (RFC 4961; never on a packet that
 * failed SRTP authentication), RTP/RTCP demultiplexing (RFC 5761 section 4), SRTP/SRTCP through the
 * {@code srtp} engine (RFC 3711) in place, counters, inactivity timeout. Nothing on the packet path allocates
 * in our code, logs or blocks; Netty's datagram transport itself still creates a small
 * {@code DatagramPacket}/address object per received packet.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3550">RFC 3550</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3711">RFC 3711</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4961">RFC 4961</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5761">RFC 5761</a>
 */
package com.securetrunk.gateway.media.netty;
