package com.securetrunk.gateway.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;

/** Applies {@code --log-level} to Logback's root logger. */
public final class LogLevels {

    /** The accepted level names. */
    public static final List<String> NAMES = List.of("error", "warn", "info", "debug", "trace", "off");

    private LogLevels() {
    }

    /**
     * Sets the root level.
     *
     * @throws IllegalArgumentException naming the accepted levels when {@code name} is none of them
     */
    public static void setRoot(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (!NAMES.contains(n)) {
            throw new IllegalArgumentException("expected one of " + String.join(", ", NAMES) + ", found '" + name + "'");
        }
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.toLevel(n));
        }
    }
}
