package com.securetrunk.gateway.app;

import com.securetrunk.ami.AmiBridge;
import com.securetrunk.ami.AmiSettings;
import com.securetrunk.ami.ConnectionStatus;
import com.securetrunk.ami.Secret;
import com.securetrunk.gateway.media.RelayConfig;
import com.securetrunk.gateway.media.SessionId;
import com.securetrunk.gateway.media.netty.NettyMediaRelay;
import com.securetrunk.testpbx.asterisk.AsteriskPersonality;
import com.securetrunk.testpbx.asterisk.CallerId;
import com.securetrunk.testpbx.asterisk.Channel;
import com.securetrunk.testpbx.asterisk.HangupCause;
import com.securetrunk.testpbx.asterisk.SimulatedAsterisk;
import com.securetrunk.testpbx.asterisk.Trunk;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.securetrunk.gateway.app.CallChecks.within;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call whose BYE never reached the gateway: Asterisk hangs the trunk channel up, the AMI bridge sees the Hangup
 * (real asterisk-java against the simulated Asterisk), and the real media relay frees that call's session and
 * ports, and only that one.
 */
class AmiCallListenerTest {

    @Test
    void aHangupOnThePbxFreesTheMediaSessionOfThatCallOnly() throws Exception {
        try (SimulatedAsterisk pbx = SimulatedAsterisk.builder(AsteriskPersonality.V20).amiPort(0).sipPort(5070)
                .amiUser("securetrunk", "amisecret").start();
             NettyMediaRelay relay = new NettyMediaRelay(RelayConfig.loopback(26800, 26819)
                     .withQuarantine(Duration.ZERO).withEventLoops(1), null)) {
            relay.allocate(new SessionId("dropped-bye@127.0.0.1"), 1);
            relay.allocate(new SessionId("still-talking@127.0.0.1"), 1);
            int freeBefore = relay.pool().available();

            AmiSettings settings = AmiSettings.of("127.0.0.1", pbx.amiAddress().getPort(), "securetrunk",
                    Secret.of("amisecret", "ami.secret")).withTimeouts(Duration.ofSeconds(4), Duration.ofSeconds(30));
            try (AmiBridge bridge = AmiBridge.create(settings, new AmiCallListener(relay))) {
                bridge.start();
                within(Duration.ofSeconds(15), () -> bridge.status().state() == ConnectionStatus.State.CONNECTED
                        && bridge.status().identity().isPresent(), "bridge connected and PBX discovered");

                Channel ch = pbx.channels().create(Trunk.Driver.PJSIP, "securetrunk", "from-securetrunk", "100",
                        CallerId.UNKNOWN);
                pbx.channels().setVariable(ch, "SECURETRUNK_CALLID", "dropped-bye@127.0.0.1");
                within(Duration.ofSeconds(5), () -> bridge.correlatedChannels() == 1, "channel correlated");
                pbx.channels().hangup(ch, HangupCause.NORMAL_CLEARING, true, false);

                within(Duration.ofSeconds(5), () -> relay.sessionCount() == 1, "session released");
                within(Duration.ofSeconds(5), () -> relay.pool().available() > freeBefore, "its ports back in the pool");
                relay.release(new SessionId("still-talking@127.0.0.1"));
                assertThat(relay.sessionCount()).isZero();
            }
        }
    }
}
