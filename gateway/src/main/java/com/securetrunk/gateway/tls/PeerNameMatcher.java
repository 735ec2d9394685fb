package com.securetrunk.gateway.tls;

import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Matches a peer certificate against the name we expect, per RFC 5922 section 7.1 (SIP identities: URI SANs with
 * the {@code sip:} scheme, then DNS SANs; the subject CN only when there is neither) plus IP SANs for peers addressed
 * by IP, with the wildcard rule of the policy:
 * <ul>
 *   <li>{@link WildcardPolicy#STRICT}: RFC 5922 section 7.2 — a wildcard never matches; if one would have, the
 *       refusal says so (the same rule PJSIP logs about).</li>
 *   <li>{@link WildcardPolicy#TOLERATE}: RFC 6125 section 6.4.3, narrowed as Asterisk's {@code allow_wildcard_certs}
 *       does: only {@code *.} as the whole left-most label, matching exactly one label, never a public-suffix-like
 *       {@code *.com}, never an IP address, never a partial label ({@code f*.example.com}). Unlike Asterisk we
 *       compare case-insensitively (DNS names are).</li>
 * </ul>
 * Pure: no I/O, no logging.
 */
public final class PeerNameMatcher {
    private PeerNameMatcher() {
    }

    /** How the expected name related to the certificate. */
    public enum Outcome {
        /** A non-wildcard identity equals the expected name. */
        EXACT,
        /** A wildcard identity matched and the policy tolerates it. */
        WILDCARD_TOLERATED,
        /** Only a wildcard identity matched and the policy is strict. */
        WILDCARD_REFUSED,
        /** Nothing matched. */
        MISMATCH
    }

    /** The outcome, the identity that matched (if any), and all identities the certificate presents. */
    public record Result(Outcome outcome, String matchedIdentity, List<String> presented) {
        public boolean accepted() {
            return outcome == Outcome.EXACT || outcome == Outcome.WILDCARD_TOLERATED;
        }
    }

    /** Checks {@code leaf} for {@code expectedHost} (a DNS name or an IP literal) under {@code policy}. */
    public static Result match(X509Certificate leaf, String expectedHost, WildcardPolicy policy) {
        String expected = TlsPeerPolicy.normalizeHost(expectedHost);
        List<String> dns = new ArrayList<>();
        List<InetAddress> ips = new ArrayList<>();
        List<String> presented = new ArrayList<>();
        boolean hasUriOrDns = false;
        Collection<List<?>> sans;
        try {
            sans = leaf.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            sans = null;
        }
        if (sans != null) {
            for (List<?> san : sans) {
                int type = (Integer) san.get(0);
                Object value = san.get(1);
                if (type == 6 && value instanceof String uri) { // uniformResourceIdentifier
                    hasUriOrDns = true;
                    String host = sipUriHost(uri);
                    if (host != null) {
                        dns.add(host);
                        presented.add("URI:" + uri);
                    }
                } else if (type == 2 && value instanceof String name) { // dNSName
                    hasUriOrDns = true;
                    dns.add(TlsPeerPolicy.normalizeHost(name));
                    presented.add("DNS:" + name);
                } else if (type == 7 && value instanceof String ip) { // iPAddress
                    InetAddress a = HostNames.parseIpLiteral(ip);
                    if (a != null) {
                        ips.add(a);
                        presented.add("IP:" + ip);
                    }
                }
            }
        }
        if (!hasUriOrDns) {
            String cn = commonName(leaf);
            if (cn != null) {
                dns.add(TlsPeerPolicy.normalizeHost(cn));
                presented.add("CN:" + cn);
            }
        }

        InetAddress expectedIp = HostNames.parseIpLiteral(expected);
        if (expectedIp != null) {
            for (InetAddress ip : ips) {
                if (ip.equals(expectedIp)) {
                    return new Result(Outcome.EXACT, ip.getHostAddress(), presented);
                }
            }
            return new Result(Outcome.MISMATCH, null, presented);
        }
        for (String id : dns) {
            if (!id.contains("*") && id.equals(expected)) {
                return new Result(Outcome.EXACT, id, presented);
            }
        }
        for (String id : dns) {
            if (wildcardMatches(id, expected)) {
                return new Result(policy == WildcardPolicy.TOLERATE ? Outcome.WILDCARD_TOLERATED : Outcome.WILDCARD_REFUSED,
                        id, presented);
            }
        }
        return new Result(Outcome.MISMATCH, null, presented);
    }

    /**
     * RFC 6125 section 6.4.3 as narrowed above: {@code *.example.com} matches {@code foo.example.com} only.
     */
    static boolean wildcardMatches(String identity, String host) {
        if (!identity.startsWith("*.") || HostNames.isIpLiteral(host)) {
            return false;
        }
        String suffix = identity.substring(2);
        if (suffix.indexOf('*') >= 0 || suffix.indexOf('.') < 0 || suffix.startsWith(".") || suffix.endsWith(".")) {
            return false; // partial or repeated wildcards, or *.com
        }
        if (!host.endsWith("." + suffix)) {
            return false;
        }
        String label = host.substring(0, host.length() - suffix.length() - 1);
        return !label.isEmpty() && label.indexOf('.') < 0;
    }

    /** The host of a {@code sip:}/{@code sips:} URI SAN without a user part (RFC 5922 section 7.1); else null. */
    static String sipUriHost(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        String rest;
        if (lower.startsWith("sip:")) {
            rest = lower.substring(4);
        } else if (lower.startsWith("sips:")) {
            rest = lower.substring(5);
        } else {
            return null;
        }
        if (rest.indexOf('@') >= 0) {
            return null;
        }
        int end = rest.length();
        for (char c : new char[]{';', '?'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        rest = rest.substring(0, end);
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            return close > 0 ? rest.substring(1, close) : null;
        }
        int colon = rest.indexOf(':');
        return TlsPeerPolicy.normalizeHost(colon >= 0 ? rest.substring(0, colon) : rest);
    }

    private static String commonName(X509Certificate cert) {
        try {
            LdapName dn = new LdapName(cert.getSubjectX500Principal().getName());
            String cn = null;
            for (Rdn rdn : dn.getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cn = String.valueOf(rdn.getValue()); // getRdns() runs right to left: the last CN seen is the left-most, most specific one
                }
            }
            return cn;
        } catch (InvalidNameException e) {
            return null;
        }
    }
}
