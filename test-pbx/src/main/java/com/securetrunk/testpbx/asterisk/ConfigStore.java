package com.securetrunk.testpbx.asterisk;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated {@code /etc/asterisk}: config files by name. UpdateConfig writes here; modules read from here only
 * when reloaded, so an edit is not live until its module is reloaded — as with real Asterisk.
 */
public final class ConfigStore {

    private final Map<String, ConfigFile> files = new LinkedHashMap<>();

    public synchronized Optional<ConfigFile> snapshot(String filename) {
        ConfigFile f = files.get(key(filename));
        return f == null ? Optional.empty() : Optional.of(f.copy(f.filename()));
    }

    public synchronized void save(ConfigFile file) {
        files.put(key(file.filename()), file.copy(file.filename()));
    }

    private static String key(String filename) {
        return filename.trim().toLowerCase(Locale.ROOT);
    }
}
