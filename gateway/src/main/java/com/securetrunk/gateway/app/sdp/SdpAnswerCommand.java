package com.securetrunk.gateway.app.sdp;

import com.securetrunk.gateway.sdp.SdpWriter;
import com.securetrunk.gateway.sdp.SessionDescription;
import com.securetrunk.gateway.sdp.negotiation.Answerer;
import com.securetrunk.gateway.sdp.negotiation.NegotiationRefused;
import com.securetrunk.gateway.sdp.negotiation.Relay;
import com.securetrunk.gateway.sdp.negotiation.SrtpKeyGenerator;
import com.securetrunk.profiles.ProfileCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code securetrunk sdp answer --profile NAME < offer.sdp}: the answer the gateway would return to the offerer
 * (whose profile is NAME), assuming the far side accepts every stream it is offered. Same code as a live call.
 */
@Command(name = "answer", mixinStandardHelpOptions = true,
        description = {"Print the answer the gateway would return to the offerer (its profile is --profile),",
                "assuming the far side accepts every stream. Exit 3 with the SIP status and reason on stderr on refusal."})
public final class SdpAnswerCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--profile", required = true, description = "profile of the offerer")
    String profile;

    @Option(names = "--relay-address", defaultValue = "203.0.113.10", description = "relay address toward the offerer (default: ${DEFAULT-VALUE})")
    String relayAddress;

    @Option(names = "--relay-port", defaultValue = "30000", description = "first relay RTP port toward the offerer (default: ${DEFAULT-VALUE})")
    int relayPort;

    @Option(names = "--profiles-dir", description = "directory of user profiles (*.conf) besides the built-ins")
    Path profilesDir;

    InputStream in = System.in;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        PrintWriter out = cmd.getOut();
        PrintWriter err = cmd.getErr();
        ProfileCatalog catalog = SdpCliSupport.catalog(profilesDir);
        var policy = SdpCliSupport.policy(catalog, profile, cmd);
        SessionDescription offer = SdpCliSupport.parse(SdpCliSupport.readAll(in), err);
        if (offer == null) {
            return SdpCliSupport.REFUSED;
        }
        try {
            Answerer.Answered a = new Answerer(new SrtpKeyGenerator()).answer(offer, policy, new Relay(relayAddress, relayPort), List.of());
            out.print(SdpWriter.write(a.answer()));
            out.flush();
            return 0;
        } catch (NegotiationRefused e) {
            return SdpCliSupport.report(e.rejection(), err);
        }
    }
}
