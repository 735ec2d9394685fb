package com.securetrunk.testpbx.asterisk;

import java.util.Optional;

/**
 * A loaded Asterisk module as {@code module show} lists it.
 *
 * @param resource     file name, e.g. {@code chan_sip.so}
 * @param description  the module's description string
 * @param useCount     use count column
 * @param supportLevel {@code core}, {@code extended} or {@code deprecated}
 * @param configFile   the config file a reload re-reads, if the module supports reload
 * @param reloadable   whether the module has a reload callback
 */
public record Module(String resource, String description, int useCount, String supportLevel,
                     Optional<String> configFile, boolean reloadable) {

    /** {@code resource_name_match}: names compare case-insensitively, with or without {@code .so}. */
    public boolean matches(String name) {
        String n = name.trim();
        String bare = resource.endsWith(".so") ? resource.substring(0, resource.length() - 3) : resource;
        return resource.equalsIgnoreCase(n) || bare.equalsIgnoreCase(n);
    }
}
