package com.securetrunk.gateway.sip;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * RFC 3263 section 4 for a transport that is already decided: an IP literal is used as is; a name with an explicit
 * port is looked up as A/AAAA; a name without one is looked up as NAPTR (keeping only the service of our transport,
 * RFC 3263 section 4.1, ordered by order then preference), then SRV (RFC 2782: priority, then weight) on the
 * replacement or on {@code _sips._tcp} / {@code _sip._tcp} / {@code _sip._udp}, and finally A/AAAA on the default
 * port (5061 for TLS, 5060 otherwise). Lookups go through {@link Lookup}; {@link #jndi()} uses the JDK DNS provider.
 */
public final class DnsTargetResolver implements TargetResolver {

    /** A NAPTR record (RFC 3403): only the fields RFC 3263 uses. */
    public record Naptr(int order, int preference, String flags, String service, String replacement) {
    }

    /** An SRV record (RFC 2782). */
    public record Srv(int priority, int weight, int port, String target) {
    }

    /** DNS queries; each returns an empty list when the name has no such record. */
    public interface Lookup {
        List<Naptr> naptr(String name);

        List<Srv> srv(String name);

        List<InetAddress> addresses(String name);
    }

    private final Lookup lookup;

    public DnsTargetResolver(Lookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public List<ResolvedTarget> resolve(String host, int port, Transport transport) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int defaultPort = transport == Transport.TLS ? 5061 : 5060;
        List<ResolvedTarget> out = new ArrayList<>();
        if (isIpLiteral(h)) {
            try {
                out.add(new ResolvedTarget(new InetSocketAddress(InetAddress.getByName(h), port > 0 ? port : defaultPort), transport, h));
            } catch (UnknownHostException e) {
                // not reached for a literal
            }
            return out;
        }
        if (port > 0) {
            addAll(out, h, port, transport);
            return out;
        }
        String srvName = null;
        List<Naptr> naptrs = new ArrayList<>(lookup.naptr(h));
        naptrs.sort(Comparator.comparingInt(Naptr::order).thenComparingInt(Naptr::preference));
        for (Naptr n : naptrs) {
            if ("s".equalsIgnoreCase(n.flags()) && n.service().equalsIgnoreCase(naptrService(transport))) {
                srvName = n.replacement();
                break;
            }
        }
        if (srvName == null) {
            srvName = srvPrefix(transport) + h;
        }
        List<Srv> srvs = new ArrayList<>(lookup.srv(srvName));
        srvs.sort(Comparator.comparingInt(Srv::priority).thenComparing(Comparator.comparingInt(Srv::weight).reversed()));
        for (Srv s : srvs) {
            addAll(out, stripDot(s.target()), s.port(), transport, h);
        }
        if (srvs.isEmpty()) {
            addAll(out, h, defaultPort, transport);
        }
        return out;
    }

    private void addAll(List<ResolvedTarget> out, String name, int port, Transport transport) {
        addAll(out, name, port, transport, name);
    }

    /** {@code domain} is the name the certificate must carry (RFC 5922 section 4: the domain, not the SRV target). */
    private void addAll(List<ResolvedTarget> out, String name, int port, Transport transport, String domain) {
        for (InetAddress a : lookup.addresses(name)) {
            out.add(new ResolvedTarget(new InetSocketAddress(a, port), transport, domain));
        }
    }

    static String naptrService(Transport t) {
        return switch (t) {
            case TLS -> "SIPS+D2T";
            case TCP -> "SIP+D2T";
            case UDP -> "SIP+D2U";
        };
    }

    static String srvPrefix(Transport t) {
        return switch (t) {
            case TLS -> "_sips._tcp.";
            case TCP -> "_sip._tcp.";
            case UDP -> "_sip._udp.";
        };
    }

    static boolean isIpLiteral(String h) {
        return h.indexOf(':') >= 0 || h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static String stripDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Lookups through the JDK's JNDI DNS provider and the system resolver (for A/AAAA, so /etc/hosts applies). */
    public static DnsTargetResolver jndi() {
        return new DnsTargetResolver(jndiLookup());
    }

    /** The JNDI lookups on their own (for {@code securetrunk check}, which shows each query). */
    public static Lookup jndiLookup() {
        return new JndiLookup(null);
    }

    /**
     * Every query, A/AAAA included, to one DNS server ({@code host:port}) instead of the system's resolvers: for a
     * deployment whose SIP names live on a server of their own, and for tests against a real DNS server.
     */
    public static Lookup jndiLookup(String dnsServer) {
        return new JndiLookup(dnsServer);
    }

    private static final class JndiLookup implements Lookup {
        private final String server; // host:port, or null for the system's resolvers

        JndiLookup(String server) {
            this.server = server;
        }

        private List<String> query(String name, String type) {
            Hashtable<String, String> env = new Hashtable<>();
            env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
            if (server != null) {
                env.put("java.naming.provider.url", "dns://" + server);
            }
            env.put("com.sun.jndi.dns.timeout.initial", "1000");
            env.put("com.sun.jndi.dns.timeout.retries", "2");
            List<String> out = new ArrayList<>();
            try {
                DirContext ctx = new InitialDirContext(env);
                try {
                    Attributes attrs = ctx.getAttributes(name, new String[] {type});
                    Attribute a = attrs.get(type);
                    if (a != null) {
                        NamingEnumeration<?> e = a.getAll();
                        while (e.hasMore()) {
                            out.add(e.next().toString());
                        }
                    }
                } finally {
                    ctx.close();
                }
            } catch (NamingException | RuntimeException e) {
                // no such record (or no DNS): the next step of RFC 3263 applies
            }
            return out;
        }

        @Override
        public List<Naptr> naptr(String name) {
            List<Naptr> out = new ArrayList<>();
            for (String r : query(name, "NAPTR")) {
                // order preference "flags" "service" "regexp" replacement
                String[] f = r.split("\\s+");
                if (f.length >= 6) {
                    try {
                        out.add(new Naptr(Integer.parseInt(f[0]), Integer.parseInt(f[1]), unquote(f[2]),
                                unquote(f[3]).toUpperCase(Locale.ROOT), stripDot(f[5])));
                    } catch (NumberFormatException ignored) {
                        // malformed record: skipped
                    }
                }
            }
            return out;
        }

        @Override
        public List<Srv> srv(String name) {
            List<Srv> out = new ArrayList<>();
            for (String r : query(name, "SRV")) {
                String[] f = r.split("\\s+");
                if (f.length == 4) {
                    try {
                        out.add(new Srv(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3]));
                    } catch (NumberFormatException ignored) {
                        // malformed record: skipped
                    }
                }
            }
            return out;
        }

        @Override
        public List<InetAddress> addresses(String name) {
            if (server != null) {
                List<InetAddress> out = new ArrayList<>();
                for (String type : new String[] {"A", "AAAA"}) {
                    for (String a : query(name, type)) {
                        try {
                            out.add(InetAddress.getByAddress(name, InetAddress.getByName(a).getAddress()));
                        } catch (UnknownHostException malformed) {
                            // not an address literal: skipped
                        }
                    }
                }
                return out;
            }
            try {
                return List.of(InetAddress.getAllByName(name));
            } catch (UnknownHostException e) {
                return List.of();
            }
        }

        private static String unquote(String s) {
            return s.startsWith("\"") && s.endsWith("\"") && s.length() >= 2 ? s.substring(1, s.length() - 1) : s;
        }
    }
}
