package com.securetrunk.profiles.hocon;

import com.typesafe.config.ConfigOrigin;

/** Receives the problems a {@link HoconReader} finds; each caller turns them into its own problem record. */
@FunctionalInterface
public interface ProblemSink {

    /**
     * @param origin   where the offending value (or the enclosing object, for a missing key) was written
     * @param keyPath  full key path, e.g. {@code media.offer-suites[1]}
     * @param expected the expected form, e.g. {@code one of: required, optional, off}
     * @param found    what was there, rendered briefly
     */
    void report(ConfigOrigin origin, String keyPath, String expected, String found);

    /** The file name to show for an origin: the file path, the class-path resource, or the origin's description. */
    static String fileOf(ConfigOrigin origin) {
        if (origin == null) {
            return "<unknown>";
        }
        if (origin.filename() != null) {
            return origin.filename();
        }
        if (origin.resource() != null) {
            return origin.resource();
        }
        String d = origin.description();
        // Typesafe appends ": <line>" to descriptions of parsed sources; the line is reported separately.
        return d.replaceFirst(": \\d+$", "");
    }
}
