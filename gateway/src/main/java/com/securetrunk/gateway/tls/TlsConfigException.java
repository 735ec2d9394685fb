package com.securetrunk.gateway.tls;

import java.nio.file.Path;

/**
 * A certificate, key, keystore or CA bundle could not be used. The message names the file, what was expected and
 * what was found, so an operator can fix it without reading code.
 */
public final class TlsConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public TlsConfigException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public TlsConfigException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"), cause);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
