package com.securetrunk.testpbx.asterisk;

import com.securetrunk.testpbx.ami.AmiMessage;
import com.securetrunk.testpbx.ami.AmiResponses;
import com.securetrunk.testpbx.ami.AmiSession;
import java.util.List;

/**
 * The list actions: SIPpeers (chan_sip {@code manager_sip_show_peers}), PJSIPShowEndpoints (res_pjsip
 * {@code ami_show_endpoints}), CoreShowChannels and Status (manager.c) — the last two so that asterisk-java's live
 * API ({@code DefaultAsteriskServer}) sees the channels that exist when it connects.
 */
final class PeerListActions {

    private final SimulatedAsterisk pbx;

    PeerListActions(SimulatedAsterisk pbx) {
        this.pbx = pbx;
    }

    void sipPeers(AmiSession s, AmiMessage m) {
        List<Trunk> peers = pbx.sipPeers();
        s.send(AmiResponses.listAck(m, "Peer status list will follow"));
        for (Trunk t : peers) {
            boolean qualify = CliCommands.isTrue(t.options().getOrDefault("qualify", "no"));
            String nat = t.options().getOrDefault("nat", "auto_force_rport").toLowerCase();
            s.send(AmiResponses.listItem(m, "PeerEntry")
                    .add("Channeltype", "SIP")
                    .add("ObjectName", t.name())
                    .add("ChanObjectType", "peer")
                    .add("IPaddress", t.dialable() ? t.host() : "-none-")
                    .add("IPport", t.dialable() ? t.port() : 0)
                    .add("Dynamic", t.dialable() ? "no" : "yes")
                    .add("AutoForcerport", nat.contains("auto_force_rport") ? "yes" : "no")
                    .add("Forcerport", CliCommands.forcerport(t).equals("Yes") ? "yes" : "no")
                    .add("AutoComedia", nat.contains("auto_comedia") ? "yes" : "no")
                    .add("Comedia", CliCommands.comedia(t).equals("Yes") ? "yes" : "no")
                    .add("VideoSupport", "no")
                    .add("TextSupport", "no")
                    .add("ACL", t.options().containsKey("permit") ? "yes" : "no")
                    .add("Status", qualify ? "UNKNOWN" : "Unmonitored")
                    .add("RealtimeDevice", "no")
                    .add("Description", t.options().getOrDefault("description", ""))
                    .add("Accountcode", t.options().getOrDefault("accountcode", ""))
                    .build());
        }
        s.send(AmiResponses.listComplete(m, "PeerlistComplete", peers.size()));
    }

    /** {@code action_coreshowchannels}: snapshot + Application, ApplicationData, Duration hh:mm:ss, BridgeId. */
    void coreShowChannels(AmiSession s, AmiMessage m) {
        List<Channel> channels = pbx.channels().list();
        s.send(AmiResponses.listAck(m, "Channels will follow"));
        for (Channel c : channels) {
            long d = c.ageSeconds();
            s.send(AmiResponses.listItem(m, "CoreShowChannel").addAll(c.snapshot(""))
                    .add("Application", "")
                    .add("ApplicationData", "")
                    .add("Duration", String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", d / 3600, d / 60 % 60, d % 60))
                    .add("BridgeId", "")
                    .build());
        }
        s.send(AmiResponses.listComplete(m, "CoreShowChannelsComplete", channels.size()));
    }

    /**
     * {@code action_status} without a Channel filter: one {@code Status} event per channel (snapshot, Type,
     * Seconds and the format fields), then {@code StatusComplete}. Only the common fields are produced.
     */
    void status(AmiSession s, AmiMessage m) {
        String only = m.get("Channel").trim();
        List<Channel> channels = pbx.channels().list().stream()
                .filter(c -> only.isEmpty() || c.name().equalsIgnoreCase(only)).toList();
        if (!only.isEmpty() && channels.isEmpty()) {
            s.send(AmiResponses.error(m, "No such channel"));
            return;
        }
        s.send(AmiResponses.listAck(m, "Channel status will follow"));
        for (Channel c : channels) {
            s.send(AmiMessage.builder().add("Event", "Status").add("Privilege", "Call").actionId(m.get("ActionID"))
                    .addAll(c.snapshot(""))
                    .add("Type", c.driver().technology())
                    .add("DNID", "")
                    .add("EffectiveConnectedLineNum", "<unknown>")
                    .add("EffectiveConnectedLineName", "<unknown>")
                    .add("TimeToHangup", 0)
                    .add("BridgeID", "")
                    .add("Application", "")
                    .add("Data", "")
                    .add("Nativeformats", "(ulaw|alaw)")
                    .add("Readformat", "ulaw")
                    .add("Readtrans", "")
                    .add("Writeformat", "ulaw")
                    .add("Writetrans", "")
                    .add("Callgroup", 0)
                    .add("Pickupgroup", 0)
                    .add("Seconds", c.ageSeconds())
                    .build());
        }
        s.send(AmiMessage.builder().add("Event", "StatusComplete").actionId(m.get("ActionID"))
                .add("EventList", "Complete").add("ListItems", channels.size()).add("Items", channels.size()).build());
    }

    void pjsipShowEndpoints(AmiSession s, AmiMessage m) {
        List<Trunk> endpoints = pbx.pjsipEndpoints();
        if (endpoints.isEmpty()) {
            // The newline inside the message is Asterisk's own (res_pjsip/pjsip_configuration.c).
            s.send(AmiResponses.error(m, "No endpoints found\n"));
            return;
        }
        s.send(AmiResponses.listAck(m, "A listing of Endpoints follows, presented as EndpointList events"));
        for (Trunk t : endpoints) {
            String aors = t.options().getOrDefault("aors", "");
            String contacts = t.dialable() && !aors.isEmpty() ? aors + "/sip:" + t.host() + ":" + t.port() + "," : "";
            s.send(AmiResponses.listItem(m, "EndpointList")
                    .add("ObjectType", "endpoint")
                    .add("ObjectName", t.name())
                    .add("Transport", t.options().getOrDefault("transport", ""))
                    .add("Aor", aors)
                    .add("Auths", t.options().getOrDefault("auth", ""))
                    .add("OutboundAuths", t.options().getOrDefault("outbound_auth", ""))
                    .add("Contacts", contacts)
                    .add("DeviceState", t.dialable() ? "Not in use" : "Unavailable")
                    .add("ActiveChannels", "")
                    .build());
        }
        s.send(AmiResponses.listComplete(m, "EndpointListComplete", endpoints.size()));
    }
}
