package com.securetrunk.testpbx.asterisk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the live trunk list from config files, the way chan_sip and res_pjsip do when they (re)load.
 *
 * <ul>
 *   <li>{@code sip.conf}: every category except {@code [general]} whose {@code type} is {@code peer} or
 *       {@code friend}; {@code host}, {@code port} (5060), {@code transport} (first of the list, udp),
 *       {@code context} (falls back to {@code [general] context}, then {@code default}), {@code disallow}/
 *       {@code allow}.</li>
 *   <li>{@code pjsip.conf}: {@code type=endpoint} categories; address from the first {@code contact=sip:host:port}
 *       of the named {@code aors}; transport protocol from the named {@code type=transport} category.</li>
 * </ul>
 */
public final class TrunkDirectory {

    private TrunkDirectory() {
    }

    public static List<Trunk> fromSipConf(ConfigFile sipConf) {
        List<Trunk> trunks = new ArrayList<>();
        Optional<ConfigCategory> general = sipConf.category("general");
        String defaultContext = general.flatMap(g -> g.get("context")).orElse("default");
        List<String> defaultCodecs = codecs(general.orElse(null), List.of("ulaw", "alaw"));
        for (ConfigCategory c : sipConf.categories()) {
            if (c.name().equalsIgnoreCase("general")) {
                continue;
            }
            String type = c.get("type", "").toLowerCase(Locale.ROOT);
            if (!type.equals("peer") && !type.equals("friend")) {
                continue;
            }
            String host = c.get("host", "");
            if (host.equalsIgnoreCase("dynamic")) {
                host = null;
            }
            int port = parsePort(c.get("port", "5060"), 5060);
            String transport = c.get("transport", "udp").split(",")[0].trim();
            trunks.add(new Trunk(c.name(), Trunk.Driver.SIP, host, port, transport,
                    c.get("context", defaultContext), codecs(c, defaultCodecs), options(c)));
        }
        return trunks;
    }

    public static List<Trunk> fromPjsipConf(ConfigFile pjsipConf) {
        List<Trunk> trunks = new ArrayList<>();
        for (ConfigCategory c : pjsipConf.categories()) {
            if (!c.get("type", "").equalsIgnoreCase("endpoint")) {
                continue;
            }
            String host = null;
            int port = 5060;
            String contactTransport = null;
            for (String aorName : c.get("aors", "").split(",")) {
                Optional<ConfigCategory> aor = pjsipConf.category(aorName.trim());
                Optional<String> contact = aor.flatMap(a -> a.get("contact"));
                if (contact.isPresent()) {
                    SipUri uri = SipUri.parse(contact.get());
                    host = uri.host();
                    port = uri.port();
                    contactTransport = uri.transport();
                    break;
                }
            }
            String transport = c.get("transport").flatMap(pjsipConf::category)
                    .flatMap(t -> t.get("protocol")).orElse(contactTransport == null ? "udp" : contactTransport);
            trunks.add(new Trunk(c.name(), Trunk.Driver.PJSIP, host, port, transport, c.get("context", "default"),
                    codecs(c, List.of()), options(c)));
        }
        return trunks;
    }

    private static List<String> codecs(ConfigCategory c, List<String> inherited) {
        if (c == null) {
            return inherited;
        }
        List<String> codecs = new ArrayList<>(inherited);
        for (ConfigVariable v : c.variables()) {
            if (v.name().equalsIgnoreCase("disallow")) {
                for (String codec : v.value().split(",")) {
                    if (codec.trim().equalsIgnoreCase("all")) {
                        codecs.clear();
                    } else {
                        codecs.remove(codec.trim().toLowerCase(Locale.ROOT));
                    }
                }
            } else if (v.name().equalsIgnoreCase("allow")) {
                for (String codec : v.value().split(",")) {
                    String name = codec.trim().toLowerCase(Locale.ROOT);
                    if (!name.isEmpty() && !codecs.contains(name)) {
                        codecs.add(name);
                    }
                }
            }
        }
        return codecs;
    }

    private static Map<String, String> options(ConfigCategory c) {
        Map<String, String> options = new LinkedHashMap<>();
        for (ConfigVariable v : c.variables()) {
            options.putIfAbsent(v.name().toLowerCase(Locale.ROOT), v.value());
        }
        return options;
    }

    private static int parsePort(String value, int fallback) {
        try {
            int p = Integer.parseInt(value.trim());
            return p > 0 && p < 65536 ? p : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The few parts of a {@code sip:} contact URI the directory needs. */
    record SipUri(String host, int port, String transport) {
        static SipUri parse(String uri) {
            String s = uri.trim();
            int colon = s.indexOf(':');
            if (colon >= 0 && s.substring(0, colon).toLowerCase(Locale.ROOT).startsWith("sip")) {
                s = s.substring(colon + 1);
            }
            String transport = null;
            int semi = s.indexOf(';');
            if (semi >= 0) {
                for (String param : s.substring(semi + 1).split(";")) {
                    if (param.toLowerCase(Locale.ROOT).startsWith("transport=")) {
                        transport = param.substring("transport=".length()).toLowerCase(Locale.ROOT);
                    }
                }
                s = s.substring(0, semi);
            }
            int at = s.indexOf('@');
            if (at >= 0) {
                s = s.substring(at + 1);
            }
            int port = 5060;
            String host = s;
            if (s.startsWith("[")) {
                int close = s.indexOf(']');
                host = s.substring(1, close);
                if (close + 1 < s.length() && s.charAt(close + 1) == ':') {
                    port = parsePort(s.substring(close + 2), 5060);
                }
            } else {
                int pc = s.lastIndexOf(':');
                if (pc >= 0) {
                    host = s.substring(0, pc);
                    port = parsePort(s.substring(pc + 1), 5060);
                }
            }
            return new SipUri(host, port, transport);
        }
    }
}
