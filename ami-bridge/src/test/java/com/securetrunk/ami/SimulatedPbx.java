package com.securetrunk.ami;

import com.securetrunk.ami.connection.AmiClient;
import com.securetrunk.ami.connection.Backoff;
import com.securetrunk.ami.connection.ConnectionFactory;
import com.securetrunk.ami.connection.ManagerConnectionClient;
import com.securetrunk.testpbx.asterisk.AsteriskPersonality;
import com.securetrunk.testpbx.asterisk.SimulatedAsterisk;
import org.asteriskjava.manager.ManagerConnection;

import java.time.Duration;

/** Starts the test-pbx simulated Asterisk on loopback (ephemeral port) and logs asterisk-java in to it. */
public final class SimulatedPbx {

    public static final String USER = "securetrunk";
    public static final String SECRET = "amisecret";

    private SimulatedPbx() {
    }

    public static SimulatedAsterisk start(AsteriskPersonality p) throws Exception {
        return start(p, 0);
    }

    public static SimulatedAsterisk start(AsteriskPersonality p, int amiPort) throws Exception {
        return SimulatedAsterisk.builder(p).amiPort(amiPort).sipPort(5070).amiUser(USER, SECRET)
                .loginFailDelay(Duration.ofMillis(50)).start();
    }

    public static AmiSettings settings(SimulatedAsterisk pbx) {
        return AmiSettings.of("127.0.0.1", pbx.amiAddress().getPort(), USER, Secret.of(SECRET, "ami.secret"))
                .withBackoff(new Backoff(Duration.ofMillis(50), Duration.ofMillis(400), 0.2))
                .withTimeouts(Duration.ofSeconds(4), Duration.ofSeconds(30));
    }

    /** A logged-in asterisk-java connection; the caller logs off. */
    public static ManagerConnection login(SimulatedAsterisk pbx) throws Exception {
        ManagerConnection c = ConnectionFactory.create(settings(pbx), () -> { });
        c.login("off");
        return c;
    }

    public static AmiClient client(ManagerConnection c) {
        return new ManagerConnectionClient(c, 4000);
    }
}
