package com.securetrunk.gateway.sip;

import com.securetrunk.gateway.sip.input.GuardedDatagramSocket;
import com.securetrunk.gateway.sip.input.GuardedServerSocket;
import com.securetrunk.gateway.sip.input.InputGuard;
import com.securetrunk.gateway.tls.TlsPeerPolicy;
import gov.nist.core.net.DefaultNetworkLayer;
import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * JAIN-SIP RI's socket factory ({@code gov.nist.javax.sip.NETWORK_LAYER}), the OIO hook through which every TLS
 * socket of the stack is ours:
 * <ul>
 *   <li>TLS listeners come from the side's {@link TlsSide#serverPolicy()} context (provider, versions, suites, client
 *       auth, our certificate and trust manager), and each accepted connection is narrowed to the policy of its
 *       source address ({@link PerSourceSslServerSocket}, {@link InboundTlsPolicies});</li>
 *   <li>outbound TLS sockets are connected to the peer, then layered with the context of that peer's policy
 *       ({@link OutboundTlsPolicies}), with SNI and the expected host name the trust manager checks. JAIN-SIP hands
 *       us only an {@code InetAddress}: the name comes from the peer policy, else from the name the address was
 *       resolved from, else the IP (then matched against IP SANs). JAIN-SIP caches one channel per IP:port, so a
 *       resolved name sticks to the first request sent to that address: register the expected name per peer
 *       address in {@link OutboundTlsPolicies} rather than relying on resolution.</li>
 * </ul>
 * Every listener, UDP, TCP and TLS, is also where bad input stops: what its connections or datagrams carry reaches the
 * stack only if the side's {@link InputGuard} passes it ({@link GuardedDatagramSocket}, {@link GuardedServerSocket},
 * and {@link HandshakeFailureSslSocket} for TLS), which answers 400/413/505 or drops the rest. Outbound connections
 * and the stack's sending sockets are JAIN-SIP's defaults (plain) or ours as above (TLS), unguarded. Instantiated by
 * JAIN-SIP with the no-arg constructor; configured in {@link #setSipStack} from {@link NetworkLayerRegistry}.
 */
public final class PolicyNetworkLayer implements NetworkLayer {
    private final NetworkLayer plain = DefaultNetworkLayer.SINGLETON;
    private volatile TlsSide side;
    private volatile InputGuard guard;

    public PolicyNetworkLayer() {
        // configured in setSipStack
    }

    @Override
    public void setSipStack(SipStackImpl sipStack) {
        NetworkLayerRegistry.Setup setup = NetworkLayerRegistry.lookup(
                sipStack.getConfigurationProperties().getProperty(NetworkLayerRegistry.PROPERTY));
        if (setup == null) {
            throw new IllegalStateException("no network layer setup for SIP stack " + sipStack.getStackName()
                    + " (stacks are built by SipStackFactory)");
        }
        this.side = setup.tls();
        this.guard = setup.guard();
    }

    private TlsSide tls() throws IOException {
        TlsSide s = side;
        if (s == null) {
            throw new IOException("TLS is not configured on this SIP stack (no certificate/CA settings for its side)");
        }
        return s;
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        TlsSide s = tls();
        return new PerSourceSslServerSocket(s.contexts().listen(s.serverPolicy(), port, backlog, bindAddress), s.contexts(), s.inbound(),
                guard);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return createSSLSocket(address, port, null);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        TlsSide s = tls();
        TlsPeerPolicy policy = s.outbound().forPeer(address, port);
        InetAddress local = myAddress == null || myAddress.isAnyLocalAddress() ? null : myAddress;
        SSLSocket socket = s.contexts().connect(policy, address, port, local, s.connectTimeoutMs());
        // SIP messages are small writes on a connection shared by many calls: with Nagle's algorithm (JAIN-SIP never
        // sets TCP_NODELAY) a message waits for the ACK of the previous one, which cost 30 ms median / 180 ms p99
        // INVITE->200 at 100 calls/s in bench/signalling (8 ms / 40 ms with it off)
        socket.setTcpNoDelay(true);
        return new HandshakeFailureSslSocket(socket, s.contexts().handshakes());
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return new GuardedServerSocket(port, backlog, bindAddress, guard);
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return plain.createSocket(address, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return plain.createSocket(address, port, myAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress, int myPort) throws IOException {
        return plain.createSocket(address, port, myAddress, myPort);
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        return plain.createDatagramSocket();
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress laddr) throws SocketException {
        // JAIN-SIP asks for a bound datagram socket only for a UDP listening point; multicast is not a SIP listener here
        return laddr.isMulticastAddress() ? plain.createDatagramSocket(port, laddr) : new GuardedDatagramSocket(port, laddr, guard);
    }
}
