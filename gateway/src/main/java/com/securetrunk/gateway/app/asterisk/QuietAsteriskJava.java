package com.securetrunk.gateway.app.asterisk;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-shot commands print their own report; asterisk-java's INFO chatter (and its WARN per GetConfig line:
 * "Unable to set property 'line-000000-000000' ... no setter", an asterisk-java quirk) would bury it.
 */
final class QuietAsteriskJava {

    private QuietAsteriskJava() {
    }

    static void apply() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext) {
            ((Logger) LoggerFactory.getLogger("org.asteriskjava")).setLevel(Level.ERROR);
            ((Logger) LoggerFactory.getLogger("org.reflections")).setLevel(Level.WARN); // asterisk-java's scan
            ((Logger) LoggerFactory.getLogger("com.securetrunk.ami")).setLevel(Level.WARN);
        }
    }
}
