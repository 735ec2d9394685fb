package com.securetrunk.gateway.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.ContextInitializer;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class ConsoleLogConfiguratorTest {

    @Test
    void logbackFindsItThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(p -> p.type().getName()))
                .contains(ConsoleLogConfigurator.class.getName());
    }

    @Test
    void aFreshContextGetsTheShippedConsoleAndLevels() throws Exception {
        LoggerContext context = new LoggerContext();
        new ContextInitializer(context).autoConfig(); // as at start-up (this class path has no logback-test.xml)
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE")).isNotNull();
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("gov.nist").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.asteriskjava.manager.util.EventAttributesHelper").getLevel())
                .isEqualTo(Level.ERROR);
    }

    @Test
    void anOperatorsOwnLogbackFileWins() {
        String before = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", "/etc/securetrunk/logback.xml");
        try {
            LoggerContext context = new LoggerContext();
            ConsoleLogConfigurator c = new ConsoleLogConfigurator();
            c.setContext(context);
            assertThat(c.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE")).isNull();
        } finally {
            if (before == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", before);
            }
        }
    }
}
