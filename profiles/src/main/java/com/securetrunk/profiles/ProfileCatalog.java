package com.securetrunk.profiles;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The resolved profiles the gateway knows, by name: the built-ins plus any user profiles (which replace a
 * built-in of the same name). Immutable. Obtain one from {@code com.securetrunk.profiles.load.ProfileLoader}.
 */
public final class ProfileCatalog {

    private final Map<String, Profile> byName;

    /** A catalog of exactly these profiles; names must be unique. */
    public ProfileCatalog(Collection<Profile> profiles) {
        Map<String, Profile> map = new TreeMap<>();
        for (Profile p : profiles) {
            if (map.put(p.name(), p) != null) {
                throw new IllegalArgumentException("duplicate profile name: " + p.name());
            }
        }
        this.byName = java.util.Collections.unmodifiableMap(map);
    }

    /** The profile called {@code name}, if any. */
    public Optional<Profile> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The profile called {@code name}.
     *
     * @throws NoSuchElementException naming the known profiles when there is none
     */
    public Profile get(String name) {
        Profile p = byName.get(name);
        if (p == null) {
            throw new NoSuchElementException("no profile named '" + name + "'; known profiles: "
                    + String.join(", ", byName.keySet()));
        }
        return p;
    }

    /**
     * The profiles of {@code family} whose {@code identity.versions} contain {@code version}, narrowest range first
     * (a profile with both bounds before one with an open end), then by name; for mapping a discovered PBX to a profile.
     */
    public List<Profile> matching(com.securetrunk.profiles.Family family, String version) {
        return byName.values().stream()
                .filter(p -> p.family() == family && p.identity().versions().contains(version))
                .sorted(java.util.Comparator.comparingInt((Profile p) -> openEnds(p.identity().versions()))
                        .thenComparing(Profile::name))
                .toList();
    }

    private static int openEnds(VersionRange r) {
        return (r.min().isEmpty() ? 1 : 0) + (r.max().isEmpty() ? 1 : 0);
    }

    /** Every profile, sorted by name. */
    public List<Profile> all() {
        return List.copyOf(byName.values());
    }

    /** Every profile name, sorted. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
