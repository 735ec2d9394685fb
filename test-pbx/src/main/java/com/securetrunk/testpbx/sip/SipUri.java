package com.securetrunk.testpbx.sip;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A sip:/sips: URI (RFC 3261 section 19.1): {@code sip:user@host:port;param=value}. Enough for routing:
 * user, host (IPv6 in brackets), port (-1 when absent) and URI parameters such as {@code transport}
 * and {@code secure}.
 */
public record SipUri(String scheme, String user, String host, int port, Map<String, String> params) {

    public static SipUri parse(String text) throws SipParseException {
        String s = text.trim();
        int colon = s.indexOf(':');
        if (colon <= 0) {
            throw new SipParseException("SIP URI: expected 'sip:' or 'sips:', found '" + text + "'");
        }
        String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("sip") && !scheme.equals("sips")) {
            throw new SipParseException("SIP URI: expected scheme sip or sips, found '" + scheme + "' in '" + text + "'");
        }
        String rest = s.substring(colon + 1);
        int q = rest.indexOf('?');
        if (q >= 0) {
            rest = rest.substring(0, q); // URI headers are not used by this UA
        }
        String user = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            user = rest.substring(0, at);
            int ucolon = user.indexOf(':');
            if (ucolon >= 0) {
                user = user.substring(0, ucolon); // password part is ignored
            }
            rest = rest.substring(at + 1);
        }
        Map<String, String> params = new LinkedHashMap<>();
        int semi = rest.indexOf(';');
        String hostPort = semi < 0 ? rest : rest.substring(0, semi);
        if (semi >= 0) {
            for (String p : rest.substring(semi + 1).split(";")) {
                if (p.isEmpty()) {
                    continue;
                }
                int eq = p.indexOf('=');
                params.put(eq < 0 ? p.toLowerCase(Locale.ROOT) : p.substring(0, eq).toLowerCase(Locale.ROOT),
                        eq < 0 ? "" : p.substring(eq + 1));
            }
        }
        String host;
        int port = -1;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new SipParseException("SIP URI: unterminated IPv6 reference in '" + text + "'");
            }
            host = hostPort.substring(1, close);
            if (hostPort.length() > close + 1 && hostPort.charAt(close + 1) == ':') {
                port = parsePort(hostPort.substring(close + 2), text);
            }
        } else {
            int pc = hostPort.lastIndexOf(':');
            if (pc >= 0) {
                host = hostPort.substring(0, pc);
                port = parsePort(hostPort.substring(pc + 1), text);
            } else {
                host = hostPort;
            }
        }
        if (host.isEmpty()) {
            throw new SipParseException("SIP URI: no host in '" + text + "'");
        }
        return new SipUri(scheme, user, host, port, Map.copyOf(params));
    }

    private static int parsePort(String p, String text) throws SipParseException {
        try {
            int port = Integer.parseInt(p);
            if (port < 1 || port > 65535) {
                throw new SipParseException("SIP URI: port out of range 1-65535 in '" + text + "'");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new SipParseException("SIP URI: expected a port number, found '" + p + "' in '" + text + "'");
        }
    }

    public String param(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }

    /** Host as it appears in a URI or Via (IPv6 bracketed). */
    public static String hostForUri(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
