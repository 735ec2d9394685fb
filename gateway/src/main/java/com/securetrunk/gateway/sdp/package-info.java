/**
 * SDP model, parser and writer (RFC 8866); RFC 4568 crypto attributes; offer/answer rewriting per profile (RFC 3264).
 */
package com.securetrunk.gateway.sdp;
