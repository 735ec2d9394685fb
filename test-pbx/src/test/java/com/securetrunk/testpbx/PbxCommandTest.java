package com.securetrunk.testpbx;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.testpbx.ami.RawAmiClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code test-pbx pbx}: starts, prints where it listens, answers AMI, refuses bad options, stops. */
class PbxCommandTest {

    @Test
    void runsPrintsWhereItListensAndStops() throws Exception {
        PbxCommand cmd = new PbxCommand();
        StringWriter text = new StringWriter();
        CommandLine cli = new CommandLine(new TestPbxMain());
        cli.setOut(new PrintWriter(text, true));
        CommandLine pbxCli = cli.getSubcommands().get("pbx");
        AtomicInteger exit = new AtomicInteger(-1);
        // Run our own instance so the test can stop it.
        CommandLine own = new CommandLine(cmd);
        own.setOut(new PrintWriter(text, true));
        Thread runner = new Thread(() -> exit.set(own.execute("--version", "16", "--ami-port", "0", "--sip-port",
                "0", "--ami-user", "ops", "--ami-secret", "pw")));
        runner.start();
        Matcher m = null;
        for (int i = 0; i < 100 && (m == null || !m.find()); i++) {
            Thread.sleep(50);
            m = Pattern.compile("AMI listening on 127\\.0\\.0\\.1:(\\d+) \\(user ops\\)").matcher(text.toString());
        }
        assertThat(pbxCli).isNotNull();
        assertThat(text.toString()).contains("simulated Asterisk 16.30.0 (AMI 5.0.5, PJPROJECT 2.12.1)",
                "SIP listening on 127.0.0.1:");
        int port = Integer.parseInt(m.group(1));
        try (RawAmiClient c = new RawAmiClient(new InetSocketAddress("127.0.0.1", port))) {
            assertThat(c.readLine()).isEqualTo("Asterisk Call Manager/5.0.5\r\n");
            c.send("Action: Login\r\nUsername: ops\r\nSecret: pw\r\nEvents: off\r\n\r\n");
            assertThat(c.readMessage()).isEqualTo("Response: Success\r\nMessage: Authentication accepted\r\n\r\n");
        }
        cmd.stop();
        runner.join(5000);
        assertThat(runner.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
        assertThat(text.toString()).endsWith("stopped" + System.lineSeparator());
    }

    @Test
    void refusesAnUnknownVersionAndANonLoopbackBind() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new TestPbxMain());
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("pbx", "--version", "11")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown Asterisk version '11' (expected one of: 13.8-cert2, 16, 20)");
        assertThat(cli.execute("pbx", "--bind", "192.0.2.1")).isEqualTo(2);
        assertThat(err.toString()).contains("--bind 192.0.2.1 is not a loopback address");
    }
}
