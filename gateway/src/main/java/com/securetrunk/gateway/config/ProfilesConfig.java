package com.securetrunk.gateway.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where user profiles live ({@code securetrunk.profiles}).
 *
 * @param directory directory of {@code *.conf} profiles; empty = built-ins only
 */
public record ProfilesConfig(Optional<Path> directory) {
    public ProfilesConfig {
        Objects.requireNonNull(directory, "directory");
    }
}
