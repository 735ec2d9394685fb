package com.securetrunk.gateway.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TLS protocol versions by their JSSE names (the names {@code SSLSocket.setEnabledProtocols} takes).
 * SSLv3 and older are deliberately absent: no policy can ask for them.
 */
public enum TlsVersion {
    /** RFC 2246. Only for a legacy PBX whose profile allows it (PJSIP 2.5-era res_pjsip defaults to it). */
    TLS_1_0("TLSv1"),
    /** RFC 4346. Same rule as TLS 1.0. */
    TLS_1_1("TLSv1.1"),
    /** RFC 5246. The floor toward secure domains (Twilio: TLS 1.2 only since 2022-03-29). */
    TLS_1_2("TLSv1.2"),
    /** RFC 8446. */
    TLS_1_3("TLSv1.3");

    private final String protocolName;

    TlsVersion(String protocolName) {
        this.protocolName = protocolName;
    }

    /** The JSSE protocol name, e.g. {@code TLSv1.2}. */
    public String protocolName() {
        return protocolName;
    }

    /** True for TLS 1.0 and 1.1, which the JDK's SunJSSE disables and only BCJSSE will speak here. */
    public boolean isLegacy() {
        return compareTo(TLS_1_2) < 0;
    }

    /**
     * Parses a JSSE protocol name ({@code TLSv1.2}) or a config spelling ({@code 1.2}, {@code tls1.2}, {@code TLSv1_2}).
     *
     * @throws IllegalArgumentException naming what was found and what is accepted
     */
    public static TlsVersion parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '.');
        if (t.startsWith("tlsv")) {
            t = t.substring(4);
        } else if (t.startsWith("tls")) {
            t = t.substring(3);
        }
        switch (t) {
            case "1": case "1.0": return TLS_1_0;
            case "1.1": return TLS_1_1;
            case "1.2": return TLS_1_2;
            case "1.3": return TLS_1_3;
            default:
                throw new IllegalArgumentException("unknown TLS version '" + text
                        + "' (expected one of: TLSv1, TLSv1.1, TLSv1.2, TLSv1.3)");
        }
    }

    /** Maps a negotiated {@code SSLSession.getProtocol()} value back; null when it is not a TLS version we know. */
    static TlsVersion fromProtocolNameOrNull(String protocol) {
        for (TlsVersion v : values()) {
            if (v.protocolName.equals(protocol)) {
                return v;
            }
        }
        return null;
    }

    /** Protocol names from {@code max} down to {@code min}, newest first. */
    public static List<String> protocolNames(TlsVersion min, TlsVersion max) {
        List<String> names = new ArrayList<>();
        for (int i = max.ordinal(); i >= min.ordinal(); i--) {
            names.add(values()[i].protocolName);
        }
        return names;
    }
}
