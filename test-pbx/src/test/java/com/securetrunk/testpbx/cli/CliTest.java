package com.securetrunk.testpbx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.testpbx.TestPbxMain;
import com.securetrunk.testpbx.sip.SipUa;
import com.securetrunk.testpbx.sip.Transport;
import com.securetrunk.testpbx.sip.UaConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Command-line behaviour that needs no long-running server: option errors and the one-shot call command. */
class CliTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = TestPbxMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void badOptionValuesAreReportedInOneLine() {
        Run r = run("secure-domain", "--secure-media", "maybe");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--secure-media: expected enabled or disabled, found 'maybe'")
                .doesNotContain("Exception");
        Run c = run("secure-domain", "--cert", "bogus");
        assertThat(c.err()).contains("unknown certificate kind 'bogus'");
        Run s = run("call", "sip:1@127.0.0.1", "--style", "sccp");
        assertThat(s.err()).contains("--style: expected chan-sip or pjsip-2.5, found 'sccp'");
    }

    @Test
    void helpListsTheSubcommands() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("secure-domain").contains("call");
    }

    @Test
    void callCommandExitsZeroWhenTheAudioWasVerified() throws Exception {
        try (SipUa answerer = SipUa.start(UaConfig.pbx().name("answerer").autoAnswer(true, Duration.ofMillis(20)))) {
            Run r = run("call", answerer.uri("600", Transport.TCP), "--seconds", "1", "--style", "pjsip-2.5");
            assertThat(r.code()).as("exit code").isZero();
        }
    }
}
