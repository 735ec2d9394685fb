package com.securetrunk.gateway.app.asterisk;

import com.securetrunk.gateway.config.AppConfigLoader;
import com.securetrunk.gateway.config.InvalidConfigException;
import com.securetrunk.gateway.config.LoadedConfig;

import java.nio.file.Path;
import java.util.Optional;

/** Loads the SecureTrunk config only when the operator named a file (the commands work without one). */
final class Configs {

    private Configs() {
    }

    static Optional<LoadedConfig> load(Optional<Path> file) {
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AppConfigLoader.load(file));
        } catch (InvalidConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
