package com.securetrunk.profiles;

/**
 * The fine print of RFC 4568 {@code a=crypto} lines for one kind of peer: what the gateway may send it, and
 * which of its lines the gateway accepts. Read by the SDP negotiation. MKI is never sent (Twilio: "the optional
 * master key identifier (MKI) parameter is not supported").
 *
 * @param sendLifetime       the gateway may append a key lifetime ({@code |2^31}) to the key it sends this peer
 *                           ({@code media.crypto.send-lifetime}); Asterisk 13.8 refuses lifetimes below 1,800,000
 * @param acceptLifetime     a line from this peer that carries a lifetime is acceptable ({@code media.crypto.accept-lifetime})
 * @param acceptMki          a line from this peer whose key carries an MKI ({@code |1:4}) is acceptable
 *                           ({@code media.crypto.accept-mki}); when false such lines are skipped and an offer whose
 *                           every line carries an MKI is refused
 * @param sessionParamsAllowed this peer understands RFC 4568 session parameters ({@code UNENCRYPTED_SRTCP},
 *                           {@code KDR=} ...): the gateway may send them and accepts lines carrying them
 *                           ({@code media.crypto.allow-session-params}); when false the gateway sends none and
 *                           skips lines from this peer that carry any
 * @param tagZeroAccepted    this peer accepts crypto tag {@code 0} ({@code media.crypto.accept-tag-zero});
 *                           Asterisk before 13.16 refuses it. The gateway numbers its own offers from 1 regardless
 * @param exactKeyLength     inline key material from this peer must decode to exactly the suite's key+salt length
 *                           (RFC 4568 section 6.1) ({@code media.crypto.exact-key-length}); when false, longer
 *                           material is cut to the suite's length
 */
public record CryptoRules(boolean sendLifetime, boolean acceptLifetime, boolean acceptMki, boolean sessionParamsAllowed,
                          boolean tagZeroAccepted, boolean exactKeyLength) {
}
