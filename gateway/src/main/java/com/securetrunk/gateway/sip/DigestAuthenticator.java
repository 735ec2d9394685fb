package com.securetrunk.gateway.sip;

import com.securetrunk.gateway.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Answers a digest challenge (RFC 3261 section 22.4 with RFC 2617 MD5, qop=auth when offered). The password is
 * read only here and never logged.
 */
final class DigestAuthenticator {
    private static final SecureRandom RANDOM = new SecureRandom();

    private DigestAuthenticator() {
    }

    /** The Authorization (401) or Proxy-Authorization (407) header for {@code request}. */
    static AuthorizationHeader authorization(HeaderFactory headers, Response challenge, Request request, String user,
                                             Secret password) throws java.text.ParseException {
        boolean proxy = challenge.getStatusCode() == 407;
        WWWAuthenticateHeader c = proxy
                ? (WWWAuthenticateHeader) challenge.getHeader(ProxyAuthenticateHeader.NAME)
                : (WWWAuthenticateHeader) challenge.getHeader(WWWAuthenticateHeader.NAME);
        if (c == null) {
            throw new java.text.ParseException("challenge without " + (proxy ? "Proxy-Authenticate" : "WWW-Authenticate"), 0);
        }
        String algorithm = c.getAlgorithm() == null ? "MD5" : c.getAlgorithm();
        if (!algorithm.equalsIgnoreCase("MD5")) {
            throw new java.text.ParseException("unsupported digest algorithm " + algorithm + " (expected MD5)", 0);
        }
        String uri = request.getRequestURI().toString();
        String realm = c.getRealm();
        String nonce = c.getNonce();
        String ha1 = md5(user + ":" + realm + ":" + password.reveal());
        String ha2 = md5(request.getMethod() + ":" + uri);
        String qop = c.getQop();
        boolean auth = qop != null && java.util.Arrays.stream(qop.split(",")).map(String::trim).anyMatch("auth"::equalsIgnoreCase);
        AuthorizationHeader h = proxy ? headers.createProxyAuthorizationHeader("Digest") : headers.createAuthorizationHeader("Digest");
        h.setUsername(user);
        h.setRealm(realm);
        h.setNonce(nonce);
        h.setURI(request.getRequestURI());
        h.setAlgorithm("MD5");
        if (c.getOpaque() != null) {
            h.setOpaque(c.getOpaque());
        }
        if (auth) {
            byte[] b = new byte[8];
            RANDOM.nextBytes(b);
            String cnonce = HexFormat.of().formatHex(b);
            String nc = "00000001";
            h.setQop("auth");
            h.setCNonce(cnonce);
            h.setNonceCount(1);
            h.setResponse(md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2));
        } else {
            h.setResponse(md5(ha1 + ":" + nonce + ":" + ha2));
        }
        return h;
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
