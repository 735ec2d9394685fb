/**
 * The simulated secure domain (Twilio Programmable Voice "Secure Media", see
 * shared/reference/twilio-secure-media.txt): SIP over TLS on 5061, SDES-SRTP (RFC 4568) with
 * AES_CM_128_HMAC_SHA1_80 / _32 and no MKI when Secure Media is enabled, RTP only when disabled, an optional
 * digest credential list, and outbound calls that offer only AES_CM_128_HMAC_SHA1_80 over TLS.
 * Built on the test-pbx SIP UA; SRTP through jitsi-srtp. May use: sip, media, tls.
 */
package com.securetrunk.testpbx.secure;
