package com.securetrunk.testpbx.asterisk;

import java.util.List;

/**
 * What a CLI command printed, line by line (without line ends), and whether the CLI reported success — from 14.0
 * a failed command makes the AMI answer {@code Response: Error}.
 */
public record CliResult(boolean success, List<String> lines) {
    public CliResult {
        lines = List.copyOf(lines);
    }
}
