/**
 * HOCON application configuration loaded once into typed, validated, immutable records.
 *
 * <p>{@link com.securetrunk.gateway.config.AppConfigLoader} layers, highest priority first: {@code SECURETRUNK_...}
 * environment variables, the user's file ({@code --config FILE}), and {@code reference.conf} (every key, with its
 * default, documented there). Everything lives under the root key {@code securetrunk}. Every wrong value and every
 * unknown key becomes a {@link com.securetrunk.profiles.hocon.ConfigProblem} naming file, line, key path, what was
 * expected and what was found; the loader reports all of them at once. Secrets are
 * {@link com.securetrunk.gateway.config.Secret}s, whose {@code toString} redacts.
 *
 * <p>May depend on Typesafe Config and the {@code profiles} module (profile names are checked against the catalog);
 * nothing else of the gateway.
 */
package com.securetrunk.gateway.config;
