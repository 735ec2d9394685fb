package com.securetrunk.gateway.sip.input;

import com.securetrunk.gateway.sip.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/**
 * A SIP TCP listener whose accepted connections read through a {@link FramingInputStream}. Built the way
 * {@link ServerSocket} supports subclasses returning their own sockets ({@link #implAccept}).
 */
public final class GuardedServerSocket extends ServerSocket {
    private final InputGuard guard;

    public GuardedServerSocket(int port, int backlog, InetAddress bindAddress, InputGuard guard) throws IOException {
        super(port, backlog, bindAddress);
        this.guard = guard;
    }

    @Override
    public Socket accept() throws IOException {
        if (isClosed()) {
            throw new SocketException("Socket is closed");
        }
        Socket s = new Framed(guard);
        implAccept(s);
        return s;
    }

    /** An accepted connection whose input is framed and checked. */
    private static final class Framed extends Socket {
        private final InputGuard guard;
        private InputStream framed;

        Framed(InputGuard guard) {
            this.guard = guard;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (framed == null) {
                framed = new FramingInputStream(super.getInputStream(), this, guard, Transport.TCP);
            }
            return framed;
        }
    }
}
