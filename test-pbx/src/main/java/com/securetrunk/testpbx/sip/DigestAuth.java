package com.securetrunk.testpbx.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** HTTP digest authentication as SIP uses it (RFC 3261 section 22.4, RFC 2617 section 3.2.2), MD5 only. */
public final class DigestAuth {
    private DigestAuth() {
    }

    public static String md5Hex(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 not available", e);
        }
    }

    /** request-digest for qop absent or qop=auth. */
    public static String response(String user, String realm, String password, String method, String uri, String nonce,
                                  String qop, String nc, String cnonce) {
        String ha1 = md5Hex(user + ":" + realm + ":" + password);
        String ha2 = md5Hex(method + ":" + uri);
        if (qop == null || qop.isEmpty()) {
            return md5Hex(ha1 + ":" + nonce + ":" + ha2);
        }
        return md5Hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    /** The value of a WWW-Authenticate header offering qop=auth. */
    public static String challenge(String realm, String nonce) {
        return "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm=MD5, qop=\"auth\"";
    }

    /** The Authorization value answering {@code challenge} (a WWW-/Proxy-Authenticate value). */
    public static String authorization(String challenge, String user, String password, String method, String uri) {
        Map<String, String> c = NameAddr.authParams(challenge);
        String realm = c.getOrDefault("realm", "");
        String nonce = c.getOrDefault("nonce", "");
        String qopOffered = c.get("qop");
        boolean auth = qopOffered != null && java.util.Arrays.stream(qopOffered.split(","))
                .anyMatch(q -> q.trim().equalsIgnoreCase("auth"));
        String cnonce = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
        String nc = "00000001";
        String resp = response(user, realm, password, method, uri, nonce, auth ? "auth" : null, nc, cnonce);
        StringBuilder sb = new StringBuilder("Digest username=\"").append(user).append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri).append("\", response=\"")
                .append(resp).append("\", algorithm=MD5");
        if (c.containsKey("opaque")) {
            sb.append(", opaque=\"").append(c.get("opaque")).append('"');
        }
        if (auth) {
            sb.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        return sb.toString();
    }

    /** Outcome of checking an Authorization header. */
    public enum Verdict { MISSING, STALE, WRONG, OK }

    /** Checks credentials against {@code passwords} for a nonce this UA issued. */
    public static Verdict verify(String authorization, String method, Map<String, String> passwords, String realm,
                                 java.util.function.Predicate<String> nonceValid) {
        if (authorization == null) {
            return Verdict.MISSING;
        }
        Map<String, String> a = NameAddr.authParams(authorization);
        if (!"digest".equalsIgnoreCase(a.getOrDefault("scheme", ""))) {
            return Verdict.WRONG;
        }
        String nonce = a.get("nonce");
        if (nonce == null || !nonceValid.test(nonce)) {
            return Verdict.STALE;
        }
        String user = a.get("username");
        String password = user == null ? null : passwords.get(user);
        if (password == null || !realm.equals(a.get("realm"))) {
            return Verdict.WRONG;
        }
        String expected = response(user, realm, password, method, a.getOrDefault("uri", ""), nonce, a.get("qop"),
                a.get("nc"), a.get("cnonce"));
        return expected.equalsIgnoreCase(a.getOrDefault("response", "")) ? Verdict.OK : Verdict.WRONG;
    }
}
