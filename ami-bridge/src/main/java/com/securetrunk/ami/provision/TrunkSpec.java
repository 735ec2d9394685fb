package com.securetrunk.ami.provision;

import com.securetrunk.ami.ChannelDriver;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The trunk that points the PBX at SecureTrunk's legacy (plain SIP/RTP) listener.
 *
 * @param names       the trunk name and the categories it owns
 * @param driver      res_pjsip or chan_sip
 * @param gatewayHost address the PBX sends SIP to (SecureTrunk's legacy listener)
 * @param gatewayPort its port (5060 by default)
 * @param context     dialplan context calls from SecureTrunk (from the secure domain) enter
 * @param codecs      codecs in preference order (G.711 only by default: the relay does not transcode)
 * @param auth        digest credentials the PBX presents, when configured
 */
public record TrunkSpec(ManagedNames names, ChannelDriver driver, String gatewayHost, int gatewayPort,
                        String context, List<String> codecs, Optional<TrunkAuth> auth) {

    /** Values end up inside an AMI header and a config line: no line breaks, no {@code ;} (a comment there). */
    private static final Pattern SAFE_VALUE = Pattern.compile("[^\\r\\n;\\[\\]]{1,512}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.+:-]{1,255}");

    public TrunkSpec {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(driver, "driver");
        if (gatewayHost == null || !TOKEN.matcher(gatewayHost).matches()) {
            throw new IllegalArgumentException("gateway host: expected a host name or IP address, found '"
                    + gatewayHost + "'");
        }
        if (gatewayPort < 1 || gatewayPort > 65535) {
            throw new IllegalArgumentException("gateway port: expected 1..65535, found " + gatewayPort);
        }
        if (context == null || !TOKEN.matcher(context).matches()) {
            throw new IllegalArgumentException("context: expected a dialplan context name, found '" + context + "'");
        }
        codecs = List.copyOf(codecs);
        if (codecs.isEmpty()) {
            throw new IllegalArgumentException("codecs: expected at least one codec (e.g. ulaw,alaw), found none");
        }
        for (String c : codecs) {
            if (!TOKEN.matcher(c).matches()) {
                throw new IllegalArgumentException("codecs: expected codec names like ulaw, found '" + c + "'");
            }
        }
        Objects.requireNonNull(auth, "auth");
    }

    /** A trunk with the defaults: G.711 u-law then a-law, context {@code from-securetrunk}, no auth. */
    public static TrunkSpec defaults(ChannelDriver driver, String gatewayHost, int gatewayPort) {
        return new TrunkSpec(new ManagedNames("securetrunk"), driver, gatewayHost, gatewayPort, "from-securetrunk",
                List.of("ulaw", "alaw"), Optional.empty());
    }

    public TrunkSpec withDriver(ChannelDriver d) {
        return new TrunkSpec(names, d, gatewayHost, gatewayPort, context, codecs, auth);
    }

    public TrunkSpec withAuth(TrunkAuth a) {
        return new TrunkSpec(names, driver, gatewayHost, gatewayPort, context, codecs, Optional.of(a));
    }

    public TrunkSpec withContext(String c) {
        return new TrunkSpec(names, driver, gatewayHost, gatewayPort, c, codecs, auth);
    }

    public TrunkSpec withCodecs(List<String> c) {
        return new TrunkSpec(names, driver, gatewayHost, gatewayPort, context, c, auth);
    }

    public TrunkSpec withNames(ManagedNames n) {
        return new TrunkSpec(n, driver, gatewayHost, gatewayPort, context, codecs, auth);
    }

    static void checkValue(String field, String value) {
        if (value == null || !SAFE_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException(field + ": expected 1..512 characters without line breaks, ';', "
                    + "'[' or ']', found " + (value == null ? "none" : "an unusable value"));
        }
    }
}
