package com.securetrunk.testpbx.asterisk;

import com.securetrunk.testpbx.ami.AmiMessage;
import com.securetrunk.testpbx.ami.AmiResponses;
import com.securetrunk.testpbx.ami.AmiSession;
import java.util.List;

/** SIPpeers (chan_sip {@code manager_sip_show_peers}) and PJSIPShowEndpoints (res_pjsip {@code ami_show_endpoints}). */
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
