package com.securetrunk.gateway.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import com.securetrunk.gateway.config.Secret;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

class RedactionTest {

    // A real pjsua 2.5.5 crypto line (observed-transcripts.md, pj255-tls-srtp).
    private static final String KEY = "eIk6aAux3xCVfzrnqJKgqfr8N/XJTpCwi7tvOKyq";
    private static final String CRYPTO = "a=crypto:3 AES_CM_128_HMAC_SHA1_80 inline:" + KEY;

    @Test
    void redactorMasksInlineKeysAndNamedSecrets() {
        assertThat(Redactor.redact(CRYPTO)).isEqualTo("a=crypto:3 AES_CM_128_HMAC_SHA1_80 inline:<redacted>");
        assertThat(Redactor.redact("a=crypto:1 AES_CM_128_HMAC_SHA1_32 inline:" + KEY + "|2^31|1:4"))
                .isEqualTo("a=crypto:1 AES_CM_128_HMAC_SHA1_32 inline:<redacted>|2^31|1:4");
        assertThat(Redactor.redact("Action: Login\r\nUsername: admin\r\nSecret: amp111\r\n"))
                .isEqualTo("Action: Login\r\nUsername: admin\r\nSecret: <redacted>\r\n");
        assertThat(Redactor.redact("password = \"hunter2\" and secret=abc; SECURETRUNK_AMI_SECRET=xyz"))
                .doesNotContain("hunter2", "abc", "xyz");
        assertThat(Redactor.redact("{\"password\": \"pw1\", \"key-password\":\"pw2\"}")).doesNotContain("pw1", "pw2");
        assertThat(Redactor.redact("calls 12, nothing secret here")).isEqualTo("calls 12, nothing secret here");
        assertThat(Redactor.redact("password = <redacted>")).isEqualTo("password = <redacted>");
    }

    @Test
    void shippedLogbackConfigurationRoutesTheConsoleThroughTheRedactingLayout() throws Exception {
        // The shipped configuration, applied to a context of its own
        LoggerContext context = new LoggerContext();
        ConsoleLogConfigurator.apply(context);
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> console = root.getAppender("CONSOLE");
        assertThat(console).isInstanceOf(OutputStreamAppender.class);
        Object encoder = ((OutputStreamAppender<?>) console).getEncoder();
        assertThat(encoder).isInstanceOf(LayoutWrappingEncoder.class);
        assertThat(((LayoutWrappingEncoder<?>) encoder).getLayout()).isInstanceOf(RedactingPatternLayout.class);
    }

    @Test
    void secretsLoggedByMistakeNeverReachTheOutput() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        RedactingPatternLayout layout = new RedactingPatternLayout();
        layout.setContext(context);
        layout.setPattern("%-5level %logger - %msg%n%ex");
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(bytes);
        appender.start();
        Logger logger = context.getLogger("redaction-test");
        logger.setAdditive(false);
        logger.addAppender(appender);
        try {
            logger.info("offer from peer:\r\n{}\r\n", CRYPTO);
            logger.warn("AMI login failed for admin, secret={}", "amp111");
            logger.error("digest failed", new IllegalStateException("password: hunter2 refused"));
            logger.info("configured secret {}", Secret.of("s3cr3t"));
        } finally {
            logger.detachAppender(appender);
            appender.stop();
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("offer from peer", "AMI login failed", "digest failed", "IllegalStateException");
        assertThat(out).doesNotContain(KEY, "amp111", "hunter2", "s3cr3t");
        assertThat(out).contains("inline:<redacted>", "secret=<redacted>", "password: <redacted>");
    }

    @Test
    void logLevelSwitchSetsTheRootLevelAndRefusesUnknownNames() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Level before = root.getLevel();
        try {
            LogLevels.setRoot("DEBUG");
            assertThat(root.getLevel()).isEqualTo(ch.qos.logback.classic.Level.DEBUG);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogLevels.setRoot("loud"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("found 'loud'");
        } finally {
            root.setLevel(before);
        }
    }
}
