package com.securetrunk.gateway.sip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports free for both TCP and UDP on one address (JAIN-SIP cannot listen on port 0 over TCP/TLS). */
final class FreePorts {
    private FreePorts() {
    }

    static int pick(String address) throws IOException {
        InetAddress a = InetAddress.getByName(address);
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.setReuseAddress(false);
                tcp.bind(new InetSocketAddress(a, 0));
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(a, port))) {
                    return port;
                } catch (IOException inUseForUdp) {
                    // try another
                }
            }
        }
        throw new IOException("no port free for both TCP and UDP on " + address + " after 50 attempts");
    }
}
