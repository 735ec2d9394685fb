package com.securetrunk.profiles.load;

import com.securetrunk.profiles.hocon.ConfigProblem;
import java.util.List;
import java.util.stream.Collectors;

/** Profiles could not be loaded; the message lists every problem, one per line. */
public final class ProfileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ProfileException(List<ConfigProblem> problems) {
        super(problems.size() + " problem(s) in profiles:" + System.lineSeparator()
                + problems.stream().map(ConfigProblem::toString).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    /** Every problem. */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
