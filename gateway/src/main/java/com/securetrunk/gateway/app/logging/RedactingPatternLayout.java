package com.securetrunk.gateway.app.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * A Logback pattern layout whose every output line (message, arguments, exception text, MDC) goes through
 * {@link Redactor}, so a secret that slips into a log statement is masked before it reaches any appender using it.
 */
public class RedactingPatternLayout extends PatternLayout {

    @Override
    public String doLayout(ILoggingEvent event) {
        return Redactor.redact(super.doLayout(event));
    }
}
