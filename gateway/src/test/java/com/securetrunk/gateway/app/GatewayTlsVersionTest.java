package com.securetrunk.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.securetrunk.gateway.sip.Transport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PBX profile that allows TLS 1.0 (asterisk-13.8-cert2, PJSIP 2.5 era) opens TLS 1.0 on the legacy listener
 * only: a TLS 1.0 client gets a SIP answer there, while the secure side still refuses the TLS 1.0 handshake.
 */
class GatewayTlsVersionTest {
    @TempDir
    Path dir;

    private Gateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private static SSLSocket tls10(int port) throws Exception {
        // the gateway's own BCJSSE instance (package-private): the one whose constraints allow TLS 1.0
        java.lang.reflect.Method get = Class.forName("com.securetrunk.gateway.tls.LegacyTlsProvider").getDeclaredMethod("get");
        get.setAccessible(true);
        SSLContext ctx = SSLContext.getInstance("TLS", (java.security.Provider) get.invoke(null));
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // this client only probes the protocol version
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port);
        s.setSoTimeout(10_000);
        s.setEnabledProtocols(new String[] {"TLSv1"});
        return s;
    }

    private static String options(int port) {
        return "OPTIONS sip:securetrunk@127.0.0.1:" + port + ";transport=tls SIP/2.0\r\n"
                + "Via: SIP/2.0/TLS 127.0.0.1:5099;branch=z9hG4bK-tls10-probe\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:pbx@127.0.0.1>;tag=1\r\nTo: <sip:securetrunk@127.0.0.1>\r\n"
                + "Call-ID: tls10-probe@127.0.0.1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
    }

    @Test
    void tls10IsAcceptedOnTheLegacySideForAPbxProfileThatAllowsItAndRefusedOnTheSecureSide() throws Exception {
        gateway = GatewayFixture.start(dir, 5099, """
                sip.legacy { transports = [udp, tcp, tls], tls-port = 0 }
                pbx.profile = asterisk-13.8-cert2
                """);
        int legacyTls = gateway.legacyPort(Transport.TLS);
        try (SSLSocket s = tls10(legacyTls)) {
            s.startHandshake();
            assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1");
            OutputStream out = s.getOutputStream();
            out.write(options(legacyTls).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("SIP/2.0 200 OK");
        }
        try (SSLSocket s = tls10(gateway.secureTlsPort())) {
            assertThatThrownBy(s::startHandshake).isInstanceOf(java.io.IOException.class);
        }
    }
}
