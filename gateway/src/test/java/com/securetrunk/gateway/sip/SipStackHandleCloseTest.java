package com.securetrunk.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.securetrunk.gateway.tls.TestPki;
import com.securetrunk.gateway.tls.TlsContextFactory;
import com.securetrunk.gateway.tls.TlsPeerPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;

/**
 * {@link SipStackHandle#close()} while peers keep connecting: the RI walks its connection tables unlocked while its
 * accept threads add to them, which can abort a stop half-way (ConcurrentModificationException, seen in CI). However
 * the stop goes, close must return normally and leave both connection-oriented ports free to bind again.
 */
class SipStackHandleCloseTest {
    private static final TestPki PKI = new TestPki("close");
    private static final String V4 = "127.0.0.1";

    @RepeatedTest(5)
    void closeRightAfterStartReturnsAndFreesTheUdpPort() throws Exception {
        int port = FreePorts.pick(V4);
        SipTestPeer peer = new SipTestPeer(new SipStackSettings("quick-" + System.nanoTime(),
                List.of(new ListenPoint(V4, port, Transport.UDP)), null, SipStackLimits.defaults()));
        assertThatCode(peer::close).as("close straight after start").doesNotThrowAnyException();
        try (java.net.DatagramSocket again = new java.net.DatagramSocket(new InetSocketAddress(InetAddress.getByName(V4), port))) {
            assertThat(again.isBound()).isTrue();
        }
    }

    @RepeatedTest(3)
    void closeUnderAConnectionStormReturnsAndFreesThePorts() throws Exception {
        int port = FreePorts.pick(V4);
        int tlsPort = FreePorts.pick(V4);
        TlsSide tls = new TlsSide(new TlsContextFactory(PKI.leaf("close.example.net"), List.of(PKI.caCert)),
                TlsPeerPolicy.secureDomain(null), OutboundTlsPolicies.fixed(TlsPeerPolicy.secureDomain(null)), 5_000);
        SipTestPeer peer = new SipTestPeer(new SipStackSettings("close-" + System.nanoTime(), List.of(
                new ListenPoint(V4, port, Transport.TCP), new ListenPoint(V4, tlsPort, Transport.TLS)),
                tls, SipStackLimits.defaults()));

        AtomicBoolean storm = new AtomicBoolean(true);
        AtomicInteger accepted = new AtomicInteger();
        Thread[] connectors = new Thread[4];
        for (int i = 0; i < connectors.length; i++) {
            int target = i % 2 == 0 ? port : tlsPort;
            connectors[i] = new Thread(() -> {
                while (storm.get()) {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(V4, target), 200);
                        accepted.incrementAndGet();
                    } catch (IOException refusedOnceClosed) {
                        Thread.onSpinWait();
                    }
                }
            }, "connector-" + i);
            connectors[i].start();
        }
        try {
            while (accepted.get() < 50) {
                Thread.sleep(5);
            }
            assertThatCode(peer::close).as("close while peers connect").doesNotThrowAnyException();
        } finally {
            storm.set(false);
            for (Thread t : connectors) {
                t.join(5_000);
            }
        }
        for (int p : new int[] {port, tlsPort}) {
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress(InetAddress.getByName(V4), p));
                assertThat(again.isBound()).as("port %d free after close", p).isTrue();
            }
        }
    }
}
