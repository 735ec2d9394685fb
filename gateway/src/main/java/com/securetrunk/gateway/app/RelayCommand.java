package com.securetrunk.gateway.app;

import com.securetrunk.gateway.media.RelayConfig;
import com.securetrunk.gateway.media.ng.NgServer;
import com.securetrunk.gateway.media.netty.NettyMediaRelay;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code securetrunk relay}: the media relay on its own, controlled over rtpengine's ng protocol, so a
 * Kamailio/OpenSIPS rtpengine module or the load harness can drive it. Runs until stopped (SIGTERM/SIGINT).
 */
@Command(name = "relay", mixinStandardHelpOptions = true,
        description = "Run the RTP<->SRTP media relay alone, controlled over the rtpengine ng protocol (UDP).")
public final class RelayCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--ng-port", defaultValue = "22222", description = "UDP port of the ng control listener (default: ${DEFAULT-VALUE})")
    int ngPort;

    @Option(names = "--ng-host", defaultValue = "127.0.0.1", description = "address of the ng control listener (default: ${DEFAULT-VALUE})")
    String ngHost;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "media address: sockets bind to it and SDP advertises it (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--ports", defaultValue = "30000-39999", description = "media port range MIN-MAX (default: ${DEFAULT-VALUE})")
    String ports;

    @Option(names = "--loops", defaultValue = "0", description = "packet threads, 0 = one per core (default: ${DEFAULT-VALUE})")
    int loops;

    @Option(names = "--timeout", defaultValue = "60", description = "seconds without media before a call is dropped (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--quarantine", defaultValue = "2", description = "seconds a released port waits before reuse (default: ${DEFAULT-VALUE})")
    int quarantineSeconds;

    @Option(names = "--nio", description = "use the NIO transport even where native epoll is available")
    boolean nio;

    @Override
    public void run() {
        String[] range = ports.split("-");
        int min;
        int max;
        try {
            min = Integer.parseInt(range[0].trim());
            max = Integer.parseInt(range[range.length - 1].trim());
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--ports '" + ports + "' (expected: MIN-MAX, e.g. 30000-39999)");
        }
        if (range.length != 2 || timeoutSeconds <= 0 || quarantineSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--ports must be MIN-MAX, --timeout > 0, --quarantine >= 0");
        }
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            // buffer leak sampling costs on every packet read; keep it for tests and debugging, not for the relay
            System.setProperty("io.netty.leakDetection.level", "disabled");
        }
        RelayConfig config = new RelayConfig(host, min, max, Duration.ofSeconds(quarantineSeconds),
                Duration.ofSeconds(timeoutSeconds), loops, !nio);
        AtomicReference<NgServer> ng = new AtomicReference<>();
        NettyMediaRelay relay = new NettyMediaRelay(config, (id, idle) -> {
            NgServer s = ng.get();
            if (s != null) {
                s.sessionTimedOut(id);
            }
        });
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            ng.set(new NgServer(relay, host, new InetSocketAddress(ngHost, ngPort)));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                ng.get().close();
                relay.close();
                stopped.countDown();
            }, "relay-shutdown"));
            System.out.println("relay: ng on " + ng.get().localAddress() + ", media " + host + " ports " + min + "-" + max
                    + ", transport " + relay.transportName() + ", " + config.loopCount() + " loop(s), timeout "
                    + timeoutSeconds + " s");
            System.out.flush();
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
