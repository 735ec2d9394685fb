package com.securetrunk.gateway.config;

import com.securetrunk.profiles.hocon.ConfigProblem;
import java.util.List;
import java.util.stream.Collectors;

/** The configuration was refused; the message lists every problem, one per line. */
public final class InvalidConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public InvalidConfigException(List<ConfigProblem> problems) {
        super(problems.size() + " problem(s) in the configuration:" + System.lineSeparator()
                + problems.stream().map(ConfigProblem::toString).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order found. */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
