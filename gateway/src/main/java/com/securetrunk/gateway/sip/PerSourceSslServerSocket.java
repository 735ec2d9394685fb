package com.securetrunk.gateway.sip;

import com.securetrunk.gateway.tls.TlsContextFactory;
import com.securetrunk.gateway.tls.TlsPeerPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.channels.ServerSocketChannel;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS listener that applies the policy of each connection's source address ({@link InboundTlsPolicies}) to the
 * accepted socket before its handshake starts (JAIN-SIP's OIO reader thread starts it on first read). Everything
 * else, including the stack-wide settings JAIN-SIP applies to the listener itself, passes through to the wrapped
 * socket; the per-source protocols and suites then narrow them per connection.
 */
final class PerSourceSslServerSocket extends SSLServerSocket {
    private final SSLServerSocket d;
    private final TlsContextFactory contexts;
    private final InboundTlsPolicies inbound;
    private final com.securetrunk.gateway.sip.input.InputGuard guard;

    PerSourceSslServerSocket(SSLServerSocket delegate, TlsContextFactory contexts, InboundTlsPolicies inbound,
                             com.securetrunk.gateway.sip.input.InputGuard guard) throws IOException {
        this.d = delegate;
        this.contexts = contexts;
        this.inbound = inbound;
        this.guard = guard;
    }

    @Override
    public Socket accept() throws IOException {
        SSLSocket s = (SSLSocket) d.accept();
        s.setTcpNoDelay(true); // as for outbound connections (PolicyNetworkLayer): no Nagle delay per SIP message
        try {
            TlsPeerPolicy policy = inbound.forSource(s.getInetAddress());
            SSLParameters narrowed = contexts.serverParameters(policy);
            s.setEnabledProtocols(narrowed.getProtocols());
            s.setEnabledCipherSuites(narrowed.getCipherSuites());
        } catch (RuntimeException e) {
            s.close();
            throw new IOException("cannot apply the TLS policy for " + s.getInetAddress() + ": " + e.getMessage(), e);
        }
        // the wrapper reports the handshake's outcome (success or failure by reason) once, as inbound, and frames and
        // checks what the peer sends (InputGuard)
        return new HandshakeFailureSslSocket(s, contexts.handshakes(), true, guard);
    }

    @Override public String[] getEnabledCipherSuites() { return d.getEnabledCipherSuites(); }
    @Override public void setEnabledCipherSuites(String[] suites) { d.setEnabledCipherSuites(suites); }
    @Override public String[] getSupportedCipherSuites() { return d.getSupportedCipherSuites(); }
    @Override public String[] getSupportedProtocols() { return d.getSupportedProtocols(); }
    @Override public String[] getEnabledProtocols() { return d.getEnabledProtocols(); }
    @Override public void setEnabledProtocols(String[] protocols) { d.setEnabledProtocols(protocols); }
    @Override public void setNeedClientAuth(boolean need) { d.setNeedClientAuth(need); }
    @Override public boolean getNeedClientAuth() { return d.getNeedClientAuth(); }
    @Override public void setWantClientAuth(boolean want) { d.setWantClientAuth(want); }
    @Override public boolean getWantClientAuth() { return d.getWantClientAuth(); }
    @Override public void setUseClientMode(boolean mode) { d.setUseClientMode(mode); }
    @Override public boolean getUseClientMode() { return d.getUseClientMode(); }
    @Override public void setEnableSessionCreation(boolean flag) { d.setEnableSessionCreation(flag); }
    @Override public boolean getEnableSessionCreation() { return d.getEnableSessionCreation(); }
    @Override public SSLParameters getSSLParameters() { return d.getSSLParameters(); }
    @Override public void setSSLParameters(SSLParameters params) { d.setSSLParameters(params); }

    @Override public void bind(SocketAddress endpoint) throws IOException { d.bind(endpoint); }
    @Override public void bind(SocketAddress endpoint, int backlog) throws IOException { d.bind(endpoint, backlog); }
    @Override public InetAddress getInetAddress() { return d.getInetAddress(); }
    @Override public int getLocalPort() { return d.getLocalPort(); }
    @Override public SocketAddress getLocalSocketAddress() { return d.getLocalSocketAddress(); }
    @Override public void close() throws IOException { d.close(); }
    @Override public ServerSocketChannel getChannel() { return d.getChannel(); }
    @Override public boolean isBound() { return d.isBound(); }
    @Override public boolean isClosed() { return d.isClosed(); }
    @Override public void setSoTimeout(int timeout) throws SocketException { d.setSoTimeout(timeout); }
    @Override public int getSoTimeout() throws IOException { return d.getSoTimeout(); }
    @Override public void setReuseAddress(boolean on) throws SocketException { d.setReuseAddress(on); }
    @Override public boolean getReuseAddress() throws SocketException { return d.getReuseAddress(); }
    @Override public void setReceiveBufferSize(int size) throws SocketException { d.setReceiveBufferSize(size); }
    @Override public int getReceiveBufferSize() throws SocketException { return d.getReceiveBufferSize(); }
    @Override public void setPerformancePreferences(int connectionTime, int latency, int bandwidth) {
        d.setPerformancePreferences(connectionTime, latency, bandwidth);
    }
    @Override public String toString() { return d.toString(); }
}
