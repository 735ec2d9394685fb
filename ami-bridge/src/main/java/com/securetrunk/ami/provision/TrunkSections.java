package com.securetrunk.ami.provision;

import com.securetrunk.ami.ChannelDriver;

import java.util.ArrayList;
import java.util.List;

/**
 * The categories a trunk consists of, per driver. The same sections feed AMI provisioning and the ready-to-paste
 * drop-in text, so both always agree.
 *
 * <p>Codecs are one {@code allow=!all,ulaw,alaw} line rather than {@code disallow=all} + {@code allow=...}: a single
 * key cannot end up in the wrong order when provisioning updates only the keys that changed ({@code !all} is
 * understood by {@code ast_format_cap_update_by_allow_disallow}, which both drivers use).
 */
public final class TrunkSections {

    private TrunkSections() {
    }

    public static List<ConfigSection> of(TrunkSpec spec) {
        return spec.driver() == ChannelDriver.PJSIP ? pjsip(spec) : chanSip(spec);
    }

    /** res_pjsip: endpoint + aor + identify (+ auth). pjsip.conf options as documented in res_pjsip's config XML. */
    static List<ConfigSection> pjsip(TrunkSpec spec) {
        ManagedNames n = spec.names();
        List<ConfigSection> out = new ArrayList<>();
        List<ConfigEntry> endpoint = new ArrayList<>(List.of(
                ConfigEntry.of("type", "endpoint"),
                ConfigEntry.of("context", spec.context()),
                ConfigEntry.of("allow", allow(spec)),
                ConfigEntry.of("aors", n.child("aor"))));
        spec.auth().ifPresent(a -> endpoint.add(ConfigEntry.of("outbound_auth", n.child("auth"))));
        endpoint.add(ConfigEntry.of("direct_media", "no"));
        endpoint.add(ConfigEntry.of("dtmf_mode", "rfc4733"));
        // The PBX leg is plain RTP on a trusted network; SecureTrunk does SRTP toward the secure domain.
        endpoint.add(ConfigEntry.of("media_encryption", "no"));
        out.add(new ConfigSection(n.trunk(), endpoint));
        out.add(new ConfigSection(n.child("aor"), List.of(
                ConfigEntry.of("type", "aor"),
                ConfigEntry.of("contact", "sip:" + spec.gatewayHost() + ":" + spec.gatewayPort()),
                ConfigEntry.of("qualify_frequency", "60"))));
        out.add(new ConfigSection(n.child("identify"), List.of(
                ConfigEntry.of("type", "identify"),
                ConfigEntry.of("endpoint", n.trunk()),
                ConfigEntry.of("match", spec.gatewayHost()))));
        spec.auth().ifPresent(a -> out.add(new ConfigSection(n.child("auth"), List.of(
                ConfigEntry.of("type", "auth"),
                ConfigEntry.of("auth_type", "userpass"),
                ConfigEntry.of("username", a.username()),
                new ConfigEntry("password", a.password().reveal(), true)))));
        return out;
    }

    /** chan_sip: one peer, matched by the gateway's address; INVITEs from it need no auth (insecure=port,invite). */
    static List<ConfigSection> chanSip(TrunkSpec spec) {
        List<ConfigEntry> peer = new ArrayList<>(List.of(
                ConfigEntry.of("type", "peer"),
                ConfigEntry.of("host", spec.gatewayHost()),
                ConfigEntry.of("port", Integer.toString(spec.gatewayPort())),
                ConfigEntry.of("transport", "udp"),
                ConfigEntry.of("context", spec.context()),
                ConfigEntry.of("allow", allow(spec)),
                ConfigEntry.of("insecure", "port,invite"),
                ConfigEntry.of("directmedia", "no"),
                ConfigEntry.of("dtmfmode", "rfc2833"),
                ConfigEntry.of("encryption", "no"),
                ConfigEntry.of("qualify", "yes")));
        spec.auth().ifPresent(a -> {
            peer.add(ConfigEntry.of("defaultuser", a.username()));
            peer.add(new ConfigEntry("secret", a.password().reveal(), true));
        });
        return List.of(new ConfigSection(spec.names().trunk(), peer));
    }

    private static String allow(TrunkSpec spec) {
        return "!all," + String.join(",", spec.codecs());
    }
}
