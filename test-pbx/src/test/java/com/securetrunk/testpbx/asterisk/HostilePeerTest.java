package com.securetrunk.testpbx.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.securetrunk.testpbx.ami.AmiEvent;
import com.securetrunk.testpbx.ami.AmiMessage;
import com.securetrunk.testpbx.ami.EventClass;
import com.securetrunk.testpbx.ami.RawAmiClient;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Peers that misbehave: endless lines, vanishing mid-request, never reading their events. */
class HostilePeerTest {

    private static SimulatedAsterisk start() throws IOException {
        return SimulatedAsterisk.builder(AsteriskPersonality.V20).amiPort(0).loginFailDelay(Duration.ZERO).start();
    }

    @Test
    void aHugeLineIsRefusedAndTheSessionGoesOn() throws IOException {
        try (SimulatedAsterisk pbx = start(); RawAmiClient c = new RawAmiClient(pbx.amiAddress())) {
            c.readLine();
            c.send("Action: Ping\r\nActionID: h\r\nX: " + "z".repeat(100_000) + "\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Error\r\nActionID: h\r\n"
                    + "Message: Failed to parse message: line too long\r\n\r\n");
            c.send("Action: Login\r\nUsername: admin\r\nSecret: secret\r\nEvents: off\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Success\r\nMessage: Authentication accepted\r\n\r\n");
        }
    }

    @Test
    void aPeerVanishingMidRequestLeavesNoSession() throws Exception {
        try (SimulatedAsterisk pbx = start()) {
            try (Socket s = new Socket(pbx.amiAddress().getAddress(), pbx.amiAddress().getPort())) {
                s.getOutputStream().write("Action: Login\r\nUsername: adm".getBytes());
            }
            for (int i = 0; i < 100 && pbx.amiSessionCount() > 0; i++) {
                Thread.sleep(20);
            }
            assertThat(pbx.amiSessionCount()).isZero();
            try (RawAmiClient c = new RawAmiClient(pbx.amiAddress())) {
                assertThat(c.readLine()).isEqualTo("Asterisk Call Manager/9.0.0\r\n");
            }
        }
    }

    @Test
    void aSessionThatNeverReadsIsDroppedInsteadOfBlockingThePbx() throws Exception {
        try (SimulatedAsterisk pbx = start();
             RawAmiClient deaf = new RawAmiClient(pbx.amiAddress());
             RawAmiClient listening = new RawAmiClient(pbx.amiAddress())) {
            deaf.readLine();
            deaf.send("Action: Login\r\nUsername: admin\r\nSecret: secret\r\nEvents: off\r\n\r\n");
            deaf.readMessage();
            deaf.send("Action: Events\r\nEventMask: call\r\n\r\n");
            deaf.readMessage();
            AmiMessage fields = AmiMessage.builder().add("Channel", "SIP/x-00000000")
                    .add("Padding", "p".repeat(400)).build();
            // 60 000 events of ~500 bytes: far more than the socket buffers and the 20 000-message queue hold.
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                for (int i = 0; i < 60_000; i++) {
                    pbx.publish(new AmiEvent("Newstate", EventClass.CALL, fields));
                }
            });
            for (int i = 0; i < 100 && pbx.amiSessionCount() > 1; i++) {
                Thread.sleep(20);
            }
            assertThat(pbx.amiSessionCount()).as("the deaf session was dropped, the silent one stays").isEqualTo(1);
            assertThat(listening.readLine()).isEqualTo("Asterisk Call Manager/9.0.0\r\n");
        }
    }
}
