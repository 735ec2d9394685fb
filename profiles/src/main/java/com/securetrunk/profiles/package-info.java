/**
 * Compatibility profiles: how one kind of SIP peer behaves and what SecureTrunk must do to interoperate
 * with it.
 *
 * <p>The model is a tree of immutable records rooted at {@link com.securetrunk.profiles.Profile}:
 * {@link com.securetrunk.profiles.Identity}, {@link com.securetrunk.profiles.Signalling} (with
 * {@link com.securetrunk.profiles.TlsSettings} and {@link com.securetrunk.profiles.SipQuirks}),
 * {@link com.securetrunk.profiles.Media} (with {@link com.securetrunk.profiles.CryptoRules}) and
 * {@link com.securetrunk.profiles.Note}s naming the source of every product fact.
 * {@link com.securetrunk.profiles.ProfileCatalog} holds the resolved built-in and user profiles;
 * {@link com.securetrunk.profiles.load.ProfileLoader} reads them from HOCON.
 *
 * <p>Specifications: RFC 4568 (SDES crypto attributes), RFC 3711 (SRTP), RFC 6188 (AES-256 suites),
 * RFC 5922 section 7.2 (no wildcard certificates in SIP), RFC 6125 section 6.4.3 (left-most label
 * wildcard matching), RFC 5626/3581 (keep-alive, rport).
 *
 * <p>This module depends on nothing else of SecureTrunk; only the JDK here, Typesafe Config in
 * {@code load} and {@code hocon}.
 */
package com.securetrunk.profiles;
