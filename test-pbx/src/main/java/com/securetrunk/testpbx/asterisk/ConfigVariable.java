package com.securetrunk.testpbx.asterisk;

/** One {@code name=value} line of a config category. Names compare case-insensitively, as in config.c. */
public record ConfigVariable(String name, String value) {
}
