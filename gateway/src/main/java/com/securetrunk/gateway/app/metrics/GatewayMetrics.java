package com.securetrunk.gateway.app.metrics;

import com.securetrunk.gateway.media.LegStats;
import com.securetrunk.gateway.media.MediaRelay;
import com.securetrunk.gateway.media.PortPool;
import com.securetrunk.gateway.sip.CallObserver;
import com.securetrunk.gateway.sip.CallSummary;
import com.securetrunk.gateway.sip.Side;
import com.securetrunk.gateway.sip.Transport;
import com.securetrunk.gateway.sip.input.BadInputObserver;
import com.securetrunk.gateway.sip.input.BadInputOutcome;
import com.securetrunk.gateway.tls.TlsHandshakeObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;

/**
 * The gateway's metrics, behind one small facade: the B2BUA reports call events ({@link CallObserver}), the TLS
 * sockets report handshakes ({@link TlsHandshakeObserver}), and the media relay and port pool are read when scraped.
 *
 * <p>Names as Prometheus shows them: {@code securetrunk_calls_active}, {@code securetrunk_calls_started_total{from}},
 * {@code securetrunk_calls_ended_total{reason}}, {@code securetrunk_calls_failed_total{reason}},
 * {@code securetrunk_call_setup_seconds} (histogram), {@code securetrunk_tls_handshakes_total{direction}},
 * {@code securetrunk_tls_handshake_failures_total{direction,reason}}, {@code securetrunk_media_packets_total{direction}},
 * {@code securetrunk_media_bytes_total{direction}} (received / sent),
 * {@code securetrunk_media_forwarded_packets_total{direction}} and {@code securetrunk_media_forwarded_bytes_total{direction}}
 * (legacy-to-secure / secure-to-legacy), {@code securetrunk_srtp_auth_failures_total},
 * {@code securetrunk_srtp_replays_total}, {@code securetrunk_media_dropped_total},
 * {@code securetrunk_media_ports_in_use}, {@code securetrunk_media_ports_capacity},
 * {@code securetrunk_media_ports_quarantined}, {@code securetrunk_ami_connected},
 * {@code securetrunk_sip_bad_messages_total{side,transport,outcome}} (outcome {@code answered_400}, {@code answered_413},
 * {@code answered_505} or {@code dropped}: messages the SIP listeners kept from the stack, {@link BadInputObserver}),
 * {@code securetrunk_sip_refused_total{side,status,rule}} (requests refused by a policy or limit before any call existed,
 * e.g. {@code rule="invite-rate-per-source"} with 503).
 */
public final class GatewayMetrics implements CallObserver, TlsHandshakeObserver, BadInputObserver {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger active = new AtomicInteger();
    private final Timer setup;
    private volatile TotalsCache totals;
    private volatile SidesCache sides;
    // media of ended calls, per direction: [legacy-to-secure packets, bytes, secure-to-legacy packets, bytes]
    private final java.util.concurrent.atomic.AtomicLongArray endedMedia = new java.util.concurrent.atomic.AtomicLongArray(4);

    public GatewayMetrics() {
        Gauge.builder("securetrunk.calls.active", active, AtomicInteger::get)
                .description("Calls in progress (INVITE received, not yet ended)").register(registry);
        setup = Timer.builder("securetrunk.call.setup")
                .description("INVITE received to 200 OK sent to the caller")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        TotalsCache t = totals;
        if (t != null) {
            t.refresh();
        }
        SidesCache s = sides;
        if (s != null) {
            s.refresh();
        }
        return registry.scrape();
    }

    // ---------------------------------------------------------------- calls

    @Override
    public void callStarted(CallSummary call) {
        active.incrementAndGet();
        Counter.builder("securetrunk.calls.started").description("Calls started (INVITEs accepted for processing)")
                .tag("from", side(call)).register(registry).increment();
    }

    @Override
    public void callAnswered(CallSummary call) {
        setup.record(call.setupTime());
    }

    @Override
    public void callEnded(CallSummary call) {
        // what a leg received is what the gateway forwarded toward the other side
        if (call.legacyMedia() != null) {
            endedMedia.addAndGet(0, call.legacyMedia().packetsIn());
            endedMedia.addAndGet(1, call.legacyMedia().bytesIn());
        }
        if (call.secureMedia() != null) {
            endedMedia.addAndGet(2, call.secureMedia().packetsIn());
            endedMedia.addAndGet(3, call.secureMedia().bytesIn());
        }
        String reason = label(call.endReason());
        Counter.builder("securetrunk.calls.ended").description("Calls ended, by reason")
                .tag("reason", reason).register(registry).increment();
        if (call.failed()) {
            Counter.builder("securetrunk.calls.failed").description("Calls that ended without being answered, by reason")
                    .tag("reason", reason).register(registry).increment();
        }
        // last: a scrape that sees the call gone from calls_active also sees why it ended (they were read in between)
        active.decrementAndGet();
    }

    private static String side(CallSummary call) {
        return call.from().name().toLowerCase(Locale.ROOT);
    }

    /** Reasons are short rule ids already; this only bounds their length and alphabet. */
    private static String label(String reason) {
        String r = reason == null || reason.isEmpty() ? "unknown" : reason.toLowerCase(Locale.ROOT);
        r = r.replaceAll("[^a-z0-9_.-]", "_");
        return r.length() > 48 ? r.substring(0, 48) : r;
    }

    // ---------------------------------------------------------------- TLS

    @Override
    public void completed(boolean inbound, String protocol) {
        Counter.builder("securetrunk.tls.handshakes").description("TLS handshakes completed")
                .tag("direction", inbound ? "inbound" : "outbound").register(registry).increment();
    }

    @Override
    public void failed(boolean inbound, String reason) {
        Counter.builder("securetrunk.tls.handshake.failures").description("TLS handshakes that failed, by reason")
                .tag("direction", inbound ? "inbound" : "outbound").tag("reason", label(reason))
                .register(registry).increment();
    }

    @Override
    public void requestRefused(Side side, int status, String rule) {
        Counter.builder("securetrunk.sip.refused").description("Requests refused before any call existed, by rule (policy or limit)")
                .tag("side", side.name().toLowerCase(Locale.ROOT)).tag("status", Integer.toString(status)).tag("rule", label(rule))
                .register(registry).increment();
    }

    // ---------------------------------------------------------------- bad SIP input

    @Override
    public void badMessage(Side side, Transport transport, BadInputOutcome outcome) {
        Counter.builder("securetrunk.sip.bad.messages")
                .description("SIP messages refused before the stack: answered 400/413/505 or dropped")
                .tag("side", side.name().toLowerCase(Locale.ROOT)).tag("transport", transport.name().toLowerCase(Locale.ROOT))
                .tag("outcome", outcome.label()).register(registry).increment();
    }

    // ---------------------------------------------------------------- media

    /**
     * Counters read from the relay's totals when scraped (the relay's counters are summed once per scrape, not per
     * meter) and gauges on the port pool. "received" is what the relay took in from peers on either leg, "sent"
     * what it sent out.
     */
    public void bindMedia(MediaRelay relay, PortPool pool) {
        TotalsCache cache = new TotalsCache(relay);
        totals = cache;
        fc("securetrunk.media.packets", "RTP/RTCP packets relayed", cache, LegStats::packetsIn, "received");
        fc("securetrunk.media.packets", "RTP/RTCP packets relayed", cache, LegStats::packetsOut, "sent");
        fc("securetrunk.media.bytes", "RTP/RTCP bytes relayed (as on the wire)", cache, LegStats::bytesIn, "received");
        fc("securetrunk.media.bytes", "RTP/RTCP bytes relayed (as on the wire)", cache, LegStats::bytesOut, "sent");
        FunctionCounter.builder("securetrunk.srtp.auth.failures", cache, c -> c.get().authFailures())
                .description("SRTP/SRTCP packets whose authentication tag did not verify (dropped)").register(registry);
        FunctionCounter.builder("securetrunk.srtp.replays", cache, c -> c.get().replays())
                .description("SRTP/SRTCP packets rejected by the replay window (dropped)").register(registry);
        FunctionCounter.builder("securetrunk.media.dropped", cache, c -> c.get().dropped())
                .description("Inbound media packets dropped for any reason").register(registry);
        Gauge.builder("securetrunk.media.sessions", relay, MediaRelay::sessionCount)
                .description("Media sessions allocated").register(registry);
        Gauge.builder("securetrunk.media.ports.in.use", pool, PortPool::inUse).description("Media ports allocated").register(registry);
        Gauge.builder("securetrunk.media.ports.quarantined", pool, PortPool::quarantined)
                .description("Media ports released recently and not yet reusable").register(registry);
        Gauge.builder("securetrunk.media.ports.capacity", pool, PortPool::capacity).description("Media ports in the pool").register(registry);
    }

    private void fc(String name, String description, TotalsCache cache, ToDoubleFunction<LegStats> f, String direction) {
        FunctionCounter.builder(name, cache, c -> f.applyAsDouble(c.get())).description(description)
                .tag("direction", direction).register(registry);
    }

    /**
     * {@code securetrunk_media_forwarded_packets_total{direction}} and {@code securetrunk_media_forwarded_bytes_total{direction}}
     * with direction {@code legacy-to-secure} or {@code secure-to-legacy}: what the relay received on each side's leg
     * (as on the wire there), from the calls that ended plus, read when scraped, the per-session counters of the calls
     * in progress. {@code sessions} lists those calls' media sessions; leg "a" of each stream is the legacy side.
     */
    public void bindSides(MediaRelay relay, java.util.function.Supplier<java.util.List<com.securetrunk.gateway.media.SessionId>> sessions) {
        SidesCache cache = new SidesCache(relay, sessions, endedMedia);
        sides = cache;
        for (int i = 0; i < 4; i++) {
            int field = i;
            FunctionCounter.builder(i % 2 == 0 ? "securetrunk.media.forwarded.packets" : "securetrunk.media.forwarded.bytes",
                            cache, c -> c.get(field))
                    .description(i % 2 == 0 ? "RTP/RTCP packets received on one side's leg, to forward to the other"
                            : "RTP/RTCP bytes received on one side's leg (as on the wire there), to forward to the other")
                    .tag("direction", i < 2 ? "legacy-to-secure" : "secure-to-legacy").register(registry);
        }
    }

    /** Per-direction media counters, computed once per scrape; never lower than the last scrape's (counters). */
    private static final class SidesCache {
        private final MediaRelay relay;
        private final java.util.function.Supplier<java.util.List<com.securetrunk.gateway.media.SessionId>> sessions;
        private final java.util.concurrent.atomic.AtomicLongArray ended;
        private final long[] last = new long[4];

        SidesCache(MediaRelay relay, java.util.function.Supplier<java.util.List<com.securetrunk.gateway.media.SessionId>> sessions,
                   java.util.concurrent.atomic.AtomicLongArray ended) {
            this.relay = relay;
            this.sessions = sessions;
            this.ended = ended;
        }

        synchronized void refresh() {
            long[] now = new long[4];
            for (int i = 0; i < 4; i++) {
                now[i] = ended.get(i);
            }
            for (com.securetrunk.gateway.media.SessionId id : sessions.get()) {
                try {
                    for (var st : relay.stats(id).streams()) {
                        now[0] += st.a().packetsIn();
                        now[1] += st.a().bytesIn();
                        now[2] += st.b().packetsIn();
                        now[3] += st.b().bytesIn();
                    }
                } catch (RuntimeException released) {
                    // the call ended meanwhile: its counters are (or will be) in the ended totals
                }
            }
            for (int i = 0; i < 4; i++) {
                last[i] = Math.max(last[i], now[i]); // a call between release and callEnded must not make a dip
            }
        }

        synchronized double get(int field) {
            return last[field];
        }
    }

    /** {@code securetrunk_ami_connected}: 1 while the AMI bridge is logged in, else 0. */
    public void bindAmi(BooleanSupplier connected) {
        Gauge.builder("securetrunk.ami.connected", connected, c -> c.getAsBoolean() ? 1 : 0)
                .description("1 while the AMI connection is logged in").register(registry);
    }

    /** The relay's totals, read once per scrape and shared by every media meter of that scrape. */
    private static final class TotalsCache {
        private final MediaRelay relay;
        private volatile LegStats last = LegStats.ZERO;

        TotalsCache(MediaRelay relay) {
            this.relay = relay;
        }

        void refresh() {
            try {
                last = relay.totals();
            } catch (RuntimeException closed) {
                // relay closed: keep the last values
            }
        }

        LegStats get() {
            return last;
        }
    }
}
