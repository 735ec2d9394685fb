package com.securetrunk.ami;

import com.securetrunk.ami.connection.AmiException;
import com.securetrunk.ami.connection.ConnectionFactory;
import com.securetrunk.ami.connection.ManagerConnectionClient;
import com.securetrunk.ami.discovery.Discovery;
import com.securetrunk.ami.discovery.DiscoveryProbe;
import com.securetrunk.ami.discovery.PbxClassifier;
import com.securetrunk.ami.events.ChannelCorrelator;
import com.securetrunk.ami.provision.ManagedNames;
import com.securetrunk.ami.provision.ProvisionResult;
import com.securetrunk.ami.provision.Provisioner;
import com.securetrunk.ami.provision.TrunkSpec;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ReloadEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * The AMI bridge: keeps one logged-in AMI connection to the PBX, reconnecting with back-off; on every (re)connect
 * discovers the PBX and checks the trunk; turns channel events into {@link AmiBridgeListener} calls.
 *
 * <p>Threads: all work (connecting, discovery, provisioning, event handling, listener calls) runs on one bridge
 * thread. asterisk-java's reader thread only hands events over, because answers to the bridge's own actions arrive
 * on that same thread and would otherwise wait for themselves.
 */
public final class AmiBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AmiBridge.class);
    /** Login event classes: FullyBooted/Reload (system), Hangup (call), VarSet (dialplan). */
    static final String EVENT_MASK = "system,call,dialplan";
    private static final int MAX_CORRELATED_CHANNELS = 50_000;

    private final AmiSettings settings;
    private final AmiBridgeListener listener;
    private final ScheduledExecutorService executor;
    private final boolean ownsExecutor;
    private final Clock clock;
    private final DoubleSupplier random;
    private final ChannelCorrelator correlator;

    // Confined to the bridge thread.
    private ManagerConnection current;
    private int failedAttempts;
    private boolean started;
    private boolean stopped;
    private Instant lastCheckStarted = Instant.EPOCH;
    private ScheduledFuture<?> pending;
    private ScheduledFuture<?> pinger;

    private volatile ConnectionStatus status;
    private volatile int correlatedChannels;

    /** A bridge on its own daemon thread, with the system clock and jitter from {@link ThreadLocalRandom}. */
    public static AmiBridge create(AmiSettings settings, AmiBridgeListener listener) {
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "securetrunk-ami");
            t.setDaemon(true);
            return t;
        });
        return new AmiBridge(settings, listener, ex, true, Clock.systemUTC(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @param executor single-threaded scheduler the bridge runs on (tests may pass their own)
     * @param clock    for the timestamps in {@link ConnectionStatus}
     * @param random   jitter source, uniform in [0, 1)
     */
    public AmiBridge(AmiSettings settings, AmiBridgeListener listener, ScheduledExecutorService executor,
                     boolean ownsExecutor, Clock clock, DoubleSupplier random) {
        this.settings = settings;
        this.listener = listener;
        this.executor = executor;
        this.ownsExecutor = ownsExecutor;
        this.clock = clock;
        this.random = random;
        this.correlator = new ChannelCorrelator(
                settings.trunk().map(TrunkSpec::names).orElse(new ManagedNames("securetrunk")),
                MAX_CORRELATED_CHANNELS);
        this.status = new ConnectionStatus(ConnectionStatus.State.STOPPED, clock.instant(), 0, Optional.empty(),
                Optional.empty(), List.of());
    }

    /** Starts connecting in the background; returns at once. */
    public void start() {
        executor.execute(() -> {
            if (started || stopped) {
                return;
            }
            started = true;
            LOG.info("AMI bridge starting: {}", settings);
            connect();
        });
    }

    /** The connection as it is now (any thread). */
    public ConnectionStatus status() {
        return status;
    }

    /** Runs discovery and the provisioning check again now (e.g. from an admin command). */
    public void recheck() {
        executor.execute(() -> {
            if (current != null) {
                runChecks();
            }
        });
    }

    /**
     * Logs off and stops; waits up to the action timeout for the logoff. Call it from the gateway's shutdown, not
     * from a listener method (those run on the bridge thread, which this waits for).
     */
    @Override
    public void close() {
        var done = executor.submit(() -> {
            stopped = true;
            cancel(pending);
            cancel(pinger);
            ManagerConnection c = current;
            current = null;
            if (c != null && c.getState() == ManagerConnectionState.CONNECTED) {
                try {
                    c.logoff();
                } catch (RuntimeException e) {
                    LOG.debug("AMI logoff failed while stopping: {}", e.toString());
                }
            }
            setState(ConnectionStatus.State.STOPPED, Optional.empty());
        });
        try {
            done.get(settings.actionTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.debug("AMI bridge stop did not finish cleanly: {}", e.toString());
        }
        if (ownsExecutor) {
            executor.shutdownNow();
        }
    }

    // ---- bridge thread ----

    private void connect() {
        if (stopped) {
            return;
        }
        setState(ConnectionStatus.State.CONNECTING, status.lastError());
        ManagerConnection[] holder = new ManagerConnection[1];
        ManagerConnection c = ConnectionFactory.create(settings, () -> handOver(() -> onDrop(holder[0])));
        holder[0] = c;
        c.addEventListener(event -> onEvent(c, event));
        try {
            c.login(EVENT_MASK);
        } catch (AuthenticationFailedException e) {
            failed("Asterisk refused the AMI login of manager user '" + settings.username() + "' at "
                    + where() + " (" + e.getMessage() + "): check that user's secret, permit/deny and read/write "
                    + "classes in manager.conf (see docs/asterisk.md)");
            return;
        } catch (IOException e) {
            failed("cannot connect to Asterisk AMI at " + where() + ": " + e.getMessage());
            return;
        } catch (TimeoutException e) {
            failed("no answer from Asterisk AMI at " + where() + " within " + settings.actionTimeout().toMillis()
                    + " ms: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            failed("AMI login to " + where() + " failed: " + e);
            return;
        }
        if (stopped) {
            c.logoff();
            return;
        }
        current = c;
        failedAttempts = 0;
        LOG.info("AMI connected to {} ({})", where(), c.getProtocolIdentifier());
        setState(ConnectionStatus.State.CONNECTED, Optional.empty());
        schedulePing();
        runChecks();
    }

    private void failed(String why) {
        LOG.warn("AMI: {}", why);
        scheduleReconnect(Optional.of(why));
    }

    private void scheduleReconnect(Optional<String> why) {
        if (stopped) {
            return;
        }
        var delay = settings.backoff().delay(failedAttempts, random);
        failedAttempts++;
        setState(ConnectionStatus.State.WAITING_TO_RECONNECT, why);
        LOG.info("AMI: next connect attempt to {} in {} ms (attempt {})", where(), delay.toMillis(),
                failedAttempts);
        pending = executor.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void onDrop(ManagerConnection c) {
        if (c != current || stopped) {
            return;
        }
        current = null;
        cancel(pinger);
        String why = "connection to Asterisk AMI at " + where() + " lost";
        LOG.warn("AMI: {}", why);
        scheduleReconnect(Optional.of(why));
    }

    private void schedulePing() {
        long every = settings.pingInterval().toMillis();
        ManagerConnection c = current;
        pinger = executor.scheduleWithFixedDelay(() -> ping(c), every, every, TimeUnit.MILLISECONDS);
    }

    private void ping(ManagerConnection c) {
        if (c != current) {
            return;
        }
        try {
            c.sendAction(new PingAction(), settings.actionTimeout().toMillis());
        } catch (Exception e) {
            LOG.warn("AMI: Ping to {} failed ({}); reconnecting", where(), e.toString());
            try {
                c.logoff();
            } catch (RuntimeException ignored) {
                // already down
            }
            onDrop(c);
        }
    }

    /** Discovery, then the provisioning check. Each failure is reported, none stops the bridge. */
    private void runChecks() {
        lastCheckStarted = clock.instant();
        ManagerConnectionClient client = new ManagerConnectionClient(current, settings.actionTimeout().toMillis());
        Optional<ChannelDriver> driver = settings.configuredDriver();
        try {
            Discovery d = PbxClassifier.classify(DiscoveryProbe.read(client), settings.configuredDriver(),
                    settings.configuredProfile());
            LOG.info("AMI discovery: {}", d.identity().summary());
            d.warnings().forEach(w -> LOG.warn("AMI discovery: {}", w.message()));
            status = new ConnectionStatus(status.state(), status.since(), status.attempt(), status.lastError(),
                    Optional.of(d.identity()), d.warnings());
            driver = d.identity().driver();
            notify(() -> listener.onPbxIdentified(d.identity(), d.warnings()));
        } catch (AmiException e) {
            LOG.warn("AMI discovery failed: {}", e.getMessage());
        }
        provisionCheck(client, driver);
    }

    private void provisionCheck(ManagerConnectionClient client, Optional<ChannelDriver> driver) {
        if (settings.trunk().isEmpty()) {
            return;
        }
        if (driver.isEmpty()) {
            LOG.warn("AMI provisioning skipped: no SIP channel driver to provision a trunk for");
            return;
        }
        ProvisionResult r = new Provisioner(client).run(settings.trunk().get().withDriver(driver.get()), false);
        if (r.ok()) {
            LOG.info("AMI provisioning: {}", r.message());
        } else {
            LOG.error("AMI provisioning: {}", r.message());
        }
        notify(() -> listener.onProvisioned(r));
    }

    // ---- asterisk-java threads: hand over only ----

    private void onEvent(ManagerConnection c, ManagerEvent event) {
        if (event == null) {
            return;
        }
        Instant received = clock.instant();
        if (event instanceof HangupEvent || event instanceof VarSetEvent || event instanceof FullyBootedEvent
                || event instanceof ReloadEvent) {
            handOver(() -> handle(c, event, received));
        }
    }

    private void handle(ManagerConnection c, ManagerEvent event, Instant received) {
        if (c != current || stopped) {
            return;
        }
        if (event instanceof VarSetEvent v) {
            Optional<String> callId = correlator.onVarSet(v.getChannel(), v.getUniqueId(), v.getLinkedId(),
                    v.getVariable(), v.getValue());
            correlatedChannels = correlator.size();
            callId.ifPresent(id -> notify(() -> listener.onChannelCorrelated(id, v.getChannel(), v.getUniqueId(),
                    v.getLinkedId() == null ? v.getUniqueId() : v.getLinkedId())));
        } else if (event instanceof HangupEvent h) {
            Optional<ChannelHangup> hangup = correlator.onHangup(h.getChannel(), h.getUniqueId(), h.getLinkedId(),
                    h.getCause(), h.getCauseTxt());
            correlatedChannels = correlator.size();
            hangup.ifPresent(x -> {
                LOG.info("AMI: Asterisk hung up {} (Call-ID {}, uniqueid {}, linkedid {}, cause {} {})",
                        x.channel(), x.callId(), x.uniqueId(), x.linkedId(), x.cause(), x.causeText());
                notify(() -> listener.onChannelHangup(x));
            });
        } else if (!lastCheckStarted.isAfter(received)) {
            // FullyBooted right after our login is already covered by the check that login started.
            LOG.info("AMI: {} from Asterisk; checking the PBX and the trunk again",
                    event instanceof ReloadEvent r ? "Reload of " + r.getModule() : "FullyBooted");
            runChecks();
        }
    }

    // ---- helpers ----

    /** From asterisk-java's threads to the bridge thread; after {@link #close()} there is nothing to hand over to. */
    private void handOver(Runnable task) {
        try {
            executor.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // closed: the event or drop no longer matters
        }
    }

    private void setState(ConnectionStatus.State state, Optional<String> error) {
        ConnectionStatus s = new ConnectionStatus(state, clock.instant(), failedAttempts, error,
                status.identity(), status.warnings());
        status = s;
        notify(() -> listener.onConnectionState(s));
    }

    private void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("AMI bridge listener threw: {}", e.toString());
        }
    }

    private String where() {
        return settings.host() + ":" + settings.port();
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    /** Channels currently tied to a Call-ID, for diagnostics (any thread). */
    public int correlatedChannels() {
        return correlatedChannels;
    }
}
