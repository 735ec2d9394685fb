package com.securetrunk.testpbx;

import com.securetrunk.testpbx.asterisk.AsteriskPersonality;
import com.securetrunk.testpbx.asterisk.SimulatedAsterisk;
import com.securetrunk.testpbx.asterisk.Trunk;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code test-pbx pbx}: runs a simulated Asterisk on loopback until Ctrl-C.
 *
 * <pre>java -jar test-pbx/target/test-pbx.jar pbx --version 13.8-cert2 --ami-port 5038 --sip-port 5060</pre>
 */
@Command(name = "pbx", description = "Run a simulated Asterisk (AMI + SIP) on loopback until Ctrl-C.")
public final class PbxCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--version", defaultValue = "20", paramLabel = "VERSION",
            description = "Asterisk version to imitate: 13.8-cert2, 16 or 20 (default: ${DEFAULT-VALUE}).")
    String version;

    @Option(names = "--ami-port", defaultValue = "5038", description = "AMI TCP port (default: ${DEFAULT-VALUE}).")
    int amiPort;

    @Option(names = "--ami-user", defaultValue = "admin", description = "AMI user (default: ${DEFAULT-VALUE}).")
    String amiUser;

    @Option(names = "--ami-secret", defaultValue = "secret", description = "AMI secret (default: ${DEFAULT-VALUE}).")
    String amiSecret;

    @Option(names = "--sip-port", defaultValue = "5060", description = "SIP port (default: ${DEFAULT-VALUE}).")
    int sipPort;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Loopback address to listen on: 127.0.0.1 or ::1 (default: ${DEFAULT-VALUE}).")
    String bind;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        AsteriskPersonality personality;
        InetAddress address;
        try {
            personality = AsteriskPersonality.fromCliName(version);
            address = InetAddress.getByName(bind);
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("--bind " + bind + " is not a loopback address (expected "
                        + "127.0.0.1 or ::1)");
            }
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        SimulatedAsterisk pbx = SimulatedAsterisk.builder(personality).bindAddress(address).amiPort(amiPort)
                .amiUser(amiUser, amiSecret).sipPort(sipPort).withSipUa().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pbx.close();
            stopped.countDown();
        }, "pbx-shutdown"));
        out.printf("simulated Asterisk %s (AMI %s, PJPROJECT %s)%n", personality.asteriskVersion(),
                personality.amiVersion(), personality.pjprojectVersion());
        out.printf("AMI listening on %s:%d (user %s)%n", pbx.amiAddress().getAddress().getHostAddress(),
                pbx.amiAddress().getPort(), amiUser);
        out.printf("SIP listening on %s:%d (UDP and TCP)%n",
                pbx.sipBindAddress().getAddress().getHostAddress(), pbx.sipBindAddress().getPort());
        for (Trunk t : pbx.trunks()) {
            out.printf("trunk %s/%s -> %s:%d (%s)%n", t.driver().technology(), t.name(), t.host(), t.port(),
                    t.transport());
        }
        out.println("press Ctrl-C to stop");
        out.flush();
        stopped.await();
        return 0;
    }
}
