package com.securetrunk.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SipTraceSwitchTest {

    @Test
    void tracingIsPerPeerAndStarTracesEveryone() {
        SipTraceSwitch t = new SipTraceSwitch();
        assertThat(t.tracing("192.0.2.1")).isFalse();
        t.set("192.0.2.1", true);
        assertThat(t.tracing("192.0.2.1")).isTrue();
        assertThat(t.tracing("192.0.2.2")).isFalse();
        t.set("*", true);
        assertThat(t.tracing("192.0.2.2")).isTrue();
        t.set("*", false);
        t.set("192.0.2.1", false);
        assertThat(t.peers()).isEmpty();
        assertThat(t.tracing("192.0.2.1")).isFalse();
    }

    @Test
    void theNumberOfTracedPeersIsBounded() {
        SipTraceSwitch t = new SipTraceSwitch();
        for (int i = 0; i < SipTraceSwitch.MAX_PEERS; i++) {
            t.set("10.0." + (i / 256) + "." + (i % 256), true);
        }
        assertThatThrownBy(() -> t.set("192.0.2.9", true)).hasMessageContaining("at most " + SipTraceSwitch.MAX_PEERS);
        t.set("10.0.0.0", true); // already traced: fine
    }

    @Test
    void tracedMessagesCarryNoKeyAndNoDigestCredentials() {
        String msg = "INVITE sip:1000@gw SIP/2.0\r\n"
                + "Authorization: Digest username=\"trunk\", realm=\"r\", nonce=\"n\", response=\"0123456789abcdef\"\r\n"
                + "proxy-authorization: Digest username=\"trunk\", response=\"fedcba\"\r\n"
                + "Content-Type: application/sdp\r\n\r\n"
                + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz|2^20|1:4\r\n";
        String masked = SipTraceSwitch.mask(msg);
        assertThat(masked).doesNotContain("WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz", "0123456789abcdef", "fedcba", "trunk")
                .contains("inline:<redacted>|2^20|1:4", "Authorization: <redacted>", "proxy-authorization: <redacted>",
                        "INVITE sip:1000@gw SIP/2.0");
    }

    @Test
    void sentAndReceivedMessagesAreLoggedOnlyForTracedPeersAndMasked() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger("securetrunk.sip.trace");
        logger.addAppender(log);
        try {
            SipTraceSwitch t = new SipTraceSwitch();
            t.set("192.0.2.1", true);
            String invite = "INVITE sip:+15551230001@192.0.2.1 SIP/2.0\r\nAuthorization: Digest response=\"0123abcd\"\r\n\r\n"
                    + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz\r\n";
            t.sentTo(Side.SECURE, "192.0.2.1", 5061, invite);
            t.sentTo(Side.SECURE, "192.0.2.2", 5061, "INVITE sip:untraced@192.0.2.2 SIP/2.0\r\n");
            t.sentTo(Side.LEGACY, "192.0.2.1", 5060, "SIP/2.0 200 OK\r\n");
            t.received(Side.LEGACY, "192.0.2.2", 5060, "BYE sip:untraced SIP/2.0\r\n");
            t.sent(Side.LEGACY, null, "no transaction: nothing to log");
            List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).startsWith("secure side sent to 192.0.2.1:5061\nINVITE sip:+15551230001@192.0.2.1")
                    .contains("inline:<redacted>", "Authorization: <redacted>")
                    .doesNotContain("WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz", "0123abcd");
            assertThat(lines.get(1)).startsWith("legacy side sent to 192.0.2.1:5060\nSIP/2.0 200 OK");
            assertThat(String.join("\n", lines)).doesNotContain("untraced");
        } finally {
            logger.detachAppender(log);
        }
    }
}
