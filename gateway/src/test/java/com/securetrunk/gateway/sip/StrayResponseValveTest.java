package com.securetrunk.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.securetrunk.gateway.tls.TestPki;
import com.securetrunk.gateway.tls.TlsContextFactory;
import com.securetrunk.gateway.tls.TlsPeerPolicy;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPClientTransaction;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sip.ClientTransaction;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import javax.sip.address.SipURI;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@link StrayResponseValve} on stacks built by {@link SipStackFactory}: installed on every one, it takes a response
 * with an RFC 3261 branch that matches no client transaction (and only those) off the stack's search through every
 * client transaction, straight to the dialog layer. Stray responses arrive over a real UDP socket.
 */
class StrayResponseValveTest {
    private static final TestPki PKI = new TestPki("valve");
    private static final String V4 = "127.0.0.1";
    private static final long WAIT_MS = 10_000;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private static int stackCounter;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private SipTestPeer peer(Transport... transports) throws java.io.IOException {
        int port = FreePorts.pick(V4);
        List<ListenPoint> lps = new ArrayList<>();
        for (Transport t : transports) {
            lps.add(new ListenPoint(V4, t == Transport.TLS ? FreePorts.pick(V4) : port, t));
        }
        TlsSide tls = new TlsSide(new TlsContextFactory(PKI.leaf("valve.example.net"), List.of(PKI.caCert)),
                TlsPeerPolicy.secureDomain(null), OutboundTlsPolicies.fixed(TlsPeerPolicy.secureDomain(null)), 5_000);
        SipTestPeer p = new SipTestPeer(new SipStackSettings("valve-" + (++stackCounter), lps, tls, SipStackLimits.defaults()));
        toClose.add(p);
        return p;
    }

    private static SIPTransactionStack stack(SipTestPeer p) {
        return (SIPTransactionStack) p.handle.stack();
    }

    private static StrayResponseValve valve(SipTestPeer p) {
        List<SIPMessageValve> valves = stack(p).sipMessageValves;
        assertThat(valves).as("valves of %s", p.handle.stack().getStackName()).isNotNull();
        return valves.stream().filter(StrayResponseValve.class::isInstance).map(StrayResponseValve.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no StrayResponseValve on the stack: " + valves));
    }

    /** A 200 OK to an INVITE, with our stack's Via on top (as the response to a request it sent would carry). */
    private static String ok(ListeningPoint lp, String branch, String callId) {
        return "SIP/2.0 200 OK\r\n"
                + "Via: SIP/2.0/UDP " + lp.getIPAddress() + ":" + lp.getPort() + (branch == null ? "" : ";branch=" + branch) + "\r\n"
                + "From: <sip:gw@" + lp.getIPAddress() + ">;tag=f" + callId.hashCode() + "\r\n"
                + "To: <sip:far@127.0.0.1>;tag=t" + callId.hashCode() + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:far@127.0.0.1:5999>\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static SIPResponse parse(String text) throws Exception {
        return (SIPResponse) new StringMsgParser().parseSIPMessage(text.getBytes(StandardCharsets.UTF_8), true, false, null);
    }

    private static void awaitStrays(StrayResponseValve v, long n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_MS * 1_000_000;
        while (v.straysHandled() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void everyStackTheFactoryBuildsCarriesAnInitialisedValve() throws Exception {
        SipTestPeer udp = peer(Transport.UDP);
        SipTestPeer all = peer(Transport.UDP, Transport.TCP, Transport.TLS);
        try (DatagramSocket far = new DatagramSocket(0, InetAddress.getByName(V4))) {
            for (SipTestPeer p : List.of(udp, all)) {
                StrayResponseValve v = valve(p);
                ListeningPoint lp = p.handle.provider(Transport.UDP).orElseThrow().getListeningPoint("udp");
                // initialised (it reached the stack's dialog layer): a stray RFC 3261 response is handled here
                send(far, lp, ok(lp, "z9hG4bK" + UUID.randomUUID(), UUID.randomUUID() + "@far"));
                awaitStrays(v, 1);
                assertThat(v.straysHandled()).as("strays handled on %s", p.handle.stack().getStackName()).isEqualTo(1);
            }
        }
    }

    private static void send(DatagramSocket from, ListeningPoint to, String message) throws java.io.IOException {
        byte[] b = message.getBytes(StandardCharsets.UTF_8);
        from.send(new DatagramPacket(b, b.length, InetAddress.getByName(to.getIPAddress()), to.getPort()));
    }

    @Test
    void responsesTheStackCanFindByKeyOrMustSearchForTakeTheStacksPath() throws Exception {
        SipTestPeer p = peer(Transport.UDP);
        StrayResponseValve v = valve(p);
        SipProvider provider = p.handle.provider(Transport.UDP).orElseThrow();
        ListeningPoint lp = provider.getListeningPoint("udp");

        // RFC 2543: no magic cookie, the transaction is found by comparing headers; the stack must do that search
        assertThat(v.processResponse(parse(ok(lp, "1a2b3c4d", UUID.randomUUID() + "@x")), null)).isTrue();
        assertThat(v.processResponse(parse(ok(lp, null, UUID.randomUUID() + "@x")), null)).isTrue();
        // RFC 3261 branch of a transaction that is open: the stack finds it by key
        ClientTransaction ct = provider.getNewClientTransaction(invite(provider, lp, V4, FreePorts.pick(V4)));
        stack(p).addTransaction((SIPClientTransaction) ct);
        String branch = ct.getBranchId();
        assertThat(branch).startsWith("z9hG4bK");
        String callId = ((javax.sip.header.CallIdHeader) ct.getRequest().getHeader("Call-ID")).getCallId();
        assertThat(v.processResponse(parse(ok(lp, branch, callId)), null)).isTrue();
        assertThat(v.straysHandled()).as("none of these is a stray for the valve").isZero();
    }

    @Test
    void strayResponsesOverUdpSkipTheSearchThroughThousandsOfOpenClientTransactionsAndLeaveNoErrors() throws Exception {
        SipTestPeer p = peer(Transport.UDP);
        StrayResponseValve v = valve(p);
        SipProvider provider = p.handle.provider(Transport.UDP).orElseThrow();
        ListeningPoint lp = provider.getListeningPoint("udp");
        int blackHole = FreePorts.pick(V4);
        int open = 5_000;
        for (int i = 0; i < open; i++) {
            // opened, never sent: they sit in the table the RI would search through, with no timers running
            stack(p).addTransaction((SIPClientTransaction) provider.getNewClientTransaction(invite(provider, lp, V4, blackHole)));
        }
        assertThat(stack(p).getClientTransactionTableSize()).isGreaterThanOrEqualTo(open);

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        int strays = 200;
        try (DatagramSocket far = new DatagramSocket(0, InetAddress.getByName(V4))) {
            for (int i = 0; i < strays; i++) {
                send(far, lp, ok(lp, "z9hG4bK" + UUID.randomUUID(), UUID.randomUUID() + "@far"));
                awaitStrays(v, i + 1); // one at a time: a burst would overflow the socket's receive buffer
            }
        } finally {
            root.detachAppender(log);
        }
        assertThat(v.straysHandled()).as("stray 2xx handed to the dialog layer by the valve").isEqualTo(strays);
        // The RI logs every stack's events through one shared logger (named after the newest stack), so a TCP/TLS
        // channel thread left by an earlier test class (a handshake ending late) can log in this window; the stack
        // under test is UDP-only, so events from connection threads are not its own.
        assertThat(log.list).as("nothing went wrong on the stack's side")
                .filteredOn(e -> !e.getThreadName().startsWith("TLSMessageChannelThread")
                        && !e.getThreadName().startsWith("TCPMessageChannelThread"))
                .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN) || e.getThrowableProxy() != null);
        // and the stack still works
        SipTestPeer other = peer(Transport.UDP);
        ListeningPoint otherLp = other.handle.provider(Transport.UDP).orElseThrow().getListeningPoint("udp");
        assertThat(p.options(V4, Transport.UDP, V4, otherLp.getPort(), WAIT_MS).ok()).isTrue();
    }

    private static Request invite(SipProvider provider, ListeningPoint lp, String host, int port) throws Exception {
        SipURI target = SipTestPeer.ADDRESSES.createSipURI("far", host);
        target.setPort(port);
        List<ViaHeader> vias = new ArrayList<>();
        vias.add(SipTestPeer.HEADERS.createViaHeader(lp.getIPAddress(), lp.getPort(), "udp", null));
        Request invite = SipTestPeer.MESSAGES.createRequest(target, Request.INVITE,
                provider.getNewCallId(),
                SipTestPeer.HEADERS.createCSeqHeader(1L, Request.INVITE),
                SipTestPeer.HEADERS.createFromHeader(SipTestPeer.ADDRESSES.createAddress(
                        SipTestPeer.ADDRESSES.createSipURI("gw", lp.getIPAddress())), "f" + System.nanoTime()),
                SipTestPeer.HEADERS.createToHeader(SipTestPeer.ADDRESSES.createAddress(target), null),
                vias, SipTestPeer.HEADERS.createMaxForwardsHeader(70));
        invite.addHeader(SipTestPeer.HEADERS.createContactHeader(SipTestPeer.ADDRESSES.createAddress(
                SipTestPeer.ADDRESSES.createSipURI("gw", lp.getIPAddress() + ":" + lp.getPort()))));
        return invite;
    }
}
