package com.securetrunk.testpbx.asterisk;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A SIP peer (chan_sip, {@code sip.conf}) or PJSIP endpoint ({@code pjsip.conf}) as the running PBX sees it after
 * its last reload: where calls through it go and with which codecs.
 *
 * @param name      peer / endpoint name, e.g. {@code gw}
 * @param driver    which channel driver owns it
 * @param host      address calls are sent to, or {@code null} for a dynamic peer not registered
 * @param port      SIP port (5060 when not configured)
 * @param transport {@code udp}, {@code tcp} or {@code tls}
 * @param context   dialplan context for calls arriving from it
 * @param codecs    Asterisk codec names in preference order ({@code ulaw}, {@code alaw}, ...)
 * @param options   every other key of its config category (first value wins), for the SIP side to consult
 */
public record Trunk(String name, Driver driver, String host, int port, String transport, String context,
                    List<String> codecs, Map<String, String> options) {

    /** The channel technology: the prefix of channel names ({@code SIP/gw-00000001}). */
    public enum Driver {
        SIP("SIP", "chan_sip.so", "sip.conf"),
        PJSIP("PJSIP", "res_pjsip.so", "pjsip.conf");

        private final String technology;
        private final String module;
        private final String configFile;

        Driver(String technology, String module, String configFile) {
            this.technology = technology;
            this.module = module;
            this.configFile = configFile;
        }

        public String technology() {
            return technology;
        }

        public String module() {
            return module;
        }

        public String configFile() {
            return configFile;
        }

        public static Driver fromTechnology(String tech) {
            for (Driver d : values()) {
                if (d.technology.equalsIgnoreCase(tech)) {
                    return d;
                }
            }
            return null;
        }
    }

    public Trunk {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(driver, "driver");
        transport = transport == null ? "udp" : transport.toLowerCase(Locale.ROOT);
        codecs = List.copyOf(codecs);
        options = Map.copyOf(options);
    }

    /** True when the trunk has an address to send calls to. */
    public boolean dialable() {
        return host != null && !host.isEmpty();
    }
}
