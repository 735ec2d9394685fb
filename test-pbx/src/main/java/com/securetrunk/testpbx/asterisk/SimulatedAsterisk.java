package com.securetrunk.testpbx.asterisk;

import com.securetrunk.testpbx.ami.AmiActionHandler;
import com.securetrunk.testpbx.ami.AmiEvent;
import com.securetrunk.testpbx.ami.AmiMessage;
import com.securetrunk.testpbx.ami.AmiServer;
import com.securetrunk.testpbx.ami.AmiSession;
import com.securetrunk.testpbx.ami.EventClass;
import com.securetrunk.testpbx.ami.ManagerUser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import com.securetrunk.testpbx.sip.SdpStyle;
import com.securetrunk.testpbx.sip.SipUa;
import com.securetrunk.testpbx.sip.Transport;
import com.securetrunk.testpbx.sip.UaConfig;

/**
 * A simulated Asterisk: AMI server + in-memory config + channel table, in front of a SIP side that implements
 * {@link ChannelDriver}. Started with {@link #builder(AsteriskPersonality)}; closed with {@link #close()}.
 *
 * <p>Trunks come from the files as they were at the last reload of their module ({@code chan_sip.so} reads
 * {@code sip.conf}, {@code res_pjsip.so} reads {@code pjsip.conf}); UpdateConfig alone changes nothing live.
 */
public final class SimulatedAsterisk implements IncomingCalls, AutoCloseable {

    private static final DateTimeFormatter BUILD_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final AsteriskPersonality personality;
    private final ConfigStore configs = new ConfigStore();
    private final ChannelTable channels;
    private final List<Module> modules;
    private final CliCommands cli;
    private final ScheduledExecutorService timers;
    private final ReentrantLock reloadLock = new ReentrantLock();
    private final Instant startedAt = Instant.now();
    private final InetSocketAddress sipBind;
    private volatile Instant lastReloadAt = startedAt;
    private volatile List<Trunk> sipPeers = List.of();
    private volatile List<Trunk> pjsipEndpoints = List.of();
    private volatile ChannelDriver channelDriver;
    private volatile boolean dropByes;
    private AmiServer ami;
    private SipUa sipUa;

    private SimulatedAsterisk(Builder b) {
        this.personality = b.personality;
        this.sipBind = new InetSocketAddress(b.bindAddress, b.sipPort);
        this.channels = new ChannelTable(this::publish);
        this.modules = Modules.forPersonality(personality);
        this.cli = new CliCommands(this);
        this.channelDriver = b.channelDriver;
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "asterisk-timers");
            t.setDaemon(true);
            return t;
        });
        configs.save(ConfigText.parse("sip.conf", b.sipConf != null ? b.sipConf : defaultSipConf()));
        configs.save(ConfigText.parse("pjsip.conf", b.pjsipConf != null ? b.pjsipConf : defaultPjsipConf()));
        configs.save(ConfigText.parse("extensions.conf", b.extensionsConf != null ? b.extensionsConf
                : "[general]\nstatic=yes\nwriteprotect=no\n\n[default]\nexten => 600,1,Answer()\n"
                + "exten => 600,n,Echo()\n"));
        loadSip();
        loadPjsip();
    }

    public static Builder builder(AsteriskPersonality personality) {
        return new Builder(personality);
    }

    private void startAmi(Builder b) throws IOException {
        Map<String, AmiActionHandler> h = new LinkedHashMap<>();
        CoreActions core = new CoreActions(this);
        ConfigActions config = new ConfigActions(this);
        PeerListActions peers = new PeerListActions(this);
        CallActions calls = new CallActions(this, timers);
        h.put("ping", core::ping);
        h.put("coresettings", core::coreSettings);
        h.put("corestatus", core::coreStatus);
        h.put("command", core::command);
        h.put("getconfig", config::getConfig);
        h.put("updateconfig", config::updateConfig);
        h.put("reload", config::reload);
        h.put("moduleload", config::moduleLoad);
        h.put("originate", calls::originate);
        h.put("hangup", calls::hangup);
        h.put("sippeers", peers::sipPeers);
        h.put("pjsipshowendpoints", peers::pjsipShowEndpoints);
        h.put("coreshowchannels", peers::coreShowChannels);
        h.put("status", peers::status);
        List<ManagerUser> users = List.of(new ManagerUser(b.amiUser, b.amiSecret));
        ami = AmiServer.start(new AmiServer.Config(new InetSocketAddress(b.bindAddress, b.amiPort),
                personality.amiVersion(), users, h, this::afterLogin, b.loginFailDelay));
    }

    /** FullyBooted (and SuccessfulAuth, class security) right after a login, as in the 20.20.1 transcript. */
    private List<AmiEvent> afterLogin(AmiSession s) {
        List<AmiEvent> events = new ArrayList<>();
        AmiMessage.Builder booted = AmiMessage.builder();
        if (personality.fullyBootedHasUptime()) {
            booted.add("Uptime", Duration.between(startedAt, Instant.now()).getSeconds())
                    .add("LastReload", Duration.between(lastReloadAt, Instant.now()).getSeconds());
        }
        booted.add("Status", "Fully Booted");
        events.add(new AmiEvent("FullyBooted", EventClass.SYSTEM, booted.build()));
        Instant now = Instant.now();
        events.add(new AmiEvent("SuccessfulAuth", EventClass.SECURITY, AmiMessage.builder()
                .add("EventTV", AmiSession.eventTv(now))
                .add("Severity", "Informational")
                .add("Service", "AMI")
                .add("EventVersion", "1")
                .add("AccountID", s.username())
                .add("SessionID", s.sessionIdHex())
                .add("LocalAddress", AmiSession.securityAddress(s.localAddress()))
                .add("RemoteAddress", AmiSession.securityAddress(s.remoteAddress()))
                .add("UsingPassword", "0")
                .add("SessionTV", AmiSession.eventTv(s.started()))
                .build()));
        return events;
    }

    // ---------------------------------------------------------------- state for the actions

    public AsteriskPersonality personality() {
        return personality;
    }

    /** The AMI listening address (the real port when started with port 0). */
    public InetSocketAddress amiAddress() {
        return ami.address();
    }

    /** Open AMI sessions (a session dropped for not reading its events no longer counts). */
    public int amiSessionCount() {
        return ami.sessionCount();
    }

    /** Where the SIP side is told to listen ({@code udpbindaddr} of the default sip.conf). */
    public InetSocketAddress sipBindAddress() {
        return sipBind;
    }

    public ConfigStore configs() {
        return configs;
    }

    public ChannelTable channels() {
        return channels;
    }

    CliCommands cli() {
        return cli;
    }

    List<Module> modules() {
        return modules;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant lastReloadAt() {
        return lastReloadAt;
    }

    /** chan_sip peers live since the last reload of chan_sip.so. */
    public List<Trunk> sipPeers() {
        return sipPeers;
    }

    /** res_pjsip endpoints live since the last reload of res_pjsip.so. */
    public List<Trunk> pjsipEndpoints() {
        return pjsipEndpoints;
    }

    /** Every live trunk, chan_sip peers first. */
    public List<Trunk> trunks() {
        List<Trunk> all = new ArrayList<>(sipPeers);
        all.addAll(pjsipEndpoints);
        return all;
    }

    public Optional<Trunk> liveTrunk(Trunk.Driver driver, String name) {
        List<Trunk> list = driver == Trunk.Driver.SIP ? sipPeers : pjsipEndpoints;
        return list.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    int channelCount(Trunk t) {
        String prefix = (t.driver().technology() + "/" + t.name() + "-").toLowerCase(Locale.ROOT);
        return (int) channels.list().stream().filter(c -> c.name().toLowerCase(Locale.ROOT).startsWith(prefix))
                .count();
    }

    ChannelDriver channelDriver() {
        return channelDriver;
    }

    /** Attaches the SIP side (it usually needs this PBX as its {@link IncomingCalls} first, hence a setter). */
    public void channelDriver(ChannelDriver driver) {
        this.channelDriver = driver;
    }

    /**
     * Fault injection: while on, a channel the PBX hangs up itself (AMI Hangup, Originate timeout) ends without its
     * BYE/CANCEL ever reaching the far end, as when that packet is lost. The Hangup event is emitted as usual.
     */
    public void dropByes(boolean on) {
        this.dropByes = on;
    }

    boolean dropsByes() {
        return dropByes;
    }

    /**
     * The channel learns its SIP Call-ID. chan_sip sets {@code SIPCALLID} on every channel it creates
     * ({@code sip_new}), hence a VarSet right after Newchannel. res_pjsip sets nothing itself: the SecureTrunk
     * drop-in dialplan does ({@code SECURETRUNK_CALLID}, docs/asterisk.md), so a PJSIP channel announces it only
     * when extensions.conf holds that line: {@code ${CHANNEL(pjsip,call-id)}} in the pre-dial handler for calls
     * the PBX places, {@code ${PJSIP_HEADER(read,Call-ID)}} for calls it receives. This simulator runs no dialplan:
     * it applies the pre-dial handler to every call it places on a PJSIP trunk, Originate included (a real
     * Asterisk runs it only under {@code Dial(...,b(...))}, e.g. through {@code Local/NUMBER@securetrunk-out}).
     */
    void announceSipCallId(Channel ch, String callId, boolean placedByPbx) {
        if (callId == null || callId.isEmpty()) {
            return;
        }
        if (ch.driver() == Trunk.Driver.SIP) {
            channels.setVariable(ch, "SIPCALLID", callId);
            return;
        }
        String dialplan = configs.snapshot("extensions.conf").map(ConfigFile::render).orElse("")
                .replace(" ", "");
        String source = placedByPbx ? "${CHANNEL(pjsip,call-id)}" : "${PJSIP_HEADER(read,Call-ID)}";
        if (dialplan.contains("Set(SECURETRUNK_CALLID=" + source + ")")) {
            channels.setVariable(ch, "SECURETRUNK_CALLID", callId);
        }
    }

    /** {@code core show version}. */
    String versionLine() {
        return "Asterisk " + personality.asteriskVersion() + " built by root @ securetrunk-testpbx on a x86_64"
                + " running Linux on " + BUILD_DATE.format(startedAt);
    }

    /** Publishes an event to every AMI session whose mask includes its class. */
    public void publish(AmiEvent event) {
        AmiServer server = ami;
        if (server != null) {
            server.publish(event);
        }
    }

    // ---------------------------------------------------------------- reload

    /**
     * {@code ast_module_reload}: {@code null} reloads every reloadable module; otherwise the named one. Publishes
     * the Reload event (Module name or {@code All}, Status number) whatever the outcome.
     */
    public ReloadResult reload(String moduleName) {
        ReloadResult result = reloadWithoutEvent(moduleName);
        publishReloadEvent(moduleName, result);
        return result;
    }

    /** The reload itself; the AMI actions answer first and publish the Reload event after, as Asterisk does. */
    ReloadResult reloadWithoutEvent(String moduleName) {
        ReloadResult result;
        if (!reloadLock.tryLock()) {
            result = ReloadResult.IN_PROGRESS;
        } else {
            try {
                result = doReload(moduleName);
            } finally {
                reloadLock.unlock();
            }
        }
        return result;
    }

    void publishReloadEvent(String moduleName, ReloadResult result) {
        publish(new AmiEvent("Reload", EventClass.SYSTEM, AmiMessage.builder()
                .add("Module", moduleName == null ? "All" : moduleName)
                .add("Status", result.status()).build()));
    }

    private ReloadResult doReload(String moduleName) {
        if (moduleName == null) {
            loadSip();
            loadPjsip();
            lastReloadAt = Instant.now();
            return ReloadResult.SUCCESS;
        }
        Optional<Module> module = modules.stream().filter(m -> m.matches(moduleName)).findFirst();
        if (module.isEmpty()) {
            return ReloadResult.NOT_FOUND;
        }
        if (!module.get().reloadable()) {
            return ReloadResult.NOT_IMPLEMENTED;
        }
        String file = module.get().configFile().orElse("");
        if (file.equals("sip.conf")) {
            loadSip();
        } else if (file.equals("pjsip.conf")) {
            loadPjsip();
        }
        lastReloadAt = Instant.now();
        return ReloadResult.SUCCESS;
    }

    private void loadSip() {
        sipPeers = List.copyOf(TrunkDirectory.fromSipConf(configs.snapshot("sip.conf")
                .orElseGet(() -> new ConfigFile("sip.conf"))));
    }

    private void loadPjsip() {
        pjsipEndpoints = List.copyOf(TrunkDirectory.fromPjsipConf(configs.snapshot("pjsip.conf")
                .orElseGet(() -> new ConfigFile("pjsip.conf"))));
    }

    // ---------------------------------------------------------------- incoming calls from the SIP side

    @Override
    public InboundChannel incoming(InetSocketAddress source, String exten, CallerId caller,
                                   ChannelDriver.CallHandle control) {
        Objects.requireNonNull(source, "source");
        // chan_sip matches a peer on address and port; insecure=port drops the port from the match.
        Optional<Trunk> peer = trunks().stream().filter(t -> t.dialable() && t.port() == source.getPort()
                && sameHost(t.host(), source.getAddress())).findFirst()
                .or(() -> trunks().stream().filter(t -> t.dialable()
                        && t.options().getOrDefault("insecure", "").toLowerCase(Locale.ROOT).contains("port")
                        && sameHost(t.host(), source.getAddress())).findFirst());
        Trunk.Driver driver = peer.map(Trunk::driver).orElse(Trunk.Driver.SIP);
        String peerName = peer.map(Trunk::name).orElse(source.getAddress().getHostAddress());
        String context = peer.map(Trunk::context).orElse(guestContext());
        Channel ch = channels.create(driver, peerName, context, exten, caller);
        ch.callHandle(control);
        announceSipCallId(ch, control.sipCallId(), false);
        channels.newState(ch, ChannelState.RING);
        return new InboundChannel() {
            @Override
            public String channelName() {
                return ch.name();
            }

            @Override
            public void answered() {
                if (!ch.isHungUp()) {
                    channels.newState(ch, ChannelState.UP);
                }
            }

            @Override
            public void hungUp(HangupCause cause) {
                channels.hangup(ch, cause, false, true);
            }
        };
    }

    private String guestContext() {
        return configs.snapshot("sip.conf").flatMap(f -> f.category("general")).flatMap(g -> g.get("context"))
                .orElse("default");
    }

    private static boolean sameHost(String host, InetAddress address) {
        if (host.equalsIgnoreCase(address.getHostAddress())) {
            return true;
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (a.equals(address)) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private String defaultSipConf() {
        return "[general]\ncontext=default\nudpbindaddr=" + hostPort(sipBind) + "\ntcpenable=no\ntlsenable=no\n"
                + "transport=udp\nallowguest=yes\nalwaysauthreject=yes\ndisallow=all\nallow=ulaw\nallow=alaw\n"
                + "useragent=Asterisk PBX " + personality.asteriskVersion() + "\nsipdebug=no\n";
    }

    private String defaultPjsipConf() {
        return "[transport-udp]\ntype=transport\nprotocol=udp\nbind=" + hostPort(sipBind) + "\n";
    }

    private static String hostPort(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    /** The SIP user agent that carries this PBX's calls, when started with {@link Builder#withSipUa()}. */
    public Optional<SipUa> sipUa() {
        return Optional.ofNullable(sipUa);
    }

    @Override
    public void close() {
        if (ami != null) {
            ami.close();
        }
        if (sipUa != null) {
            sipUa.close();
        }
        timers.shutdownNow();
    }

    /** Start-up options. Everything binds to loopback. */
    public static final class Builder {
        private final AsteriskPersonality personality;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int amiPort = 5038;
        private int sipPort = 5060;
        private String amiUser = "admin";
        private String amiSecret = "secret";
        private String sipConf;
        private String pjsipConf;
        private String extensionsConf;
        private ChannelDriver channelDriver;
        private Duration loginFailDelay = Duration.ofSeconds(1);
        private boolean withSipUa;

        private Builder(AsteriskPersonality personality) {
            this.personality = Objects.requireNonNull(personality, "personality");
        }

        public Builder bindAddress(InetAddress address) {
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("bind address " + address.getHostAddress()
                        + " is not loopback: the simulated PBX listens on 127.0.0.1 / ::1 only");
            }
            this.bindAddress = address;
            return this;
        }

        /** AMI port; 0 picks an ephemeral one. Default 5038. */
        public Builder amiPort(int port) {
            this.amiPort = port;
            return this;
        }

        /** The SIP port written into the default sip.conf / pjsip.conf. Default 5060. */
        public Builder sipPort(int port) {
            this.sipPort = port;
            return this;
        }

        public Builder amiUser(String user, String secret) {
            this.amiUser = Objects.requireNonNull(user);
            this.amiSecret = Objects.requireNonNull(secret);
            return this;
        }

        /** Initial sip.conf text (replaces the default). */
        public Builder sipConf(String text) {
            this.sipConf = text;
            return this;
        }

        /** Initial pjsip.conf text (replaces the default). */
        public Builder pjsipConf(String text) {
            this.pjsipConf = text;
            return this;
        }

        public Builder extensionsConf(String text) {
            this.extensionsConf = text;
            return this;
        }

        public Builder channelDriver(ChannelDriver driver) {
            this.channelDriver = driver;
            return this;
        }

        /** Delay before "Authentication failed" (real Asterisk: 1 s). Tests may shorten it. */
        public Builder loginFailDelay(Duration delay) {
            this.loginFailDelay = Objects.requireNonNull(delay);
            return this;
        }

        /**
         * Also starts the SIP user agent (UDP and TCP on the SIP port, loopback) and wires it in: Originate places
         * real SIP calls through the trunk, and calls it receives emit channel events.
         */
        public Builder withSipUa() {
            this.withSipUa = true;
            return this;
        }

        public SimulatedAsterisk start() throws IOException {
            SipUa ua = null;
            if (withSipUa) {
                String ident = "Asterisk PBX " + personality.asteriskVersion();
                ua = SipUa.start(UaConfig.pbx().name("pbx-" + personality.cliName()).address(bindAddress)
                        .ports(sipPort, sipPort, -1).userAgent(ident).sdp(SdpStyle.CHAN_SIP, ident));
                sipPort = ua.port(Transport.UDP);
            }
            SimulatedAsterisk pbx;
            try {
                pbx = new SimulatedAsterisk(this);
            } catch (RuntimeException e) {
                if (ua != null) {
                    ua.close();
                }
                throw e;
            }
            if (ua != null) {
                pbx.sipUa = ua;
                SipUaChannelDriver driver = new SipUaChannelDriver(ua);
                driver.deliverIncomingTo(pbx);
                pbx.channelDriver(driver);
            }
            try {
                pbx.startAmi(this);
            } catch (IOException | RuntimeException e) {
                pbx.close();
                throw e;
            }
            return pbx;
        }
    }
}
