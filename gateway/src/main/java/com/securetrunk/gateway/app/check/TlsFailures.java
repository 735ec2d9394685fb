package com.securetrunk.gateway.app.check;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLHandshakeException;

/** Turns a failed connect or handshake into a sentence saying what probably went wrong. */
final class TlsFailures {
    private TlsFailures() {
    }

    static String explain(IOException e) {
        String m = String.valueOf(e.getMessage());
        if (e instanceof ConnectException) {
            return "TCP connect refused or unreachable (" + m + "): nothing listens there, or a firewall drops it";
        }
        if (e instanceof SocketTimeoutException) {
            return "timed out (" + m + "): the port may be filtered, or the peer does not speak TLS there";
        }
        if (e instanceof SSLHandshakeException) {
            if (m.contains("protocol_version") || m.contains("No appropriate protocol")) {
                return "handshake failed: no common TLS version (we offer TLS 1.2 and 1.3) - " + m;
            }
            if (m.contains("handshake_failure") || m.contains("no cipher suites")) {
                return "handshake failed: no common cipher suite, or the peer wants a client certificate - " + m;
            }
            if (m.contains("Unsupported or unrecognized SSL message") || m.contains("plaintext")) {
                return "handshake failed: the peer answered in plain text (is this the TLS port? 5061 is usual) - " + m;
            }
            return "handshake failed: " + m;
        }
        if (m.contains("Remote host terminated") || m.contains("closed")) {
            return "the peer closed the connection during the handshake (" + m + ")";
        }
        return m;
    }
}
