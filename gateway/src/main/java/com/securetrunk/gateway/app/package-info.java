/**
 * Entry point, CLI (picocli), lifecycle, wiring, metrics and health endpoints.
 *
 * <p>{@link com.securetrunk.gateway.app.Main} is the {@code securetrunk} root command with the global
 * {@code --log-level} option; each subcommand is its own class listed in Main's {@code subcommands}
 * ({@link com.securetrunk.gateway.app.RunCommand}, {@link com.securetrunk.gateway.app.ProfilesCommand}, ...).
 * Commands write to picocli's out/err writers so tests run them in-process. Exit codes: 0 success, 1 operational
 * error, 2 invalid input (usage, configuration or profile problems).
 */
package com.securetrunk.gateway.app;
