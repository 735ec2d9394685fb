package com.securetrunk.ami;

/**
 * Something an administrator should know about the PBX, in words they can act on.
 *
 * @param kind    what callers branch on
 * @param message the full sentence, for the log and the status page
 */
public record PbxWarning(Kind kind, String message) {

    /** The warnings discovery can raise. */
    public enum Kind {
        /** The PBX cannot itself do TLS/SRTP with the secure domain: its calls must go through SecureTrunk in the clear. */
        NO_SECURE_MEDIA_ON_PBX,
        /** The profile named in the configuration is not the one discovery picked. */
        PROFILE_MISMATCH,
        /** No SIP channel driver is running, so no trunk can be provisioned. */
        NO_SIP_DRIVER,
        /** The configured driver is not loaded on the PBX. */
        DRIVER_NOT_LOADED,
        /** A discovery step failed (permission, unknown output); discovery went on with what it had. */
        DISCOVERY_INCOMPLETE
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
