package com.securetrunk.gateway.config;

import com.securetrunk.profiles.hocon.ProblemSink;
import com.typesafe.config.ConfigOrigin;

import java.util.Objects;

/**
 * One thing wrong with the application configuration.
 *
 * @param file     the file, class-path resource or environment variable the offending value came from
 * @param line     line number in that file, or -1 when unknown (environment variables)
 * @param keyPath  full key path, e.g. {@code securetrunk.media.port-min}; {@code ""} for the whole file
 * @param expected the expected form
 * @param found    what was there (never a secret's value)
 */
public record ConfigProblem(String file, int line, String keyPath, String expected, String found) {

    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(found, "found");
    }

    /** A problem at a Typesafe Config origin. */
    public static ConfigProblem at(ConfigOrigin origin, String keyPath, String expected, String found) {
        return new ConfigProblem(ProblemSink.fileOf(origin), origin == null ? -1 : origin.lineNumber(), keyPath,
                expected, found);
    }

    /** {@code file:line: key.path: expected ..., found ...}. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ")
                + "expected " + expected + ", found " + found;
    }
}
