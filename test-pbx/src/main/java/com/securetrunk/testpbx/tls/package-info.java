/**
 * Test certificates generated at run time with BouncyCastle (RFC 5280 X.509 v3): a CA, a normal leaf, a
 * wildcard leaf ({@code *.sip.example.test}, the case RFC 5922 section 7.2 forbids and pjsip logs about),
 * an expired leaf and a leaf from an unknown CA, written as PEM so the gateway can be configured with them,
 * plus JSSE {@link javax.net.ssl.SSLContext}s built from them. May use: BouncyCastle, the JDK.
 */
package com.securetrunk.testpbx.tls;
