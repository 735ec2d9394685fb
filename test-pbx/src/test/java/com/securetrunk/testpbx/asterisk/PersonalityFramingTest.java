package com.securetrunk.testpbx.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.securetrunk.testpbx.ami.RawAmiClient;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Version-dependent bytes: banner, FullyBooted, Command framing before 14.0, CLI version answers. */
class PersonalityFramingTest {

    private static SimulatedAsterisk start(AsteriskPersonality p) throws IOException {
        return SimulatedAsterisk.builder(p).amiPort(0).sipConf(TranscriptFixtures.SIP_CONF)
                .loginFailDelay(Duration.ZERO).start();
    }

    @Test
    void asterisk13UsesResponseFollowsAndEndCommand() throws IOException {
        try (SimulatedAsterisk pbx = start(AsteriskPersonality.V13_8_CERT2);
             RawAmiClient c = new RawAmiClient(pbx.amiAddress())) {
            assertThat(c.readLine()).isEqualTo("Asterisk Call Manager/2.8.0\r\n");
            c.send("Action: Login\r\nUsername: admin\r\nSecret: secret\r\nEvents: system\r\nActionID: L1\r\n\r\n");
            assertThat(c.readMessage())
                    .isEqualTo("Response: Success\r\nActionID: L1\r\nMessage: Authentication accepted\r\n\r\n");
            // 13.x FullyBooted: no Uptime / LastReload (they arrived in 14.0)
            assertThat(c.readMessage()).isEqualTo("Event: FullyBooted\r\nPrivilege: system,all\r\nStatus: Fully Booted\r\n\r\n");

            c.send("Action: Command\r\nCommand: core show version\r\nActionID: V1\r\n\r\n");
            assertThat(c.readMessage()).matches("Response: Follows\r\nPrivilege: Command\r\nActionID: V1\r\n"
                    + "Asterisk certified/13\\.8-cert2 built by \\S+ @ \\S+ on a x86_64 running Linux on [-0-9: ]+UTC\n"
                    + "--END COMMAND--\r\n\r\n");
            c.send("Action: Command\r\nCommand: pjsip show version\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Follows\r\nPrivilege: Command\r\n"
                    + "PJPROJECT version currently running against: 2.5\n--END COMMAND--\r\n\r\n");
            c.send("Action: Command\r\nCommand: sip show peers\r\nActionID: S1\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Follows\r\nPrivilege: Command\r\nActionID: S1\r\n"
                    + "Name/username             Host                                    Dyn Forcerport Comedia    ACL Port     Status      Description                      \n"
                    + "gw                        127.0.0.1                                   Auto (No)  No             5080     Unmonitored                                  \n"
                    + "1 sip peers [Monitored: 0 online, 0 offline Unmonitored: 1 online, 0 offline]\n"
                    + "--END COMMAND--\r\n\r\n");
            // Before 14.0 a failed CLI command is still "Follows"
            c.send("Action: Command\r\nCommand: frobnicate\r\n\r\n");
            assertThat(c.readMessage()).startsWith("Response: Follows\r\nPrivilege: Command\r\nNo such command 'frobnicate'");
            c.send("Action: CoreSettings\r\n\r\n");
            assertThat(c.readMessage()).contains("AMIversion: 2.8.0\r\nAsteriskVersion: certified/13.8-cert2\r\n")
                    .endsWith("CoreHTTPenabled: No\r\n\r\n");
        }
    }

    @Test
    void asterisk16BannerAndOutputFraming() throws IOException {
        try (SimulatedAsterisk pbx = start(AsteriskPersonality.V16);
             RawAmiClient c = new RawAmiClient(pbx.amiAddress())) {
            assertThat(c.readLine()).isEqualTo("Asterisk Call Manager/5.0.5\r\n");
            c.send("Action: Login\r\nUsername: admin\r\nSecret: secret\r\nEvents: off\r\n\r\n");
            c.readMessage();
            c.send("Action: Command\r\nCommand: pjsip show version\r\nActionID: 7\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Success\r\nActionID: 7\r\nMessage: Command output follows\r\n"
                    + "Output: PJPROJECT version currently running against: 2.12.1\r\n\r\n");
        }
    }

    @Test
    void md5ChallengeLoginAsAsteriskJavaDoesIt() throws Exception {
        try (SimulatedAsterisk pbx = start(AsteriskPersonality.V20);
             RawAmiClient c = new RawAmiClient(pbx.amiAddress())) {
            c.readLine();
            c.send("Action: Challenge\r\nAuthType: plain\r\nActionID: c0\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Error\r\nActionID: c0\r\nMessage: Must specify AuthType\r\n\r\n");
            c.send("Action: Challenge\r\nAuthType: MD5\r\nActionID: c1\r\n\r\n");
            String answer = c.readMessage();
            assertThat(answer).matches("Response: Success\r\nActionID: c1\r\nChallenge: \\d+\r\n\r\n");
            String challenge = answer.replaceAll("(?s).*Challenge: (\\d+).*", "$1");
            java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
            String key = java.util.HexFormat.of().formatHex(md5.digest((challenge + "secret").getBytes()));
            c.send("Action: Login\r\nAuthType: MD5\r\nUsername: admin\r\nKey: " + key
                    + "\r\nEvents: off\r\nActionID: l1\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Success\r\nActionID: l1\r\nMessage: Authentication accepted\r\n\r\n");
        }
        try (SimulatedAsterisk pbx = start(AsteriskPersonality.V20);
             RawAmiClient c = new RawAmiClient(pbx.amiAddress())) {
            c.readLine();
            c.send("Action: Challenge\r\nAuthType: MD5\r\n\r\n");
            c.readMessage();
            c.send("Action: Login\r\nAuthType: MD5\r\nUsername: admin\r\nKey: 00000000000000000000000000000000\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Error\r\nMessage: Authentication failed\r\n\r\n");
            assertThat(c.closedByServer(2000)).isTrue();
        }
    }

    @Test
    void framingLimitsAnswerErrorsAndKeepTheSession() throws IOException {
        try (SimulatedAsterisk pbx = start(AsteriskPersonality.V20);
             RawAmiClient c = new RawAmiClient(pbx.amiAddress())) {
            c.readLine();
            c.send("Action: Login\r\nUsername: admin\r\nSecret: secret\r\nEvents: off\r\n\r\n");
            c.readMessage();
            c.send("ActionID: m1\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Error\r\nActionID: m1\r\nMessage: Missing action in request\r\n\r\n");
            c.send("Action: Ping\r\nActionID: big\r\nX: " + "y".repeat(2000) + "\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Error\r\nActionID: big\r\n"
                    + "Message: Failed to parse message: line too long\r\n\r\n");
            StringBuilder many = new StringBuilder("Action: Ping\r\nActionID: many\r\n");
            for (int i = 0; i < 200; i++) {
                many.append("H").append(i).append(": v\r\n");
            }
            c.send(many.append("\r\n").toString());
            assertThat(c.readMessage()).isEqualTo("Response: Error\r\nActionID: many\r\n"
                    + "Message: Too many lines in message or allocation failure\r\n\r\n");
            c.send("Action: Ping\r\nActionID: after\r\n\r\n");
            assertThat(c.readMessage()).startsWith("Response: Success\r\nActionID: after\r\nPing: Pong\r\n");
            c.send("Action: GetConfig\r\nFilename: nosuch.conf\r\nActionID: g\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Error\r\nActionID: g\r\nMessage: Config file not found\r\n\r\n");
            c.send("Action: GetConfig\r\nFilename: sip.conf\r\nCategory: nosuch\r\nActionID: g2\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Success\r\nActionID: g2\r\nNo categories found\r\n\r\n");
            c.send("Action: PJSIPShowEndpoints\r\nActionID: p\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Error\r\nActionID: p\r\nMessage: No endpoints found\n\r\n\r\n");
            c.send("Action: UpdateConfig\r\nSrcFilename: sip.conf\r\nDstFilename: sip.conf\r\n"
                    + "Action-000000: NewCat\r\nCat-000000: ok\r\nAction-000001: DelCat\r\nCat-000001: missing\r\n"
                    + "ActionID: u\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Error\r\nActionID: u\r\nMessage: Given category does not exist\r\n\r\n");
            assertThat(pbx.configs().snapshot("sip.conf").orElseThrow().category("ok"))
                    .as("a failed batch saves nothing").isEmpty();
            c.send("Action: Originate\r\nChannel: SIP/gw/1\r\nExten: 600\r\nActionID: o\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Error\r\nActionID: o\r\n"
                    + "Message: Originate with 'Exten' requires 'Context' and 'Priority'\r\n\r\n");
        }
    }

    @Test
    void unknownVersionIsRefusedWithTheAcceptedList() {
        assertThatThrownBy(() -> AsteriskPersonality.fromCliName("11"))
                .hasMessage("unknown Asterisk version '11' (expected one of: 13.8-cert2, 16, 20)");
        assertThat(AsteriskPersonality.fromCliName("13.8-cert2")).isEqualTo(AsteriskPersonality.V13_8_CERT2);
    }
}
