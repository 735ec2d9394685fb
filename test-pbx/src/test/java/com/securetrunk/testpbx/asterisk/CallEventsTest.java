package com.securetrunk.testpbx.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.testpbx.ami.RawAmiClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Channel events as bytes, for calls reported through the {@link ChannelDriver} / {@link IncomingCalls} interfaces
 * (the far end here is {@link ScriptedChannelDriver}: no SIP on the wire). Field order is that of the 20.20.1
 * transcript, sessions 3 and 4.
 */
class CallEventsTest {

    private static final String SNAPSHOT_TAIL = "Language: en\r\nAccountCode: \r\n";

    private static RawAmiClient callEvents(SimulatedAsterisk pbx) throws IOException {
        RawAmiClient c = new RawAmiClient(pbx.amiAddress());
        c.readLine();
        c.send("Action: Login\r\nUsername: admin\r\nSecret: secret\r\nEvents: call\r\nActionID: E1\r\n\r\n");
        assertThat(c.readMessage()).isEqualTo("Response: Success\r\nActionID: E1\r\nMessage: Authentication accepted\r\n\r\n");
        return c;
    }

    @Test
    void inboundCallFromAKnownPeerProducesTheSession4Events() throws IOException {
        try (SimulatedAsterisk pbx = SimulatedAsterisk.builder(AsteriskPersonality.V20).amiPort(0)
                .sipConf(TranscriptFixtures.SIP_CONF).loginFailDelay(Duration.ZERO).start();
             RawAmiClient c = callEvents(pbx)) {
            List<HangupCause> pbxHangups = new CopyOnWriteArrayList<>();
            IncomingCalls.InboundChannel ch = pbx.incoming(new InetSocketAddress("127.0.0.1", 5080), "600",
                    new CallerId("sipp", "sipp"), pbxHangups::add);
            assertThat(ch.channelName()).isEqualTo("SIP/gw-00000000");
            assertThat(c.readMessage()).matches("Event: Newchannel\r\nPrivilege: call,all\r\nChannel: SIP/gw-00000000\r\n"
                    + "ChannelState: 0\r\nChannelStateDesc: Down\r\nCallerIDNum: sipp\r\nCallerIDName: sipp\r\n"
                    + "ConnectedLineNum: <unknown>\r\nConnectedLineName: <unknown>\r\n" + SNAPSHOT_TAIL
                    + "Context: from-gw\r\nExten: 600\r\nPriority: 1\r\nUniqueid: (\\d+\\.0)\r\nLinkedid: \\1\r\n\r\n");
            assertThat(c.readMessage()).contains("Event: Newstate\r\n", "ChannelState: 4\r\nChannelStateDesc: Ring\r\n");
            ch.answered();
            assertThat(c.readMessage()).contains("Event: Newstate\r\n", "ChannelState: 6\r\nChannelStateDesc: Up\r\n");
            ch.hungUp(HangupCause.NORMAL_CLEARING);
            assertThat(c.readMessage()).startsWith("Event: HangupRequest\r\n");
            assertThat(c.readMessage()).startsWith("Event: Hangup\r\nPrivilege: call,all\r\nChannel: SIP/gw-00000000\r\n")
                    .endsWith("Cause: 16\r\nCause-txt: Normal Clearing\r\n\r\n");
            ch.hungUp(HangupCause.NORMAL_CLEARING);
            assertThat(c.silentFor(200)).as("one Hangup per channel").isTrue();
            assertThat(pbx.channels().currentCalls()).isZero();
        }
    }

    @Test
    void originateToABusyDestinationEndsWithDialEndBusyAndAFailedOriginateResponse() throws IOException {
        try (ScriptedChannelDriver farEnd = new ScriptedChannelDriver();
             SimulatedAsterisk pbx = SimulatedAsterisk.builder(AsteriskPersonality.V20).amiPort(0)
                     .sipConf(TranscriptFixtures.SIP_CONF).channelDriver(farEnd)
                     .loginFailDelay(Duration.ZERO).start();
             RawAmiClient c = callEvents(pbx)) {
            c.send("Action: Originate\r\nChannel: SIP/gw/486\r\nContext: default\r\nExten: 601\r\nPriority: 1\r\n"
                    + "CallerID: \"AMI test\" <555>\r\nTimeout: 10000\r\nAsync: true\r\nActionID: O1\r\n\r\n");
            assertThat(c.readMessage())
                    .isEqualTo("Response: Success\r\nActionID: O1\r\nMessage: Originate successfully queued\r\n\r\n");
            assertThat(c.readMessage()).startsWith("Event: Newchannel\r\n").contains("Context: from-gw\r\nExten: s\r\n");
            assertThat(c.readMessage()).startsWith("Event: NewCallerid\r\n")
                    .contains("CallerIDNum: 555\r\nCallerIDName: AMI test\r\n")
                    .endsWith("CID-CallingPres: 0 (Presentation Allowed, Not Screened)\r\n\r\n");
            assertThat(c.readMessage()).startsWith("Event: NewConnectedLine\r\n");
            assertThat(c.readMessage()).startsWith("Event: DialBegin\r\nPrivilege: call,all\r\nDestChannel: SIP/gw-00000000\r\n")
                    .endsWith("DialString: gw/486\r\n\r\n");
            assertThat(c.readMessage()).startsWith("Event: DialEnd\r\n").endsWith("DialStatus: BUSY\r\n\r\n");
            assertThat(c.readMessage()).startsWith("Event: Hangup\r\n").endsWith("Cause: 17\r\nCause-txt: User busy\r\n\r\n");
            assertThat(c.readMessage()).matches("Event: OriginateResponse\r\nPrivilege: call,all\r\nActionID: O1\r\n"
                    + "Response: Failure\r\nChannel: SIP/gw-00000000\r\nContext: default\r\nExten: 601\r\nReason: 5\r\n"
                    + "Uniqueid: \\d+\\.\\d+\r\nCallerIDNum: 555\r\nCallerIDName: AMI test\r\n\r\n");
        }
    }

    @Test
    void unansweredOriginateTimesOutAndCancelsTheSipCall() throws IOException {
        try (ScriptedChannelDriver farEnd = new ScriptedChannelDriver();
             SimulatedAsterisk pbx = SimulatedAsterisk.builder(AsteriskPersonality.V16).amiPort(0)
                     .sipConf(TranscriptFixtures.SIP_CONF).channelDriver(farEnd)
                     .loginFailDelay(Duration.ZERO).start();
             RawAmiClient c = callEvents(pbx)) {
            c.send("Action: Originate\r\nChannel: SIP/408@gw\r\nApplication: Playback\r\nData: tt-monkeys\r\n"
                    + "Timeout: 300\r\nActionID: O2\r\n\r\n");
            // Synchronous Originate: the answer comes only when the call is settled
            assertThat(c.readMessageStartingWith("Event: DialState")).contains("DialStatus: RINGING\r\n");
            assertThat(c.readMessageStartingWith("Event: DialEnd")).contains("DialStatus: NOANSWER\r\n");
            assertThat(c.readMessageStartingWith("Event: Hangup")).contains("Cause: 19\r\n");
            assertThat(c.readMessageStartingWith("Event: OriginateResponse"))
                    .contains("Response: Failure\r\n", "Application: Playback\r\nData: tt-monkeys\r\nReason: 3\r\n");
            assertThat(c.readMessageStartingWith("Response:"))
                    .isEqualTo("Response: Error\r\nActionID: O2\r\nMessage: Originate failed\r\n\r\n");
            assertThat(farEnd.hangups).containsExactly(HangupCause.NO_ANSWER);
        }
    }

    @Test
    void originateThroughAnUnknownPeerCreatesNoChannel() throws IOException {
        try (ScriptedChannelDriver farEnd = new ScriptedChannelDriver();
             SimulatedAsterisk pbx = SimulatedAsterisk.builder(AsteriskPersonality.V20).amiPort(0)
                     .channelDriver(farEnd).loginFailDelay(Duration.ZERO).start();
             RawAmiClient c = callEvents(pbx)) {
            c.send("Action: Originate\r\nChannel: PJSIP/1000@nobody\r\nContext: default\r\nExten: 600\r\n"
                    + "Priority: 1\r\nAsync: yes\r\nActionID: O3\r\n\r\n");
            c.readMessageStartingWith("Response: Success");
            assertThat(c.readMessage()).startsWith("Event: OriginateResponse\r\nPrivilege: call,all\r\nActionID: O3\r\n"
                    + "Response: Failure\r\nChannel: PJSIP/1000@nobody\r\n");
            assertThat(farEnd.dialed).isEmpty();
        }
    }
}
