package com.securetrunk.ami;

import java.util.Locale;

/** The two SIP channel drivers Asterisk has had, with the names the operator and the config files use. */
public enum ChannelDriver {
    /** {@code res_pjsip} (Asterisk 12+), configured in {@code pjsip.conf}, dialled as {@code PJSIP/...}. */
    PJSIP("pjsip", "res_pjsip.so", "pjsip.conf", "PJSIP"),
    /** {@code chan_sip} (Asterisk 1.x to 20; removed in 21), configured in {@code sip.conf}, dialled as {@code SIP/...}. */
    CHAN_SIP("chan_sip", "chan_sip.so", "sip.conf", "SIP");

    private final String cliName;
    private final String module;
    private final String configFile;
    private final String technology;

    ChannelDriver(String cliName, String module, String configFile, String technology) {
        this.cliName = cliName;
        this.module = module;
        this.configFile = configFile;
        this.technology = technology;
    }

    /** The name used on the command line and in config ({@code pjsip}, {@code chan_sip}). */
    public String cliName() {
        return cliName;
    }

    /** The Asterisk module that implements it and that a {@code Reload} must name. */
    public String module() {
        return module;
    }

    /** The configuration file its trunk lives in. */
    public String configFile() {
        return configFile;
    }

    /** The channel technology prefix in channel names and dial strings ({@code PJSIP}, {@code SIP}). */
    public String technology() {
        return technology;
    }

    /**
     * Parses a driver name as an operator writes it.
     *
     * @throws IllegalArgumentException naming what was expected and what was found
     */
    public static ChannelDriver fromName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "pjsip", "res_pjsip" -> PJSIP;
            case "chan_sip", "sip" -> CHAN_SIP;
            default -> throw new IllegalArgumentException(
                    "driver: expected pjsip or chan_sip, found '" + name + "'");
        };
    }
}
