package com.securetrunk.gateway.media.ng;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** A test ng client: cookie + bencoded dictionary over UDP, waits for the reply with the same cookie. */
final class NgClient implements AutoCloseable {
    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private static final java.util.concurrent.atomic.AtomicInteger N = new java.util.concurrent.atomic.AtomicInteger();

    NgClient(InetSocketAddress server) throws IOException {
        this.server = server;
        this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        socket.setSoTimeout(5000);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> call(Map<String, Object> request) throws IOException {
        return (Map<String, Object>) Bencode.decode(raw(Bencode.encode(request)));
    }

    /** Sends {@code body} (already bencoded or deliberately broken) and returns the reply body. */
    byte[] raw(byte[] body) throws IOException {
        String cookie = "t" + N.incrementAndGet() + "_" + ProcessHandle.current().pid();
        byte[] c = (cookie + " ").getBytes(StandardCharsets.ISO_8859_1);
        byte[] d = Arrays.copyOf(c, c.length + body.length);
        System.arraycopy(body, 0, d, c.length, body.length);
        socket.send(new DatagramPacket(d, d.length, server));
        byte[] buf = new byte[65535];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            socket.receive(p);
            NgFrame f = NgFrame.parse(Arrays.copyOf(buf, p.getLength()));
            if (f.cookie().equals(cookie)) {
                return Arrays.copyOfRange(f.body(), f.bodyOffset(), f.body().length);
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
