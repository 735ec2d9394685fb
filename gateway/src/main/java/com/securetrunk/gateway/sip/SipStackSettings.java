package com.securetrunk.gateway.sip;

import com.securetrunk.gateway.sip.input.BadInputObserver;
import com.securetrunk.gateway.sip.input.InputGuard;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to build one JAIN-SIP stack for one side of the gateway.
 *
 * @param stackName    unique per JVM ({@code javax.sip.STACK_NAME}); also the logger name suffix for the stack's own log
 * @param listenPoints UDP/TCP/TLS, IPv4 and IPv6; explicit ports
 * @param tls          this side's TLS configuration; required when a TLS listen point exists or TLS is sent
 * @param limits       message size, connections, transactions, threads, timeouts
 * @param guard        checks what the listeners receive; its message size limit is the one that holds (see
 *                     {@link SipStackFactory#properties})
 */
public record SipStackSettings(String stackName, List<ListenPoint> listenPoints, TlsSide tls, SipStackLimits limits,
                               InputGuard guard) {
    public SipStackSettings {
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(guard, "guard");
        listenPoints = List.copyOf(listenPoints);
        if (listenPoints.isEmpty()) {
            throw new IllegalArgumentException("stack '" + stackName + "' has no listen points (expected at least one)");
        }
        if (tls == null && listenPoints.stream().anyMatch(lp -> lp.transport() == Transport.TLS)) {
            throw new IllegalArgumentException("stack '" + stackName + "' listens on TLS but has no TLS settings");
        }
        if (listenPoints.stream().distinct().count() != listenPoints.size()) {
            throw new IllegalArgumentException("stack '" + stackName + "' lists a listen point twice: " + listenPoints);
        }
    }

    /** With a guard on {@code limits.maxMessageSize()} that counts nothing, labelled as the legacy side (tests, tools). */
    public SipStackSettings(String stackName, List<ListenPoint> listenPoints, TlsSide tls, SipStackLimits limits) {
        this(stackName, listenPoints, tls, limits,
                new InputGuard(Side.LEGACY, limits.maxMessageSize(), Optional.empty(), BadInputObserver.NONE));
    }
}
