package com.securetrunk.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.testpbx.asterisk.AsteriskPersonality;
import com.securetrunk.testpbx.asterisk.SimulatedAsterisk;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /ready} honours the AMI bridge: with {@code ami.enabled = true} it answers 200 only while AMI is logged
 * in, 503 naming AMI while the PBX is away, and 200 again after reconnecting; without AMI it is ready on its own.
 */
class ReadinessWithAmiTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String USER = "securetrunk";
    private static final String SECRET = "amisecret";
    private static final String METRICS = "metrics { enabled = true, address = \"127.0.0.1\", port = 0 }\n";
    private static final String SECURE = "secure-domain { targets = [ { host = \"domain.sip.example.test\", port = 5061 } ] }\n";

    @TempDir
    Path dir;

    private SimulatedAsterisk pbx;
    private Gateway gateway;

    @AfterEach
    void stop() throws Exception {
        CallChecks.closeAll(gateway, pbx);
    }

    private HttpResponse<String> ready() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.adminPort() + "/ready"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> awaitReady(Predicate<HttpResponse<String>> until, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> r = ready();
        while (!until.test(r)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what + "; last /ready " + r.statusCode() + " "
                        + r.body() + "; AMI " + gateway.amiStatus());
            }
            Thread.sleep(20);
            r = ready();
        }
        return r;
    }

    private static SimulatedAsterisk startPbx(int amiPort) throws Exception {
        return SimulatedAsterisk.builder(AsteriskPersonality.V20).amiPort(amiPort).amiUser(USER, SECRET)
                .loginFailDelay(Duration.ofMillis(50)).start();
    }

    /** The same port again; the old socket may take a moment to be released. */
    private static SimulatedAsterisk restartPbx(int amiPort) throws Exception {
        java.net.BindException last = null;
        for (int i = 0; i < 30; i++) {
            try {
                return startPbx(amiPort);
            } catch (java.net.BindException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw last;
    }

    @Test
    void readyFollowsTheAmiConnectionThroughAPbxOutageAndBack() throws Exception {
        pbx = startPbx(0);
        int amiPort = pbx.amiAddress().getPort();
        gateway = GatewayFixture.start(dir, 5060, SECURE + METRICS + """
                ami {
                  enabled = true, host = "127.0.0.1", port = %d, username = %s, secret = "%s"
                  provision-trunk = false, reconnect-min-delay = 50ms, reconnect-max-delay = 300ms
                }
                """.formatted(amiPort, USER, SECRET));

        HttpResponse<String> up = awaitReady(r -> r.statusCode() == 200, "ready once AMI is logged in");
        assertThat(up.body()).isEqualTo("READY\n");
        assertThat(gateway.amiStatus().orElseThrow().connected()).isTrue();

        pbx.close();
        pbx = null;
        HttpResponse<String> down = awaitReady(r -> r.statusCode() != 200, "not ready while the PBX is away");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).startsWith("NOT READY\n").contains("AMI not connected to 127.0.0.1:" + amiPort);

        pbx = restartPbx(amiPort);
        HttpResponse<String> back = awaitReady(r -> r.statusCode() == 200, "ready again after reconnecting");
        assertThat(back.body()).isEqualTo("READY\n");
    }

    @Test
    void withoutAmiTheGatewayIsReadyOnItsOwn() throws Exception {
        gateway = GatewayFixture.start(dir, 5060, SECURE + METRICS);
        assertThat(gateway.amiStatus()).isEmpty();
        HttpResponse<String> r = ready();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("READY\n").doesNotContain("AMI");
    }
}
