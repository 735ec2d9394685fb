package com.securetrunk.gateway.app.sdp;

import com.securetrunk.gateway.sdp.SdpWriter;
import com.securetrunk.gateway.sdp.SessionDescription;
import com.securetrunk.gateway.sdp.negotiation.NegotiationRefused;
import com.securetrunk.gateway.sdp.negotiation.OfferForwarder;
import com.securetrunk.gateway.sdp.negotiation.Relay;
import com.securetrunk.gateway.sdp.negotiation.SrtpKeyGenerator;
import com.securetrunk.profiles.ProfileCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code securetrunk sdp rewrite --toward secure|legacy --profile NAME < offer.sdp}: the offer the gateway would
 * send on to the other side, whose profile is NAME. Same code as a live call (OfferForwarder).
 */
@Command(name = "rewrite", mixinStandardHelpOptions = true,
        description = {"Print the offer the gateway would send on to the far side (its profile is --profile).",
                "Exit 3 with the SIP status and reason on stderr when the gateway would refuse the offer."})
public final class SdpRewriteCommand implements Callable<Integer> {

    /** Which side the offer is sent on to; it picks the relay address and port shown when none is given. */
    enum Toward {
        secure("203.0.113.10", 30000), legacy("192.0.2.10", 20000);

        final String relayAddress;
        final int relayPort;

        Toward(String relayAddress, int relayPort) {
            this.relayAddress = relayAddress;
            this.relayPort = relayPort;
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--toward", required = true, description = "secure or legacy: the side the offer is sent on to")
    Toward toward;

    @Option(names = "--profile", required = true, description = "profile of the far side (the one receiving the offer)")
    String profile;

    @Option(names = "--from-profile", defaultValue = "permissive",
            description = "profile of the offerer (default: ${DEFAULT-VALUE}, anything the gateway can carry)")
    String fromProfile;

    @Option(names = "--relay-address", description = "relay address on the far side (default: 203.0.113.10 toward secure, 192.0.2.10 toward legacy)")
    String relayAddress;

    @Option(names = "--relay-port", description = "first relay RTP port on the far side (default: 30000 toward secure, 20000 toward legacy)")
    Integer relayPort;

    @Option(names = "--profiles-dir", description = "directory of user profiles (*.conf) besides the built-ins")
    Path profilesDir;

    InputStream in = System.in;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        PrintWriter out = cmd.getOut();
        PrintWriter err = cmd.getErr();
        ProfileCatalog catalog = SdpCliSupport.catalog(profilesDir);
        var far = SdpCliSupport.policy(catalog, profile, cmd);
        var near = SdpCliSupport.policy(catalog, fromProfile, cmd);
        Relay relay = new Relay(relayAddress != null ? relayAddress : toward.relayAddress,
                relayPort != null ? relayPort : toward.relayPort);
        SessionDescription offer = SdpCliSupport.parse(SdpCliSupport.readAll(in), err);
        if (offer == null) {
            return SdpCliSupport.REFUSED;
        }
        try {
            OfferForwarder.Forwarded f = new OfferForwarder(new SrtpKeyGenerator()).forward(offer, near, far, relay, null);
            out.print(SdpWriter.write(f.offer()));
            out.flush();
            return 0;
        } catch (NegotiationRefused e) {
            return SdpCliSupport.report(e.rejection(), err);
        }
    }
}
