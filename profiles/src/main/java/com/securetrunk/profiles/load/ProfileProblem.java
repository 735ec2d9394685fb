package com.securetrunk.profiles.load;

import com.securetrunk.profiles.hocon.ProblemSink;
import com.typesafe.config.ConfigOrigin;

import java.util.Objects;

/**
 * One thing wrong with a profile file, precise enough to fix without reading code.
 *
 * @param file     the file (or class-path resource) the offending value was written in
 * @param line     line number in that file, or -1 when unknown
 * @param keyPath  key path, e.g. {@code media.offer-suites[1]}; {@code ""} for a problem with the whole file
 * @param expected the expected form
 * @param found    what was there
 */
public record ProfileProblem(String file, int line, String keyPath, String expected, String found) {

    public ProfileProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(found, "found");
    }

    /** A problem at a Typesafe Config origin ({@link ConfigOrigin#lineNumber()} gives the line). */
    public static ProfileProblem at(ConfigOrigin origin, String keyPath, String expected, String found) {
        return new ProfileProblem(ProblemSink.fileOf(origin), origin == null ? -1 : origin.lineNumber(), keyPath,
                expected, found);
    }

    /** {@code file:line: key.path: expected ..., found ...} — one line, as {@code profiles validate} prints it. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ")
                + "expected " + expected + ", found " + found;
    }
}
