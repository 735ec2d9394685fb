/**
 * Logging setup: the {@code --log-level} switch and the guard that keeps secrets out of every log line
 * ({@link com.securetrunk.gateway.app.logging.RedactingPatternLayout}, used by the console appender that {@link com.securetrunk.gateway.app.logging.ConsoleLogConfigurator} sets up).
 * Secrets are also redacted at the source ({@code Secret.toString}, {@code MasterKey.toString}); this is the
 * second line of defence for text that passes through, such as SDP bodies and AMI frames.
 */
package com.securetrunk.gateway.app.logging;
