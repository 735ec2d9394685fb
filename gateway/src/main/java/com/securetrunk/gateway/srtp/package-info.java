/**
 * RFC 3711 SRTP/SRTCP transforms (key derivation, AES-CM, HMAC-SHA1, replay window, ROC) and RFC 6188 AES-256 suites. Pure: no I/O, no Netty, no logging in the packet path.
 */
package com.securetrunk.gateway.srtp;
