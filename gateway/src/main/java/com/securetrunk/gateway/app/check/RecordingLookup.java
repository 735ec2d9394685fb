package com.securetrunk.gateway.app.check;

import com.securetrunk.gateway.sip.DnsTargetResolver;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Wraps a DNS {@link DnsTargetResolver.Lookup} and writes down every query and its answer, so {@code check} can
 * show the RFC 3263 steps it took (NAPTR, then SRV, then A/AAAA). Names given with {@code --resolve NAME:ADDRESS}
 * answer with that address and have no NAPTR/SRV records (like curl's option of the same name).
 */
final class RecordingLookup implements DnsTargetResolver.Lookup {
    private final DnsTargetResolver.Lookup delegate;
    private final Map<String, InetAddress> overrides;
    private final List<String> steps = new ArrayList<>();

    RecordingLookup(DnsTargetResolver.Lookup delegate, Map<String, InetAddress> overrides) {
        this.delegate = delegate;
        this.overrides = overrides;
    }

    /** One line per query, in the order made. */
    List<String> steps() {
        return List.copyOf(steps);
    }

    private boolean overridden(String name) {
        return overrides.containsKey(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public List<DnsTargetResolver.Naptr> naptr(String name) {
        List<DnsTargetResolver.Naptr> r = overridden(name) ? List.of() : delegate.naptr(name);
        steps.add("NAPTR " + name + ": " + (r.isEmpty() ? "none" : r.stream()
                .map(n -> n.order() + " " + n.preference() + " " + n.service() + " -> " + n.replacement())
                .collect(Collectors.joining(", "))));
        return r;
    }

    @Override
    public List<DnsTargetResolver.Srv> srv(String name) {
        List<DnsTargetResolver.Srv> r = delegate.srv(name);
        steps.add("SRV " + name + ": " + (r.isEmpty() ? "none" : r.stream()
                .map(s -> s.priority() + " " + s.weight() + " " + s.port() + " " + s.target())
                .collect(Collectors.joining(", "))));
        return r;
    }

    @Override
    public List<InetAddress> addresses(String name) {
        InetAddress forced = overrides.get(name.toLowerCase(Locale.ROOT));
        List<InetAddress> r = forced != null ? List.of(forced) : delegate.addresses(name);
        steps.add("A/AAAA " + name + ": " + (r.isEmpty() ? "none" : r.stream().map(InetAddress::getHostAddress)
                .collect(Collectors.joining(", "))) + (forced != null ? " (--resolve)" : ""));
        return r;
    }
}
