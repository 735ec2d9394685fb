package com.securetrunk.gateway.sip;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.channels.SocketChannel;
import java.util.function.BiFunction;
import java.util.List;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * An outbound TLS socket handed to JAIN-SIP RI, identical to the one it wraps except that {@link #startHandshake()}
 * reports every failure as an {@link SSLHandshakeException}.
 *
 * <p>Why: JAIN-SIP RI 1.3.0-91's {@code IOHandler.sendBytes} treats only {@code SSLHandshakeException} as a failed
 * handshake; any other {@code IOException} is swallowed and the half-dead socket is returned and cached. BCJSSE (our
 * provider for legacy TLS 1.0/1.1 peers) reports a refused handshake as {@code TlsFatalAlertReceived}, a plain
 * {@code IOException}, and SunJSSE can report a reset mid-handshake as a {@code SocketException}. Unmapped, the send
 * "succeeds", the request waits for Timer F, and the reader thread's second {@code startHandshake()} kills it with
 * BCJSSE's "Renegotiation not supported". Mapped, the send fails at once with the refusal as its message, and the
 * B2BUA can fail over.
 */
final class HandshakeFailureSslSocket extends SSLSocket {
    private final SSLSocket d;

    private final com.securetrunk.gateway.tls.TlsHandshakeObserver observer;
    private final boolean inbound;
    private final com.securetrunk.gateway.sip.input.InputGuard guard;
    private InputStream framed;
    private boolean reported; // JAIN-SIP may call startHandshake() again on the same socket: count it once

    HandshakeFailureSslSocket(SSLSocket delegate) {
        this(delegate, com.securetrunk.gateway.tls.TlsHandshakeObserver.NONE);
    }

    HandshakeFailureSslSocket(SSLSocket delegate, com.securetrunk.gateway.tls.TlsHandshakeObserver observer) {
        this(delegate, observer, false);
    }

    /** {@code inbound}: an accepted connection (JAIN-SIP's reader thread calls {@link #startHandshake()} on it too). */
    HandshakeFailureSslSocket(SSLSocket delegate, com.securetrunk.gateway.tls.TlsHandshakeObserver observer, boolean inbound) {
        this(delegate, observer, inbound, null);
    }

    /** {@code guard}: an accepted connection's input is framed and checked by it (null: read as is). */
    HandshakeFailureSslSocket(SSLSocket delegate, com.securetrunk.gateway.tls.TlsHandshakeObserver observer, boolean inbound,
                              com.securetrunk.gateway.sip.input.InputGuard guard) {
        this.d = delegate;
        this.observer = observer;
        this.inbound = inbound;
        this.guard = guard;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (guard == null) {
            return d.getInputStream();
        }
        if (framed == null) {
            framed = new com.securetrunk.gateway.sip.input.FramingInputStream(d.getInputStream(), this, guard, Transport.TLS);
        }
        return framed;
    }

    @Override
    public void startHandshake() throws IOException {
        try {
            d.startHandshake();
            report(null);
        } catch (SSLHandshakeException e) {
            report(e);
            throw e;
        } catch (IOException | RuntimeException e) {
            report(e);
            SSLHandshakeException mapped = new SSLHandshakeException(rootMessage(e));
            mapped.initCause(e);
            try {
                d.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw mapped;
        }
    }

    private synchronized void report(Throwable failure) {
        if (reported) {
            return;
        }
        reported = true;
        if (failure == null) {
            observer.completed(inbound, d.getSession().getProtocol());
        } else {
            observer.failed(inbound, com.securetrunk.gateway.tls.TlsHandshakeObserver.reasonOf(failure));
        }
    }

    private static String rootMessage(Throwable e) {
        String msg = String.valueOf(e);
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof com.securetrunk.gateway.tls.CertificateRefusal) {
                return c.getMessage();
            }
        }
        return msg;
    }

    // Everything below delegates unchanged.

    @Override public String[] getSupportedCipherSuites() { return d.getSupportedCipherSuites(); }
    @Override public String[] getEnabledCipherSuites() { return d.getEnabledCipherSuites(); }
    @Override public void setEnabledCipherSuites(String[] suites) { d.setEnabledCipherSuites(suites); }
    @Override public String[] getSupportedProtocols() { return d.getSupportedProtocols(); }
    @Override public String[] getEnabledProtocols() { return d.getEnabledProtocols(); }
    @Override public void setEnabledProtocols(String[] protocols) { d.setEnabledProtocols(protocols); }
    @Override public SSLSession getSession() { return d.getSession(); }
    @Override public SSLSession getHandshakeSession() { return d.getHandshakeSession(); }
    @Override public void addHandshakeCompletedListener(HandshakeCompletedListener l) { d.addHandshakeCompletedListener(l); }
    @Override public void removeHandshakeCompletedListener(HandshakeCompletedListener l) { d.removeHandshakeCompletedListener(l); }
    @Override public void setUseClientMode(boolean mode) { d.setUseClientMode(mode); }
    @Override public boolean getUseClientMode() { return d.getUseClientMode(); }
    @Override public void setNeedClientAuth(boolean need) { d.setNeedClientAuth(need); }
    @Override public boolean getNeedClientAuth() { return d.getNeedClientAuth(); }
    @Override public void setWantClientAuth(boolean want) { d.setWantClientAuth(want); }
    @Override public boolean getWantClientAuth() { return d.getWantClientAuth(); }
    @Override public void setEnableSessionCreation(boolean flag) { d.setEnableSessionCreation(flag); }
    @Override public boolean getEnableSessionCreation() { return d.getEnableSessionCreation(); }
    @Override public SSLParameters getSSLParameters() { return d.getSSLParameters(); }
    @Override public void setSSLParameters(SSLParameters params) { d.setSSLParameters(params); }
    @Override public String getApplicationProtocol() { return d.getApplicationProtocol(); }
    @Override public String getHandshakeApplicationProtocol() { return d.getHandshakeApplicationProtocol(); }
    @Override public void setHandshakeApplicationProtocolSelector(BiFunction<SSLSocket, List<String>, String> s) {
        d.setHandshakeApplicationProtocolSelector(s);
    }
    @Override public BiFunction<SSLSocket, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return d.getHandshakeApplicationProtocolSelector();
    }

    @Override public void connect(SocketAddress endpoint) throws IOException { d.connect(endpoint); }
    @Override public void connect(SocketAddress endpoint, int timeout) throws IOException { d.connect(endpoint, timeout); }
    @Override public void bind(SocketAddress bindpoint) throws IOException { d.bind(bindpoint); }
    @Override public InetAddress getInetAddress() { return d.getInetAddress(); }
    @Override public InetAddress getLocalAddress() { return d.getLocalAddress(); }
    @Override public int getPort() { return d.getPort(); }
    @Override public int getLocalPort() { return d.getLocalPort(); }
    @Override public SocketAddress getRemoteSocketAddress() { return d.getRemoteSocketAddress(); }
    @Override public SocketAddress getLocalSocketAddress() { return d.getLocalSocketAddress(); }
    @Override public SocketChannel getChannel() { return d.getChannel(); }
    @Override public OutputStream getOutputStream() throws IOException { return d.getOutputStream(); }
    @Override public void setTcpNoDelay(boolean on) throws SocketException { d.setTcpNoDelay(on); }
    @Override public boolean getTcpNoDelay() throws SocketException { return d.getTcpNoDelay(); }
    @Override public void setSoLinger(boolean on, int linger) throws SocketException { d.setSoLinger(on, linger); }
    @Override public int getSoLinger() throws SocketException { return d.getSoLinger(); }
    @Override public void sendUrgentData(int data) throws IOException { d.sendUrgentData(data); }
    @Override public void setOOBInline(boolean on) throws SocketException { d.setOOBInline(on); }
    @Override public boolean getOOBInline() throws SocketException { return d.getOOBInline(); }
    @Override public void setSoTimeout(int timeout) throws SocketException { d.setSoTimeout(timeout); }
    @Override public int getSoTimeout() throws SocketException { return d.getSoTimeout(); }
    @Override public void setSendBufferSize(int size) throws SocketException { d.setSendBufferSize(size); }
    @Override public int getSendBufferSize() throws SocketException { return d.getSendBufferSize(); }
    @Override public void setReceiveBufferSize(int size) throws SocketException { d.setReceiveBufferSize(size); }
    @Override public int getReceiveBufferSize() throws SocketException { return d.getReceiveBufferSize(); }
    @Override public void setKeepAlive(boolean on) throws SocketException { d.setKeepAlive(on); }
    @Override public boolean getKeepAlive() throws SocketException { return d.getKeepAlive(); }
    @Override public void setTrafficClass(int tc) throws SocketException { d.setTrafficClass(tc); }
    @Override public int getTrafficClass() throws SocketException { return d.getTrafficClass(); }
    @Override public void setReuseAddress(boolean on) throws SocketException { d.setReuseAddress(on); }
    @Override public boolean getReuseAddress() throws SocketException { return d.getReuseAddress(); }
    @Override public void close() throws IOException { d.close(); }
    @Override public void shutdownInput() throws IOException { d.shutdownInput(); }
    @Override public void shutdownOutput() throws IOException { d.shutdownOutput(); }
    @Override public boolean isConnected() { return d.isConnected(); }
    @Override public boolean isBound() { return d.isBound(); }
    @Override public boolean isClosed() { return d.isClosed(); }
    @Override public boolean isInputShutdown() { return d.isInputShutdown(); }
    @Override public boolean isOutputShutdown() { return d.isOutputShutdown(); }
    @Override public String toString() { return d.toString(); }
}
