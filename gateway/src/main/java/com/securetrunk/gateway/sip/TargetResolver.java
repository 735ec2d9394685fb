package com.securetrunk.gateway.sip;

import java.util.List;

/** Turns a SIP target (host, optional port, transport) into addresses to try in order (RFC 3263 section 4). */
@FunctionalInterface
public interface TargetResolver {
    /**
     * @param host      a DNS name or IP literal (IPv6 without brackets)
     * @param port      the explicit port, or 0 when the target names none (then SRV may choose)
     * @param transport the transport the target requires
     * @return addresses in the order to try; empty when the name does not resolve
     */
    List<ResolvedTarget> resolve(String host, int port, Transport transport);
}
