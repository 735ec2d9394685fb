/**
 * SSLContext construction (PEM/PKCS#12 via BouncyCastle), wildcard policy (RFC 5922 section 7.2, RFC 6125), TLS versions per side, self-signed development certificate.
 */
package com.securetrunk.gateway.tls;
