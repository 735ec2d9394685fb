package com.securetrunk.gateway.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The gateway's logging, set up in code: console on stderr (stdout stays clean for command output such as
 * {@code profiles show}), level INFO unless {@code --log-level} says otherwise, and every line through
 * {@link RedactingPatternLayout}, which masks inline SRTP keys and password/secret values.
 *
 * <p>Why code and not a {@code logback.xml}: Logback's XML path (Joran, an XML parser, its model classes) loads
 * some 600 classes before the first log line, a fifth of the gateway's start-up time (issue 7's target is under 2
 * s). Found by Logback through {@code META-INF/services/ch.qos.logback.classic.spi.Configurator}. An operator's own
 * file still wins: with {@code -Dlogback.configurationFile=FILE} (or a {@code logback-test.xml} on a test class
 * path) this configurator steps aside and Logback reads that file as usual.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {
    /** The console line: time, level, thread, logger, message, exception. */
    public static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n%ex";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || ConsoleLogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Configures {@code context} as the gateway ships (also used by tests on a context of their own). */
    public static void apply(LoggerContext context) {
        RedactingPatternLayout layout = new RedactingPatternLayout();
        layout.setContext(context);
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        // JAIN-SIP RI (through log4j-over-slf4j) logs every TLS handshake watchdog at INFO; keep its warnings.
        context.getLogger("gov.nist").setLevel(Level.WARN);
        // asterisk-java warns once per GetConfig line ("Unable to set property 'line-000000-000000' ... no setter"):
        // its GetConfigResponse keeps those lines in a map it fills separately. Not actionable.
        context.getLogger("org.asteriskjava.manager.util.EventAttributesHelper").setLevel(Level.ERROR);
    }
}
