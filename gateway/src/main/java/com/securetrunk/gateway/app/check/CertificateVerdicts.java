package com.securetrunk.gateway.app.check;

import com.securetrunk.gateway.tls.CertificateRefusal;
import com.securetrunk.gateway.tls.PeerNameMatcher;
import com.securetrunk.gateway.tls.PolicyTrustManager;
import com.securetrunk.gateway.tls.TlsPeerPolicy;
import com.securetrunk.gateway.tls.WildcardPolicy;
import com.securetrunk.gateway.tls.WildcardToleranceLog;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the gateway would decide about a peer's chain: the name rule that matched (via {@link PeerNameMatcher}) and
 * the full verdict of {@link PolicyTrustManager} (dates, CA, name) under each {@link WildcardPolicy}.
 */
final class CertificateVerdicts {

    /** Accepted, or refused with the reason and the trust manager's own message. */
    record Verdict(boolean accepted, CertificateRefusal.Reason reason, String message) {
        String describe() {
            return accepted ? "accept" : "refuse (" + reason.name().toLowerCase(Locale.ROOT).replace('_', '-') + "): " + message;
        }
    }

    /** The name rule and one verdict per policy. */
    record Report(String nameRule, boolean nameMatches, Map<WildcardPolicy, Verdict> verdicts) {
    }

    private CertificateVerdicts() {
    }

    static Report judge(List<X509Certificate> chain, String expectedHost, List<X509Certificate> caBundle, Clock clock) {
        Map<WildcardPolicy, Verdict> verdicts = new EnumMap<>(WildcardPolicy.class);
        for (WildcardPolicy wp : WildcardPolicy.values()) {
            TlsPeerPolicy policy = TlsPeerPolicy.secureDomain(expectedHost).withWildcardPolicy(wp);
            PolicyTrustManager tm = new PolicyTrustManager(policy, caBundle, clock, new WildcardToleranceLog());
            try {
                tm.checkServerTrusted(chain.toArray(new X509Certificate[0]), "UNKNOWN");
                verdicts.put(wp, new Verdict(true, null, ""));
            } catch (CertificateRefusal r) {
                String text = r.getMessage();
                int colon = text.indexOf("refused: ");
                verdicts.put(wp, new Verdict(false, r.reason(), colon >= 0 ? text.substring(colon + 9) : text));
            } catch (CertificateException e) {
                verdicts.put(wp, new Verdict(false, CertificateRefusal.Reason.INVALID_CHAIN, e.getMessage()));
            }
        }
        if (chain.isEmpty()) {
            return new Report("no certificate presented", false, verdicts);
        }
        PeerNameMatcher.Result m = PeerNameMatcher.match(chain.get(0), expectedHost, WildcardPolicy.TOLERATE);
        String presented = String.join(", ", m.presented());
        String rule = switch (m.outcome()) {
            case EXACT -> expectedHost + " matches " + source(m) + " (exact)";
            case WILDCARD_TOLERATED, WILDCARD_REFUSED -> expectedHost + " matches " + source(m)
                    + " (wildcard: strict refuses per RFC 5922 section 7.2, tolerate accepts per RFC 6125)";
            case MISMATCH -> expectedHost + " matches none of [" + presented + "]";
        };
        return new Report(rule, m.outcome() != PeerNameMatcher.Outcome.MISMATCH, verdicts);
    }

    /** Which presented identity matched: SAN (DNS, URI, IP) or the subject CN. */
    private static String source(PeerNameMatcher.Result m) {
        String id = m.matchedIdentity();
        for (String p : m.presented()) {
            int colon = p.indexOf(':');
            String kind = p.substring(0, colon);
            String value = p.substring(colon + 1).toLowerCase(Locale.ROOT);
            if (value.equals(id) || (kind.equals("URI") && value.contains(id))) {
                return kind.equals("CN") ? "subject CN=" + p.substring(colon + 1) : "SAN " + p;
            }
        }
        return id;
    }
}
