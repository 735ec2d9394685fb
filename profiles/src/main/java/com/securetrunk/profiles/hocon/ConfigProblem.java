package com.securetrunk.profiles.hocon;

import com.typesafe.config.ConfigOrigin;

import java.util.Objects;

/**
 * One thing wrong with a HOCON file (a profile or the application configuration), precise enough to fix without
 * reading code.
 *
 * @param file     the file, class-path resource or environment variable the offending value came from
 * @param line     line number in that file, or -1 when unknown (environment variables)
 * @param keyPath  key path, e.g. {@code media.offer-suites[1]}; {@code ""} for a problem with the whole file
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

    /** A problem at a Typesafe Config origin ({@link ConfigOrigin#lineNumber()} gives the line). */
    public static ConfigProblem at(ConfigOrigin origin, String keyPath, String expected, String found) {
        return new ConfigProblem(ProblemSink.fileOf(origin), origin == null ? -1 : origin.lineNumber(), keyPath,
                expected, found);
    }

    /** {@code file:line: key.path: expected ..., found ...} — one line, as {@code profiles validate} and {@code run} print it. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ")
                + "expected " + expected + ", found " + found;
    }
}
