package com.securetrunk.ami.provision;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An Asterisk config file as {@code GetConfig} returns it: categories in order, no comments (Asterisk does not
 * report them, and drops them when {@code UpdateConfig} rewrites the file).
 *
 * @param filename e.g. {@code pjsip.conf}
 * @param sections categories in file order; names may repeat (templates, pjsip objects sharing a name)
 */
public record ConfigFile(String filename, List<ConfigSection> sections) {

    public ConfigFile {
        Objects.requireNonNull(filename, "filename");
        sections = List.copyOf(sections);
    }

    /**
     * The first category called {@code name}, ignoring case as Asterisk's category lookup does (the one
     * {@code UpdateConfig}'s {@code Cat-} addresses).
     */
    public Optional<ConfigSection> section(String name) {
        return sections.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The categories the trunk owns, in file order. */
    public List<ConfigSection> owned(ManagedNames names) {
        return sections.stream().filter(s -> names.owns(s.name())).toList();
    }
}
