package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.sdp.SdpLine;
import com.securetrunk.gateway.sdp.SdpParseException;
import com.securetrunk.gateway.sdp.crypto.CryptoAttribute;
import com.securetrunk.gateway.sdp.crypto.KeyParam;
import com.securetrunk.gateway.sdp.crypto.SessionParam;
import com.securetrunk.gateway.srtp.MasterKey;
import com.securetrunk.gateway.srtp.SrtpSuite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks the crypto line of an offer to answer (RFC 4568 section 7.1.2): the first line, in the offerer's order,
 * whose suite and parameters the peer's policy accepts. Lines that do not parse, name a suite we do not know
 * (pjsua 2.5's {@code AES_CM_256_HMAC_SHA1_80}) or carry something we cannot honour are skipped with a reason;
 * only when every line is skipped is the stream unacceptable, and the reasons become the Warning text.
 */
final class CryptoSelector {

    /** The chosen line and the offerer's key in it. */
    record Choice(CryptoAttribute attribute, SrtpSuite suite, MasterKey theirKey) {
    }

    /** Either a choice or the reason none was acceptable. */
    record Result(Choice choice, String reason, String ruleId) {
        boolean accepted() {
            return choice != null;
        }
    }

    private CryptoSelector() {
    }

    /**
     * @param lines      the stream's {@code a=crypto} lines in offer order
     * @param lineNumbers their 1-based line numbers in the body (for messages)
     */
    static Result select(List<SdpLine> lines, List<Integer> lineNumbers, SdesPolicy policy) {
        if (lines.isEmpty()) {
            return new Result(null, "no a=crypto line (SDES keys required; DTLS-SRTP is not supported)", "no-crypto");
        }
        List<String> reasons = new ArrayList<>();
        Set<Integer> tags = new HashSet<>();
        int parsed = 0;
        int withMki = 0;
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = lineNumbers.get(i);
            CryptoAttribute c;
            try {
                c = CryptoAttribute.parse(lines.get(i).asAttribute().value(), lineNumber);
            } catch (SdpParseException e) {
                reasons.add(e.getMessage());
                continue;
            }
            parsed++;
            if (!tags.add(c.tag())) {
                reasons.add("crypto tag " + c.tag() + " is used twice (line " + lineNumber + ")");
                continue;
            }
            if (c.keyParams().stream().anyMatch(k -> k.mki() != null)) {
                withMki++;
            }
            String problem = problem(c, policy);
            if (problem != null) {
                reasons.add("crypto tag " + c.tag() + ": " + problem);
                continue;
            }
            SrtpSuite suite = c.suite().orElseThrow();
            try {
                return new Result(new Choice(c, suite, c.keyParams().get(0).masterKey(suite, policy.exactKeyLength())), null, null);
            } catch (SdpParseException e) {
                reasons.add("crypto tag " + c.tag() + ": expected " + e.expected() + ", found " + e.found());
            }
        }
        if (parsed > 0 && withMki == parsed && !policy.acceptMki()) {
            return new Result(null, "all offered keys carry an MKI (MKI not supported by profile " + policy.profileName() + ")",
                    "mki-not-supported");
        }
        return new Result(null, "no acceptable crypto line: " + String.join("; ", reasons), "no-acceptable-crypto");
    }

    /**
     * SDES suite names registered with IANA (RFC 4568 section 10.3.2.1, RFC 5669, RFC 6188, RFC 7714) that our
     * engine does not implement: refused by name as "not accepted", while unregistered names (pjsua 2.5's
     * AES_CM_256_HMAC_SHA1_80, FreeSWITCH's AEAD_AES_256_GCM_8) are "not known".
     */
    static final java.util.Set<String> REGISTERED_UNSUPPORTED = java.util.Set.of("F8_128_HMAC_SHA1_80",
            "SEED_CTR_128_HMAC_SHA1_80", "SEED_128_CCM_80", "SEED_128_GCM_96", "AES_192_CM_HMAC_SHA1_80",
            "AES_192_CM_HMAC_SHA1_32", "AEAD_AES_128_GCM", "AEAD_AES_256_GCM");

    /** Why {@code c} is not acceptable under {@code policy}, or null when it is. */
    static String problem(CryptoAttribute c, SdesPolicy policy) {
        if (c.suite().isEmpty()) {
            if (REGISTERED_UNSUPPORTED.contains(c.suiteName().toUpperCase(java.util.Locale.ROOT))) {
                return "suite " + c.suiteName() + " not accepted by profile " + policy.profileName()
                        + " (not implemented by the gateway)";
            }
            return "suite " + c.suiteName() + " not known";
        }
        if (!policy.acceptSuites().contains(c.suite().get())) {
            return "suite " + c.suiteName() + " not accepted by profile " + policy.profileName();
        }
        if (c.keyParams().size() > 1) {
            return c.keyParams().size() + " keys in one line (key rollover is not supported)";
        }
        KeyParam key = c.keyParams().get(0);
        if (!key.isInline()) {
            return "key method " + key.method() + " not supported (only inline)";
        }
        if (key.mki() != null && !policy.acceptMki()) {
            return "key carries an MKI (" + key.mki() + "), not supported by profile " + policy.profileName();
        }
        if (key.lifetime() != null && !policy.acceptLifetime()) {
            return "key carries a lifetime (" + key.lifetime() + "), not accepted by profile " + policy.profileName();
        }
        if (key.lifetime() != null && key.lifetime().packets() < policy.minAcceptedLifetime()) {
            return "key lifetime " + key.lifetime() + " below the " + policy.minAcceptedLifetime()
                    + " packets accepted by profile " + policy.profileName() + " (no re-keying mid-call)";
        }
        for (SessionParam p : c.sessionParams()) {
            if (p.isOptionalExtension()) {
                continue;
            }
            if (!p.isKnown()) {
                return "unknown mandatory session parameter " + p + " (RFC 4568 section 6.3.7)";
            }
            if (!policy.acceptedSessionParams().contains(p.name())
                    || !SdesPolicy.HONOURABLE_SESSION_PARAMS.contains(p.name())) {
                return "session parameter " + p + " not supported by profile " + policy.profileName();
            }
        }
        return null;
    }
}
