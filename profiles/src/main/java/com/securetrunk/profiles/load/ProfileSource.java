package com.securetrunk.profiles.load;

import com.typesafe.config.Config;

import java.util.Optional;

/**
 * One profile file before inheritance: its name, where it came from, and its parsed content (empty when it
 * could not be parsed; the parse problem was already reported).
 *
 * @param name    profile name (file name without {@code .conf})
 * @param label   {@code built-in} or the file path
 * @param builtIn shipped inside SecureTrunk
 * @param raw     parsed HOCON, unresolved
 */
record ProfileSource(String name, String label, boolean builtIn, Optional<Config> raw) {

    /** Identity: two files with equal content are still two profiles (cycle detection relies on this). */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
