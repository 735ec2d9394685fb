/**
 * rtpengine's ng control protocol over UDP ({@code <cookie> <bencoded dictionary>}, BEP 3 bencode) in front of
 * the embedded relay, so Kamailio/OpenSIPS rtpengine modules and the rtpengine load harness can drive
 * SecureTrunk: {@code ping}, {@code offer}, {@code answer}, {@code delete}, {@code query} with the flags an
 * RTP/AVP &lt;-&gt; RTP/SAVP SDES bridge needs. SDP is read, bounded ({@code SdpLimits}) and written by the
 * {@code sdp} package; {@link com.securetrunk.gateway.media.ng.NgStream} takes the addresses and direction from it and
 * {@link com.securetrunk.gateway.media.ng.NgRewrite} the rtpengine-style rewrite.
 *
 * @see <a href="https://github.com/sipwise/rtpengine/blob/master/docs/ng_control_protocol.md">rtpengine ng protocol</a>
 * @see <a href="https://www.bittorrent.org/beps/bep_0003.html">BEP 3 bencoding</a>
 */
package com.securetrunk.gateway.media.ng;
