package com.securetrunk.gateway.app.sdp;

import com.securetrunk.gateway.sdp.Rejection;
import com.securetrunk.gateway.sdp.SdpParseException;
import com.securetrunk.gateway.sdp.SdpParser;
import com.securetrunk.gateway.sdp.SessionDescription;
import com.securetrunk.gateway.sdp.negotiation.ProfilePolicies;
import com.securetrunk.gateway.sdp.negotiation.SdesPolicies;
import com.securetrunk.gateway.sdp.negotiation.SdesPolicy;
import com.securetrunk.profiles.ProfileCatalog;
import com.securetrunk.profiles.load.LoadResult;
import com.securetrunk.profiles.load.ProfileLoader;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/** What both sdp subcommands share: reading the offer, finding profiles, reporting a refusal. */
final class SdpCliSupport {

    /** Exit code when the gateway would refuse the offer. */
    static final int REFUSED = 3;

    private SdpCliSupport() {
    }

    static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    static ProfileCatalog catalog(Path profilesDir) {
        if (profilesDir == null) {
            return ProfileLoader.builtInCatalog();
        }
        LoadResult r = ProfileLoader.load(Optional.of(profilesDir));
        return r.orThrow(); // names file, line and key of every problem
    }

    /** A profile by name, or one of the built-in policies ({@code permissive}, {@code legacy-plain}) as a fallback. */
    static SdesPolicy policy(ProfileCatalog catalog, String name, CommandLine cmd) {
        return catalog.find(name).map(ProfilePolicies::of).or(() -> SdesPolicies.byName(name))
                .orElseThrow(() -> new CommandLine.ParameterException(cmd, "no profile named '" + name
                        + "'; known profiles: " + String.join(", ", catalog.names())));
    }

    /** Parses stdin; a broken body is reported like the refusal the SIP layer would send (400 + Warning). */
    static SessionDescription parse(String text, PrintWriter err) {
        try {
            return SdpParser.parse(text);
        } catch (SdpParseException e) {
            report(e.toRejection(), err);
            return null;
        }
    }

    static int report(Rejection r, PrintWriter err) {
        err.println(r.status() + " " + (r.status() == 400 ? "Bad Request" : "Not Acceptable Here") + " [" + r.ruleId() + "]: "
                + r.warning());
        err.println("Warning: " + r.warningHeader("securetrunk"));
        err.flush();
        return REFUSED;
    }
}
