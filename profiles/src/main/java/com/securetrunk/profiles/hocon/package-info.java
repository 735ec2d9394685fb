/**
 * Typed, problem-collecting reading of HOCON (Typesafe Config), shared by the profile loader and the gateway's
 * application configuration.
 *
 * <p>Every read either returns a value or records a problem at the value's origin (file, line, key path, what
 * was expected, what was found) and goes on, so one run reports every mistake in a file, not just the first.
 * Keys that nobody read are reported as unknown. Spec: HOCON (github.com/lightbend/config, HOCON.md).
 */
package com.securetrunk.profiles.hocon;
