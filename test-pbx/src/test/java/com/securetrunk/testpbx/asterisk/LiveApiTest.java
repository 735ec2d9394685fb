package com.securetrunk.testpbx.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.asteriskjava.live.AsteriskChannel;
import org.asteriskjava.live.ChannelState;
import org.asteriskjava.live.DefaultAsteriskServer;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.ResponseEvents;
import org.junit.jupiter.api.Test;

/**
 * asterisk-java's live API ({@code DefaultAsteriskServer}) on top of the simulator: it enumerates channels at start
 * (Status), follows them through events, reads the version and runs CLI commands. The far end is
 * {@link ScriptedChannelDriver} (no SIP on the wire).
 */
class LiveApiTest {

    @Test
    void liveApiSeesExistingAndNewChannels() throws Exception {
        try (ScriptedChannelDriver farEnd = new ScriptedChannelDriver();
             SimulatedAsterisk pbx = SimulatedAsterisk.builder(AsteriskPersonality.V16).amiPort(0)
                     .sipConf(TranscriptFixtures.SIP_CONF).channelDriver(farEnd).loginFailDelay(Duration.ZERO)
                     .start()) {
            // A call that exists before the client connects
            pbx.incoming(new java.net.InetSocketAddress("127.0.0.1", 5080), "600", new CallerId("a", "100"), c -> { })
                    .answered();
            DefaultAsteriskServer server = new DefaultAsteriskServer("127.0.0.1", pbx.amiAddress().getPort(),
                    "admin", "secret");
            try {
                server.initialize();
                assertThat(server.getVersion()).startsWith("Asterisk 16.30.0 built by");
                // asterisk-java re-reads its channel table on its own ConnectEvent, in another thread, right after
                // initialize(): wait until that settles and assert on one snapshot, not on two reads of a moving table.
                java.util.List<AsteriskChannel> channels = new java.util.ArrayList<>(server.getChannels());
                for (int i = 0; i < 100 && channels.size() != 1; i++) {
                    Thread.sleep(20);
                    channels = new java.util.ArrayList<>(server.getChannels());
                }
                assertThat(channels).extracting(AsteriskChannel::getName).containsExactly("SIP/gw-00000000");
                assertThat(channels.get(0).getState()).isEqualTo(ChannelState.UP);

                server.originateToApplicationAsync("SIP/gw/1000", "Echo", "", 10_000, null);
                for (int i = 0; i < 100 && server.getChannels().size() < 2; i++) {
                    Thread.sleep(20);
                }
                assertThat(server.getChannels()).extracting(AsteriskChannel::getName)
                        .contains("SIP/gw-00000000", "SIP/gw-00000001");
                assertThat(server.executeCliCommand("pjsip show version"))
                        .containsExactly("PJPROJECT version currently running against: 2.12.1");
                ResponseEvents list = server.getManagerConnection()
                        .sendEventGeneratingAction(new CoreShowChannelsAction(), 5000);
                assertThat(list.getEvents()).filteredOn(CoreShowChannelEvent.class::isInstance).hasSize(2);
            } finally {
                server.shutdown();
            }
        }
    }
}
