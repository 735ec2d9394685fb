package com.securetrunk.testpbx.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.testpbx.ami.RawAmiClient;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replays the client side of the real Asterisk 20.20.1 AMI transcript (shared/reference/observed-transcripts.md,
 * sessions 1, 2 and the separate checks) against the 20 personality configured as that Asterisk was, and compares
 * the bytes. Only values that are clocks or random (Uptime, timestamps, build date, session ids) are matched by
 * pattern; everything else must be byte-identical.
 */
class TranscriptBytesTest {

    private SimulatedAsterisk pbx;

    @BeforeEach
    void start() throws IOException {
        pbx = SimulatedAsterisk.builder(AsteriskPersonality.V20).amiPort(0).amiUser("gwbridge", "gwsecret")
                .sipConf(TranscriptFixtures.SIP_CONF).loginFailDelay(Duration.ZERO).start();
    }

    @AfterEach
    void stop() {
        pbx.close();
    }

    private RawAmiClient loggedIn() throws IOException {
        RawAmiClient c = new RawAmiClient(pbx.amiAddress());
        assertThat(c.readLine()).isEqualTo("Asterisk Call Manager/9.0.0\r\n");
        c.send("Action: Login\r\nUsername: gwbridge\r\nSecret: gwsecret\r\nEvents: off\r\nActionID: L0\r\n\r\n");
        assertThat(c.readMessage()).isEqualTo("Response: Success\r\nActionID: L0\r\nMessage: Authentication accepted\r\n\r\n");
        return c;
    }

    @Test
    void session1LoginIsFollowedByFullyBootedAndSuccessfulAuth() throws IOException {
        try (RawAmiClient c = new RawAmiClient(pbx.amiAddress())) {
            assertThat(c.readLine()).isEqualTo("Asterisk Call Manager/9.0.0\r\n");
            c.send("Action: Login\r\nUsername: gwbridge\r\nSecret: gwsecret\r\nActionID: L1\r\n\r\n");
            assertThat(c.readMessage())
                    .isEqualTo("Response: Success\r\nActionID: L1\r\nMessage: Authentication accepted\r\n\r\n");
            assertThat(c.readMessage()).matches("Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: \\d+\r\n"
                    + "LastReload: \\d+\r\nStatus: Fully Booted\r\n\r\n");
            assertThat(c.readMessage()).matches("Event: SuccessfulAuth\r\nPrivilege: security,all\r\n"
                    + "EventTV: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000\r\nSeverity: Informational\r\n"
                    + "Service: AMI\r\nEventVersion: 1\r\nAccountID: gwbridge\r\nSessionID: 0x[0-9a-f]+\r\n"
                    + "LocalAddress: IPV4/TCP/127\\.0\\.0\\.1/\\d+\r\nRemoteAddress: IPV4/TCP/127\\.0\\.0\\.1/\\d+\r\n"
                    + "UsingPassword: 0\r\nSessionTV: [-0-9T:.+]+\r\n\r\n");

            c.send("Action: Login\r\nUsername: gwbridge\r\nSecret: wrong\r\nActionID: L2\r\n\r\n");
            assertThat(c.readMessage())
                    .isEqualTo("Response: Success\r\nActionID: L2\r\nMessage: Already authenticated\r\n\r\n");

            c.send("Action: Ping\r\nActionID: P1\r\n\r\n");
            assertThat(c.readMessage())
                    .matches("Response: Success\r\nActionID: P1\r\nPing: Pong\r\nTimestamp: \\d+\\.\\d{6}\r\n\r\n");
        }
    }

    @Test
    void coreSettingsAndCoreStatusHaveTheFieldsInOrder() throws IOException {
        try (RawAmiClient c = loggedIn()) {
            c.send("Action: CoreSettings\r\nActionID: C1\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Success\r\nActionID: C1\r\nAMIversion: 9.0.0\r\n"
                    + "AsteriskVersion: 20.20.1\r\nSystemName: \r\nCoreMaxCalls: 0\r\nCoreMaxLoadAvg: 0.000000\r\n"
                    + "CoreRunUser: \r\nCoreRunGroup: \r\nCoreMaxFilehandles: 0\r\nCoreRealTimeEnabled: No\r\n"
                    + "CoreCDRenabled: Yes\r\nCoreHTTPenabled: No\r\nSoundsSearchCustomDir: No\r\n\r\n");
            c.send("Action: CoreStatus\r\nActionID: C2\r\n\r\n");
            assertThat(c.readMessage()).matches("Response: Success\r\nActionID: C2\r\n"
                    + "CoreStartupDate: \\d{4}-\\d\\d-\\d\\d\r\nCoreStartupTime: \\d\\d:\\d\\d:\\d\\d\r\n"
                    + "CoreReloadDate: \\d{4}-\\d\\d-\\d\\d\r\nCoreReloadTime: \\d\\d:\\d\\d:\\d\\d\r\n"
                    + "CoreCurrentCalls: 0\r\nCoreProcessedCalls: 0\r\n\r\n");
        }
    }

    @Test
    void commandFramingFrom14MatchesTheTranscript() throws IOException {
        try (RawAmiClient c = loggedIn()) {
            c.send("Action: Command\r\nCommand: core show version\r\nActionID: V1\r\n\r\n");
            assertThat(c.readMessage()).matches("Response: Success\r\nActionID: V1\r\nMessage: Command output follows\r\n"
                    + "Output: Asterisk 20\\.20\\.1 built by \\S+ @ \\S+ on a x86_64 running Linux on "
                    + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\r\n\r\n");

            c.send("Action: Command\r\nCommand: sip show peers\r\nActionID: S1\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Success\r\nActionID: S1\r\nMessage: Command output follows\r\n"
                    + "Output: Name/username             Host                                    Dyn Forcerport Comedia    ACL Port     Status      Description                      \r\n"
                    + "Output: gw                        127.0.0.1                                   Auto (No)  No             5080     Unmonitored                                  \r\n"
                    + "Output: 1 sip peers [Monitored: 0 online, 0 offline Unmonitored: 1 online, 0 offline]\r\n"
                    + "\r\n");

            c.send("Action: Command\r\nCommand: no such command here\r\nActionID: S0\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Error\r\nActionID: S0\r\nMessage: Command output follows\r\n"
                    + "Output: No such command 'no such command here' (type 'core show help no such' for other possible commands)\r\n"
                    + "\r\n");
        }
    }

    @Test
    void moduleShowLikeUsesTheLoaderColumns() throws IOException {
        try (RawAmiClient c = loggedIn()) {
            c.send("Action: Command\r\nCommand: module show like pjsip_session\r\nActionID: a2\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Success\r\nActionID: a2\r\nMessage: Command output follows\r\n"
                    + "Output: Module                         Description                              Use Count  Status      Support Level\r\n"
                    + "Output: res_pjsip_session.so           PJSIP Session resource                   20         Running              core\r\n"
                    + "Output: 1 modules loaded\r\n\r\n");
        }
    }

    @Test
    void unknownActionAnswersAsteriskWordsAndRaisesRequestBadFormat() throws IOException {
        try (RawAmiClient c = new RawAmiClient(pbx.amiAddress())) {
            c.readLine();
            c.send("Action: Login\r\nUsername: gwbridge\r\nSecret: gwsecret\r\nEvents: security\r\nActionID: L1\r\n\r\n");
            c.readMessageStartingWith("Response: Success");
            c.readMessageStartingWith("Event: SuccessfulAuth");
            c.send("Action: NoSuchAction\r\nActionID: X1\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Error\r\nActionID: X1\r\nMessage: Invalid/unknown command: "
                    + "NoSuchAction. Use Action: ListCommands to show available commands.\r\n\r\n");
            assertThat(c.readMessage()).startsWith("Event: RequestBadFormat\r\nPrivilege: security,all\r\n")
                    .contains("RequestType: Action: NoSuchAction\r\n").contains("AccountID: gwbridge\r\n");
        }
    }

    @Test
    void getConfigListsCategoriesAndNumberedLines() throws IOException {
        try (RawAmiClient c = loggedIn()) {
            c.send("Action: GetConfig\r\nFilename: sip.conf\r\nActionID: G1\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Success\r\nActionID: G1\r\n"
                    + "Category-000000: general\r\n"
                    + "Line-000000-000000: context=default\r\n"
                    + "Line-000000-000001: udpbindaddr=127.0.0.1:5070\r\n"
                    + "Line-000000-000002: tcpenable=no\r\n"
                    + "Line-000000-000003: tlsenable=no\r\n"
                    + "Line-000000-000004: transport=udp\r\n"
                    + "Line-000000-000005: allowguest=yes\r\n"
                    + "Line-000000-000006: alwaysauthreject=yes\r\n"
                    + "Line-000000-000007: disallow=all\r\n"
                    + "Line-000000-000008: allow=ulaw\r\n"
                    + "Line-000000-000009: allow=alaw\r\n"
                    + "Line-000000-000010: useragent=Asterisk-ref\r\n"
                    + "Line-000000-000011: sipdebug=no\r\n"
                    + "Category-000001: gw\r\n"
                    + "Line-000001-000000: type=friend\r\n"
                    + "Line-000001-000001: host=127.0.0.1\r\n"
                    + "Line-000001-000002: port=5080\r\n"
                    + "Line-000001-000003: context=from-gw\r\n"
                    + "Line-000001-000004: insecure=port,invite\r\n"
                    + "Line-000001-000005: directmedia=no\r\n"
                    + "Line-000001-000006: qualify=no\r\n"
                    + "Line-000001-000007: disallow=all\r\n"
                    + "Line-000001-000008: allow=ulaw\r\n"
                    + "Line-000001-000009: allow=alaw\r\n"
                    + "\r\n");
            c.send("Action: GetConfig\r\nFilename: sip.conf\r\nCategory: gw\r\nActionID: G2\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Success\r\nActionID: G2\r\n"
                    + "Category-000000: gw\r\n"
                    + "Line-000000-000000: type=friend\r\n"
                    + "Line-000000-000001: host=127.0.0.1\r\n"
                    + "Line-000000-000002: port=5080\r\n"
                    + "Line-000000-000003: context=from-gw\r\n"
                    + "Line-000000-000004: insecure=port,invite\r\n"
                    + "Line-000000-000005: directmedia=no\r\n"
                    + "Line-000000-000006: qualify=no\r\n"
                    + "Line-000000-000007: disallow=all\r\n"
                    + "Line-000000-000008: allow=ulaw\r\n"
                    + "Line-000000-000009: allow=alaw\r\n"
                    + "\r\n");
        }
    }

    @Test
    void updateConfigThenReloadMakesTheNewPeerLive() throws IOException {
        try (RawAmiClient c = new RawAmiClient(pbx.amiAddress())) {
            c.readLine();
            c.send("Action: Login\r\nUsername: gwbridge\r\nSecret: gwsecret\r\nEvents: system\r\nActionID: L1\r\n\r\n");
            c.readMessageStartingWith("Response: Success");
            c.readMessageStartingWith("Event: FullyBooted");
            c.send("Action: UpdateConfig\r\nSrcFilename: sip.conf\r\nDstFilename: sip.conf\r\nReload: no\r\n"
                    + "Action-000000: NewCat\r\nCat-000000: gw2\r\n"
                    + "Action-000001: Append\r\nCat-000001: gw2\r\nVar-000001: type\r\nValue-000001: friend\r\n"
                    + "Action-000002: Append\r\nCat-000002: gw2\r\nVar-000002: host\r\nValue-000002: 127.0.0.1\r\n"
                    + "Action-000003: Append\r\nCat-000003: gw2\r\nVar-000003: port\r\nValue-000003: 5082\r\n"
                    + "Action-000004: Append\r\nCat-000004: gw2\r\nVar-000004: context\r\nValue-000004: from-gw\r\n"
                    + "ActionID: U1\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Success\r\nActionID: U1\r\n\r\n");
            assertThat(pbx.sipPeers()).extracting(Trunk::name).containsExactly("gw");

            c.send("Action: Reload\r\nModule: chan_sip.so\r\nActionID: R1\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Success\r\nActionID: R1\r\nMessage: Module Reloaded\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Event: Reload\r\nPrivilege: system,all\r\nModule: chan_sip.so\r\n"
                    + "Status: 0\r\n\r\n");

            c.send("Action: Command\r\nCommand: sip show peers\r\nActionID: S2\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Success\r\nActionID: S2\r\nMessage: Command output follows\r\n"
                    + "Output: Name/username             Host                                    Dyn Forcerport Comedia    ACL Port     Status      Description                      \r\n"
                    + "Output: gw                        127.0.0.1                                   Auto (No)  No             5080     Unmonitored                                  \r\n"
                    + "Output: gw2                       127.0.0.1                                   Auto (No)  No             5082     Unmonitored                                  \r\n"
                    + "Output: 2 sip peers [Monitored: 0 online, 0 offline Unmonitored: 2 online, 0 offline]\r\n"
                    + "\r\n");

            c.send("Action: SIPpeers\r\nActionID: SP1\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Success\r\nActionID: SP1\r\nEventList: start\r\n"
                    + "Message: Peer status list will follow\r\n\r\n");
            for (String[] peer : new String[][] {{"gw", "5080"}, {"gw2", "5082"}}) {
                assertThat(c.readMessage()).isEqualTo("Event: PeerEntry\r\nActionID: SP1\r\nChanneltype: SIP\r\n"
                        + "ObjectName: " + peer[0] + "\r\nChanObjectType: peer\r\nIPaddress: 127.0.0.1\r\n"
                        + "IPport: " + peer[1] + "\r\nDynamic: no\r\nAutoForcerport: yes\r\nForcerport: no\r\n"
                        + "AutoComedia: no\r\nComedia: no\r\nVideoSupport: no\r\nTextSupport: no\r\nACL: no\r\n"
                        + "Status: Unmonitored\r\nRealtimeDevice: no\r\nDescription: \r\nAccountcode: \r\n\r\n");
            }
            assertThat(c.readMessage()).isEqualTo("Event: PeerlistComplete\r\nActionID: SP1\r\nEventList: Complete\r\n"
                    + "ListItems: 2\r\n\r\n");

            c.send("Action: Logoff\r\nActionID: Q1\r\n\r\n");
            assertThat(c.readMessage())
                    .isEqualTo("Response: Goodbye\r\nActionID: Q1\r\nMessage: Thanks for all the fish.\r\n\r\n");
            assertThat(c.closedByServer(2000)).isTrue();
        }
    }

    @Test
    void failedLoginAnswersThenClosesTheConnection() throws IOException {
        try (RawAmiClient c = new RawAmiClient(pbx.amiAddress())) {
            assertThat(c.readLine()).isEqualTo("Asterisk Call Manager/9.0.0\r\n");
            c.send("Action: Login\r\nUsername: gwbridge\r\nSecret: wrong\r\nActionID: BL1\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Error\r\nActionID: BL1\r\nMessage: Authentication failed\r\n\r\n");
            assertThat(c.closedByServer(2000)).isTrue();
        }
        try (RawAmiClient c = new RawAmiClient(pbx.amiAddress())) {
            c.readLine();
            c.send("Action: Login\r\nUsername: gwbridge\r\nSecret: wrong\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Error\r\nMessage: Authentication failed\r\n\r\n");
            assertThat(c.closedByServer(2000)).isTrue();
        }
    }

    @Test
    void actionBeforeLoginIsPermissionDeniedAndTheConnectionStays() throws IOException {
        try (RawAmiClient c = new RawAmiClient(pbx.amiAddress())) {
            c.readLine();
            c.send("Action: CoreSettings\r\nActionID: N1\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Error\r\nActionID: N1\r\nMessage: Permission denied\r\n\r\n");
            c.send("Action: NoSuchAction\r\nActionID: N2\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Error\r\nActionID: N2\r\nMessage: Permission denied\r\n\r\n");
            c.send("Action: Login\r\nUsername: gwbridge\r\nSecret: gwsecret\r\nEvents: off\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Success\r\nMessage: Authentication accepted\r\n\r\n");
        }
    }

    @Test
    void eventsOffAtLoginSuppressesFullyBooted() throws IOException {
        try (RawAmiClient c = loggedIn()) {
            assertThat(c.silentFor(300)).isTrue();
            c.send("Action: Logoff\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Goodbye\r\nMessage: Thanks for all the fish.\r\n\r\n");
            assertThat(c.closedByServer(2000)).isTrue();
        }
    }
}
