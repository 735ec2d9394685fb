package com.securetrunk.profiles.load;

import com.securetrunk.profiles.hocon.ConfigProblem;
import com.securetrunk.profiles.ProfileCatalog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a load produced: the profiles that are valid, and every problem found. A profile with any problem (or
 * whose parent has one) is left out of the catalog.
 *
 * @param catalog  the valid profiles
 * @param problems every problem, in the order found, without duplicates
 */
public record LoadResult(ProfileCatalog catalog, List<ConfigProblem> problems) {

    public LoadResult {
        problems = List.copyOf(problems);
    }

    /** True when nothing was wrong. */
    public boolean valid() {
        return problems.isEmpty();
    }

    /**
     * The catalog, when nothing was wrong.
     *
     * @throws ProfileException listing every problem otherwise
     */
    public ProfileCatalog orThrow() {
        if (!problems.isEmpty()) {
            throw new ProfileException(problems);
        }
        return catalog;
    }

    /** One problem per line. */
    public String problemReport() {
        return problems.stream().map(ConfigProblem::toString).collect(Collectors.joining(System.lineSeparator()));
    }
}
