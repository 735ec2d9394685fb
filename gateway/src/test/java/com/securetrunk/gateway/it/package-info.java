/**
 * Integration tests run by maven-failsafe-plugin after the shaded jar is built: they start the product as a user
 * would ({@code java -jar gateway/target/securetrunk.jar run --config FILE}) on loopback and drive it with real
 * third-party peers from Debian packages: SIPp ({@code sip-tester}) as the legacy PBX and baresip 1.0.0 (libre TLS,
 * its own libsrtp-independent SRTP in libre, RFC 4568 SDES) as the secure domain; plus bad input of the kinds
 * RFC 4475 (SIP torture tests) catalogues over real UDP, TCP and TLS sockets.
 *
 * <p>A test whose peer binary is not installed is skipped (assumption), never passed: {@code .ci/run} installs them
 * from {@code .ci/apt-packages.d/peers}.
 */
package com.securetrunk.gateway.it;
