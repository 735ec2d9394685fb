package com.securetrunk.gateway.sip;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access to a private field of JAIN-SIP RI 1.3.0-91, where the gateway tunes what the RI offers no setting for
 * ({@link DialogAckTimers}, {@link UdpReceiveBuffers}, {@link StrayResponseValve}). Each user works without it: when
 * the field is missing (another RI version) this says so once, with what is lost, and the RI's own behaviour stays.
 */
final class RiFields {
    private static final Logger LOG = LoggerFactory.getLogger(RiFields.class);

    private RiFields() {
    }

    /** A handle on {@code owner.name} of {@code type}, or null (logged with {@code withoutIt}) if the RI has no such field. */
    static VarHandle find(Class<?> owner, String name, Class<?> type, String withoutIt) {
        try {
            return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findVarHandle(owner, name, type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("JAIN-SIP field {}.{} not found ({}); {}", owner.getSimpleName(), name, e, withoutIt);
            return null;
        }
    }
}
