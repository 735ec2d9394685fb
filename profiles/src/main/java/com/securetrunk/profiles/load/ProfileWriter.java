package com.securetrunk.profiles.load;

import com.securetrunk.profiles.CryptoRules;
import com.securetrunk.profiles.Media;
import com.securetrunk.profiles.Note;
import com.securetrunk.profiles.Profile;
import com.securetrunk.profiles.Signalling;
import com.securetrunk.profiles.SuiteName;
import com.securetrunk.profiles.TlsSettings;
import com.securetrunk.profiles.Transport;
import com.typesafe.config.ConfigUtil;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes a resolved profile as HOCON, every key set, in the order docs/profiles.md documents them. The output is a
 * complete profile file: reading it back gives an equal profile (a test checks).
 */
public final class ProfileWriter {

    private ProfileWriter() {
    }

    /** The profile as HOCON, starting with a comment naming it, its source and its parent. */
    public static String write(Profile p) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(p.name()).append(" (").append(p.source()).append(')');
        p.parent().ifPresent(parent -> out.append(", extends ").append(parent).append(" (inheritance applied below)"));
        out.append('\n');
        out.append("identity {\n");
        kv(out, 1, "description", q(p.identity().description()));
        kv(out, 1, "family", p.family().configName());
        kv(out, 1, "versions", q(p.identity().versions().toString()));
        out.append("}\n");
        Signalling s = p.signalling();
        out.append("signalling {\n");
        kv(out, 1, "transports", list(s.transports(), Transport::configName));
        kv(out, 1, "default-port", String.valueOf(s.defaultPort()));
        TlsSettings tls = s.tls();
        out.append("  tls {\n");
        kv(out, 2, "min-version", q(tls.minVersion().configName()));
        kv(out, 2, "max-version", q(tls.maxVersion().configName()));
        kv(out, 2, "verify-certificates", String.valueOf(tls.verifyCertificates()));
        kv(out, 2, "wildcard-policy", tls.wildcardPolicy().configName());
        out.append("  }\n");
        kv(out, 1, "keep-alive-interval", duration(s.keepAliveInterval()));
        out.append("  quirks {\n");
        kv(out, 2, "force-rport", String.valueOf(s.quirks().forceRport()));
        kv(out, 2, "rewrite-contact", String.valueOf(s.quirks().rewriteContact()));
        kv(out, 2, "max-message-size", String.valueOf(s.quirks().maxMessageSize()));
        out.append("  }\n}\n");
        Media m = p.media();
        out.append("media {\n");
        kv(out, 1, "srtp", m.srtp().configName());
        kv(out, 1, "offer-suites", list(m.offerSuites(), SuiteName::sdpName));
        kv(out, 1, "accept-suites", list(m.acceptSuites(), SuiteName::sdpName));
        CryptoRules c = m.crypto();
        out.append("  crypto {\n");
        kv(out, 2, "send-lifetime", String.valueOf(c.sendLifetime()));
        kv(out, 2, "accept-lifetime", String.valueOf(c.acceptLifetime()));
        kv(out, 2, "accept-mki", String.valueOf(c.acceptMki()));
        kv(out, 2, "allow-session-params", String.valueOf(c.sessionParamsAllowed()));
        kv(out, 2, "accept-tag-zero", String.valueOf(c.tagZeroAccepted()));
        kv(out, 2, "exact-key-length", String.valueOf(c.exactKeyLength()));
        out.append("  }\n");
        kv(out, 1, "srtcp-encryption", String.valueOf(m.srtcpEncryption()));
        kv(out, 1, "rtcp-mux", String.valueOf(m.rtcpMux()));
        kv(out, 1, "symmetric-rtp", String.valueOf(m.symmetricRtp()));
        kv(out, 1, "telephone-event-payload-type", String.valueOf(m.telephoneEventPayloadType()));
        kv(out, 1, "ptime", String.valueOf(m.ptime()));
        out.append("}\n");
        out.append("notes {\n");
        for (Note n : p.notes()) {
            out.append("  ").append(n.id()).append(" {\n");
            kv(out, 2, "text", q(n.text()));
            kv(out, 2, "source", q(n.source()));
            out.append("  }\n");
        }
        out.append("}\n");
        return out.toString();
    }

    private static void kv(StringBuilder out, int depth, String key, String value) {
        out.append("  ".repeat(depth)).append(key).append(" = ").append(value).append('\n');
    }

    private static String q(String s) {
        return ConfigUtil.quoteString(s);
    }

    private static <E> String list(List<E> values, Function<E, String> name) {
        return values.stream().map(name).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String duration(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + "s";
        }
        return d.toMillis() + "ms";
    }
}
