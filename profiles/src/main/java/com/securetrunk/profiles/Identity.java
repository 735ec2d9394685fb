package com.securetrunk.profiles;

import java.util.Objects;

/**
 * Who a profile is for.
 *
 * @param name        the profile's name (its file name without {@code .conf}), e.g. {@code twilio-secure}
 * @param description one line for {@code securetrunk profiles list}
 * @param family      the kind of product
 * @param versions    the product versions this profile applies to ({@code identity.versions})
 */
public record Identity(String name, String description, Family family, VersionRange versions) {
    public Identity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(versions, "versions");
    }
}
