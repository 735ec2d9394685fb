package com.securetrunk.gateway.config;

import com.securetrunk.profiles.Transport;
import com.securetrunk.profiles.hocon.HoconReader;
import com.securetrunk.profiles.hocon.HoconReader.ElementResult;
import com.typesafe.config.Config;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the {@code securetrunk} object into an {@link AppConfig}; every problem goes to the reader's sink. */
final class AppConfigReader {

    private static final String HOST_NAME =
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?";
    private static final String IP = "a literal IPv4 or IPv6 address, e.g. 0.0.0.0, 192.0.2.1 or ::";

    private final HoconReader r;

    AppConfigReader(HoconReader reader) {
        this.r = reader;
    }

    /** The config, or null when anything was wrong. */
    AppConfig read() {
        SipConfig sip = sip();
        PbxConfig pbx = pbx();
        SecureDomainConfig secure = secureDomain();
        TlsConfig tls = tls();
        MediaConfig media = media();
        LimitsConfig limits = limits();
        AmiConfig ami = ami();
        MetricsConfig metrics = metrics();
        ProfilesConfig profiles = new ProfilesConfig(existingDirectory("profiles.directory"));
        r.reportUnknownKeys(List.of());
        if (r.problemCount() > 0) {
            return null;
        }
        return new AppConfig(sip, pbx, secure, tls, media, limits, ami, metrics, profiles);
    }

    private SipConfig sip() {
        List<InetAddress> legacyAddresses = addresses("sip.legacy.listen-addresses");
        List<Transport> transports = r.choiceList("sip.legacy.transports", Transport.values(), Transport::configName);
        if (transports != null && transports.isEmpty()) {
            r.report("sip.legacy.transports", "at least one of: udp, tcp, tls", "[]");
        }
        Integer udp = listenPort("sip.legacy.udp-port");
        Integer tcp = listenPort("sip.legacy.tcp-port");
        Integer legacyTls = listenPort("sip.legacy.tls-port");
        List<InetAddress> secureAddresses = addresses("sip.secure.listen-addresses");
        Integer secureTls = listenPort("sip.secure.tls-port");
        Duration grace = r.duration("sip.shutdown-grace-period", Duration.ZERO);
        Duration t1 = r.duration("sip.timer-t1", Duration.ofMillis(10));
        if (t1 != null && t1.compareTo(Duration.ofSeconds(10)) > 0) {
            r.report("sip.timer-t1", "a duration between 10ms and 10s", t1.toMillis() + "ms");
            t1 = null;
        }
        Duration inviteTimeout = r.duration("sip.invite-timeout", Duration.ofSeconds(1));
        if (inviteTimeout != null && inviteTimeout.compareTo(Duration.ofHours(1)) > 0) {
            r.report("sip.invite-timeout", "a duration between 1s and 1h", inviteTimeout.toSeconds() + "s");
            inviteTimeout = null;
        }
        Optional<String> advertised = Optional.empty();
        if (r.optionalString("sip.advertised-host").isPresent()) {
            advertised = Optional.ofNullable(host(r, "sip.advertised-host"));
        }
        if (r.problemCount() > 0) {
            return null;
        }
        return new SipConfig(new SipConfig.Legacy(legacyAddresses, transports, udp, tcp, legacyTls),
                new SipConfig.Secure(secureAddresses, secureTls), advertised, grace, t1,
                inviteTimeout);
    }

    private PbxConfig pbx() {
        List<AddressRange> allowed = r.list("pbx.allowed-sources", "IP addresses or CIDR blocks", text -> {
            try {
                return ElementResult.of(AddressRange.parse(text));
            } catch (IllegalArgumentException e) {
                return ElementResult.fail("an IPv4/IPv6 address or CIDR block, e.g. 192.0.2.10 or 192.0.2.0/24");
            }
        });
        String profile = r.nonBlankString("pbx.profile");
        Transport transport = r.choice("pbx.target.transport", Transport.values(), Transport::configName);
        String host = host(r, "pbx.target.host");
        Integer port = r.integer("pbx.target.port", 1, 65535);
        if (allowed == null || profile == null || transport == null || host == null || port == null) {
            return null;
        }
        return new PbxConfig(allowed, profile, new SipTarget(host, port, transport));
    }

    private SecureDomainConfig secureDomain() {
        List<Config> targetObjects = r.objectList("secure-domain.targets");
        List<SipTarget> targets = new ArrayList<>();
        boolean ok = targetObjects != null;
        if (targetObjects != null) {
            for (int i = 0; i < targetObjects.size(); i++) {
                HoconReader t = new HoconReader(targetObjects.get(i), "secure-domain.targets[" + i + "].",
                        r::reportAt);
                String host = host(t, "host");
                Transport transport = t.has("transport")
                        ? t.choice("transport", Transport.values(), Transport::configName) : Transport.TLS;
                // no port: RFC 3263 decides (NAPTR and SRV for a name; 5061 for TLS, 5060 otherwise, for a literal)
                Integer port = t.has("port") ? t.integer("port", 1, 65535) : Integer.valueOf(0);
                t.reportUnknownKeys(List.of());
                if (t.problemCount() > 0) {
                    ok = false;
                } else {
                    targets.add(new SipTarget(host, port, transport));
                }
            }
        }
        String profile = r.nonBlankString("secure-domain.profile");
        String user = r.string("secure-domain.digest.username");
        String password = r.string("secure-domain.digest.password");
        if (user != null && password != null && user.isEmpty() && !password.isEmpty()) {
            r.report("secure-domain.digest.password", "an empty password when digest.username is empty",
                    Secret.REDACTED);
            ok = false;
        }
        if (!ok || profile == null || user == null || password == null) {
            return null;
        }
        Optional<SecureDomainConfig.DigestCredentials> digest = user.isEmpty() ? Optional.empty()
                : Optional.of(new SecureDomainConfig.DigestCredentials(user, Secret.of(password)));
        return new SecureDomainConfig(targets, profile, digest);
    }

    private TlsConfig tls() {
        Optional<Path> certificate = existingFile("tls.certificate");
        Optional<Path> key = existingFile("tls.private-key");
        String keyPassword = r.string("tls.key-password");
        Optional<Path> ca = existingFile("tls.ca-bundle");
        String dev = r.nonBlankString("tls.dev-certificate");
        if (key.isPresent() && certificate.isEmpty() && r.config().getValue("tls.certificate").unwrapped().equals("")) {
            r.report("tls.private-key", "empty unless tls.certificate names the matching PEM certificate",
                    r.renderAt("tls.private-key"));
        }
        if (keyPassword == null || dev == null) {
            return null;
        }
        return new TlsConfig(certificate, key, Secret.of(keyPassword), ca, Path.of(dev));
    }

    private MediaConfig media() {
        InetAddress bind = r.parsed("media.bind-address", IP, IpLiteral::parse);
        Optional<String> advertisedText = r.optionalString("media.advertised-address");
        Optional<InetAddress> advertised = Optional.empty();
        if (advertisedText.isPresent()) {
            advertised = Optional.ofNullable(r.parsed("media.advertised-address", IP + ", or \"\"", IpLiteral::parse));
        }
        Integer min = r.integer("media.port-min", 1, 65535);
        Integer max = r.integer("media.port-max", 1, 65535);
        if (min != null && max != null && max < min + 1) {
            r.report("media.port-max", "a port above media.port-min (" + min + "), so the range holds an RTP/RTCP pair",
                    String.valueOf(max));
        }
        Duration quarantine = r.duration("media.port-quarantine", Duration.ZERO);
        Duration inactivity = r.duration("media.inactivity-timeout", Duration.ofSeconds(1));
        Integer loops = r.integer("media.event-loops", 0, 256);
        Boolean nativeTransport = r.bool("media.native-transport");
        Boolean ngEnabled = r.bool("media.ng-control.enabled");
        InetAddress ngAddress = r.parsed("media.ng-control.address", IP, IpLiteral::parse);
        Integer ngPort = listenPort("media.ng-control.port");
        if (bind == null || min == null || max == null || max < min + 1 || quarantine == null || inactivity == null
                || ngEnabled == null || ngAddress == null || ngPort == null || loops == null || nativeTransport == null) {
            return null;
        }
        return new MediaConfig(bind, advertised, min, max, quarantine, inactivity, loops, nativeTransport,
                new MediaConfig.NgControl(ngEnabled, ngAddress, ngPort));
    }

    private LimitsConfig limits() {
        Integer calls = r.integer("limits.max-concurrent-calls", 1, 1_000_000);
        Integer size = r.integer("limits.max-sip-message-size", 1024, 1 << 20);
        Integer rate = r.integer("limits.invite-rate-per-source", 1, 1_000_000);
        Duration handshake = r.duration("limits.tls-handshake-timeout", Duration.ofMillis(100));
        if (calls == null || size == null || rate == null || handshake == null) {
            return null;
        }
        return new LimitsConfig(calls, size, rate, handshake);
    }

    private AmiConfig ami() {
        Boolean enabled = r.bool("ami.enabled");
        String host = host(r, "ami.host");
        Integer port = r.integer("ami.port", 1, 65535);
        String user = r.string("ami.username");
        String secret = r.string("ami.secret");
        Boolean provision = r.bool("ami.provision-trunk");
        Duration min = r.duration("ami.reconnect-min-delay", Duration.ofMillis(10));
        Duration max = r.duration("ami.reconnect-max-delay", Duration.ofMillis(10));
        Duration actionTimeout = r.duration("ami.action-timeout", Duration.ofMillis(100));
        Duration ping = r.duration("ami.ping-interval", Duration.ofSeconds(1));
        AmiConfig.Trunk trunk = trunk();
        boolean ok = true;
        if (Boolean.TRUE.equals(enabled) && user != null && user.isEmpty()) {
            r.report("ami.username", "a user name when ami.enabled is true", "\"\"");
            ok = false;
        }
        if (min != null && max != null && max.compareTo(min) < 0) {
            r.report("ami.reconnect-max-delay", "a duration not below ami.reconnect-min-delay (" + min.toMillis()
                    + "ms)", r.renderAt("ami.reconnect-max-delay"));
            ok = false;
        }
        if (!ok || enabled == null || host == null || port == null || user == null || secret == null
                || provision == null || min == null || max == null || actionTimeout == null || ping == null
                || trunk == null) {
            return null;
        }
        return new AmiConfig(enabled, host, port, user, Secret.of(secret), provision, min, max, actionTimeout, ping,
                trunk);
    }

    private AmiConfig.Trunk trunk() {
        String token = "letters, digits, '_', '-' and '.' (at most 80)";
        String name = r.parsed("ami.trunk.name", token, t -> requireToken(t));
        AmiConfig.TrunkDriver driver = r.choice("ami.trunk.driver", AmiConfig.TrunkDriver.values(),
                AmiConfig.TrunkDriver::configName);
        Optional<String> hostText = r.optionalString("ami.trunk.gateway-host");
        Optional<String> gatewayHost = Optional.empty();
        if (hostText.isPresent()) {
            gatewayHost = Optional.ofNullable(host(r, "ami.trunk.gateway-host"));
        }
        Integer gatewayPort = r.integer("ami.trunk.gateway-port", 0, 65535);
        String context = r.parsed("ami.trunk.context", "a dialplan context name: " + token, t -> requireToken(t));
        List<String> codecs = r.list("ami.trunk.codecs", "codec names", t -> t.matches("[a-z0-9_]{1,32}")
                ? ElementResult.of(t) : ElementResult.fail("a codec name such as ulaw, alaw, g722"));
        if (codecs != null && codecs.isEmpty()) {
            r.report("ami.trunk.codecs", "at least one codec (e.g. [ulaw, alaw])", "[]");
            return null;
        }
        if (name == null || driver == null || (hostText.isPresent() && gatewayHost.isEmpty()) || gatewayPort == null
                || context == null || codecs == null) {
            return null;
        }
        return new AmiConfig.Trunk(name, driver, gatewayHost, gatewayPort, context, codecs);
    }

    private static String requireToken(String text) {
        if (!text.matches("[A-Za-z0-9_.-]{1,80}")) {
            throw new IllegalArgumentException(text);
        }
        return text;
    }

    private MetricsConfig metrics() {
        Boolean enabled = r.bool("metrics.enabled");
        InetAddress address = r.parsed("metrics.address", IP, IpLiteral::parse);
        Integer port = listenPort("metrics.port");
        if (enabled == null || address == null || port == null) {
            return null;
        }
        return new MetricsConfig(enabled, address, port);
    }

    private Integer listenPort(String path) {
        return r.integer(path, 0, 65535);
    }

    private List<InetAddress> addresses(String path) {
        List<InetAddress> list = r.list(path, "IP addresses", text -> {
            try {
                return ElementResult.of(IpLiteral.parse(text));
            } catch (IllegalArgumentException e) {
                return ElementResult.fail(IP);
            }
        });
        if (list != null && list.isEmpty()) {
            r.report(path, "at least one address (\"0.0.0.0\" = every IPv4 interface, \"::\" = every IPv6 one)", "[]");
            return null;
        }
        return list;
    }

    private static String host(HoconReader reader, String path) {
        return reader.parsed(path, "a host name or literal IP address", text -> {
            String t = text.strip();
            if (t.matches(HOST_NAME)) {
                return t;
            }
            return IpLiteral.parse(t).getHostAddress();
        });
    }

    private Optional<Path> existingFile(String path) {
        Optional<String> text = r.optionalString(path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Path p = Path.of(text.get());
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            r.report(path, "a readable file, or \"\"", "\"" + text.get() + "\" (" + (Files.exists(p)
                    ? "not a readable file" : "no such file") + ")");
            return Optional.empty();
        }
        return Optional.of(p);
    }

    private Optional<Path> existingDirectory(String path) {
        Optional<String> text = r.optionalString(path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Path p = Path.of(text.get());
        if (!Files.isDirectory(p)) {
            r.report(path, "a directory of *.conf profiles, or \"\"", "\"" + text.get() + "\" (no such directory)");
            return Optional.empty();
        }
        return Optional.of(p);
    }
}
