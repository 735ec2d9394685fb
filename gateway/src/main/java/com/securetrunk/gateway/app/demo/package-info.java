/**
 * {@code securetrunk demo}: the whole product on one machine with no setup. It starts the gateway, the test-pbx
 * simulated Asterisk (plain SIP/RTP) and the simulated secure domain (SIP over TLS, SDES-SRTP through jitsi-srtp,
 * an implementation independent of ours) on free loopback ports, with certificates from a throw-away test CA, and
 * places one call each way. Audio is a known signal checked sample by sample at the far end.
 */
package com.securetrunk.gateway.app.demo;
