package com.securetrunk.testpbx.ami;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A byte-level AMI client for tests: sends exact bytes, reads exact messages (up to the blank line). */
public final class RawAmiClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawAmiClient(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.connect(address, 5000);
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Reads one CRLF-terminated line, CRLF included (the banner). */
    public String readLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("EOF after " + b.toString(StandardCharsets.UTF_8));
            }
            b.write(c);
            byte[] a = b.toByteArray();
            if (a.length >= 2 && a[a.length - 2] == '\r' && a[a.length - 1] == '\n') {
                return b.toString(StandardCharsets.UTF_8);
            }
        }
    }

    /** Reads one message including its terminating {@code \r\n\r\n}. */
    public String readMessage() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("EOF after " + b.toString(StandardCharsets.UTF_8));
            }
            b.write(c);
            byte[] a = b.toByteArray();
            int n = a.length;
            if (n >= 4 && a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n') {
                return b.toString(StandardCharsets.UTF_8);
            }
        }
    }

    /** Reads messages until one starts with {@code prefix}; skips unsolicited events in between. */
    public String readMessageStartingWith(String prefix) throws IOException {
        for (int i = 0; i < 200; i++) {
            String m = readMessage();
            if (m.startsWith(prefix)) {
                return m;
            }
        }
        throw new IOException("no message starting with " + prefix);
    }

    /** True if the server closed the connection within the timeout (read returns EOF). */
    public boolean closedByServer(int timeoutMs) throws IOException {
        socket.setSoTimeout(timeoutMs);
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // connection reset also means closed
        } finally {
            socket.setSoTimeout(5000);
        }
    }

    /** True if nothing arrives within {@code ms}. */
    public boolean silentFor(int ms) throws IOException {
        socket.setSoTimeout(ms);
        try {
            int c = in.read();
            if (c >= 0) {
                return false;
            }
            return true;
        } catch (SocketTimeoutException e) {
            return true;
        } finally {
            socket.setSoTimeout(5000);
        }
    }

    public void send(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
