package com.securetrunk.gateway.app.check;

import com.securetrunk.gateway.sip.Transport;
import java.util.Locale;

/**
 * The target of {@code check}: {@code sips:HOST[:PORT]} (TLS) or {@code sip:HOST[:PORT][;transport=udp|tcp|tls]}.
 * A user part ({@code sip:alice@host}) is allowed and kept for the Request-URI.
 *
 * @param port 0 when the URI names none (then RFC 3263 SRV lookup may choose it)
 */
public record CheckTarget(String scheme, String user, String host, int port, Transport transport) {

    /** Parses {@code text}; the message of the exception says what was expected. */
    public static CheckTarget parse(String text) {
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        String scheme;
        if (lower.startsWith("sips:")) {
            scheme = "sips";
        } else if (lower.startsWith("sip:")) {
            scheme = "sip";
        } else {
            throw new IllegalArgumentException("target '" + text + "' must start with sips: or sip: (e.g. sips:example.sip.twilio.com)");
        }
        String rest = t.substring(scheme.length() + 1);
        String params = "";
        int semi = rest.indexOf(';');
        if (semi >= 0) {
            params = rest.substring(semi + 1).toLowerCase(Locale.ROOT);
            rest = rest.substring(0, semi);
        }
        String user = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            user = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        String host;
        int port = 0;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("target '" + text + "': IPv6 address without closing ']'");
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (after.startsWith(":")) {
                port = parsePort(after.substring(1), text);
            } else if (!after.isEmpty()) {
                throw new IllegalArgumentException("target '" + text + "': unexpected '" + after + "' after the IPv6 address");
            }
        } else {
            int colon = rest.indexOf(':');
            host = colon >= 0 ? rest.substring(0, colon) : rest;
            if (colon >= 0) {
                port = parsePort(rest.substring(colon + 1), text);
            }
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9._:\\-]+")) {
            throw new IllegalArgumentException("target '" + text + "': host '" + host + "' is not a DNS name or IP address");
        }
        Transport transport = scheme.equals("sips") ? Transport.TLS : Transport.UDP;
        for (String p : params.split(";")) {
            if (p.startsWith("transport=")) {
                String v = p.substring("transport=".length());
                transport = switch (v) {
                    case "udp" -> Transport.UDP;
                    case "tcp" -> Transport.TCP;
                    case "tls" -> Transport.TLS;
                    default -> throw new IllegalArgumentException("target '" + text + "': transport '" + v
                            + "' is not one of udp, tcp, tls");
                };
            }
        }
        if (scheme.equals("sips") && transport != Transport.TLS) {
            throw new IllegalArgumentException("target '" + text + "': a sips: URI needs TLS (RFC 3261 section 26.2.2)");
        }
        return new CheckTarget(scheme, user, host.toLowerCase(Locale.ROOT), port, transport);
    }

    private static int parsePort(String s, String text) {
        try {
            int p = Integer.parseInt(s);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("target '" + text + "': port '" + s + "' is not a number from 1 to 65535");
    }

    /** The Request-URI for OPTIONS. */
    public String requestUri() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return scheme + ":" + (user == null ? "" : user + "@") + h + (port > 0 ? ":" + port : "");
    }
}
