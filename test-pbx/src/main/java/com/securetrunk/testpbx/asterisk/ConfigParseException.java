package com.securetrunk.testpbx.asterisk;

/** A config text the simulator cannot read; names the file, line and what was expected. */
public final class ConfigParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ConfigParseException(String filename, int line, String expected, String found) {
        super(filename + ":" + line + ": expected " + expected + ", found '" + found + "'");
    }
}
