package com.securetrunk.gateway.config;

import com.securetrunk.profiles.ProfileCatalog;
import com.typesafe.config.Config;

import java.util.Objects;

/**
 * A validated configuration with what came with it.
 *
 * @param config    the typed configuration
 * @param profiles  the built-in and user profiles ({@code profiles.directory}); every profile the config names is in it
 * @param effective the merged HOCON under {@code securetrunk} (environment over file over reference.conf), for display
 *                  through {@link EffectiveConfig} (which redacts secrets)
 */
public record LoadedConfig(AppConfig config, ProfileCatalog profiles, Config effective) {
    public LoadedConfig {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(effective, "effective");
    }
}
