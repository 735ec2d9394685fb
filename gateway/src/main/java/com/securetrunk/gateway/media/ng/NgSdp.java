package com.securetrunk.gateway.media.ng;

import com.securetrunk.gateway.media.Direction;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The minimal SDP reading and rewriting the ng adapter needs (RFC 4566 lines, RFC 4568 {@code a=crypto},
 * RFC 3605 {@code a=rtcp}): where each stream's media goes, its protocol, direction and crypto lines, and
 * a rewrite that points {@code c=}/{@code m=} at the relay. Lines it does not touch pass through unchanged.
 *
 * <p>Internal to the ng adapter on purpose, until the {@code sdp} package (SDP model, parser, writer)
 * is merged; then this class should delegate to it.
 */
final class NgSdp {
    static final int MAX_LINES = 512;
    static final int MAX_STREAMS = 16;

    final List<String> sessionLines = new ArrayList<>();
    final List<Media> media = new ArrayList<>();

    /** One {@code m=} section. */
    static final class Media {
        String type;
        int port;
        String proto;
        String formats;
        String connection; // media-level c= address, null = session level
        int rtcpPort = -1;
        Direction direction;
        boolean rtcpMux;
        final List<String[]> cryptos = new ArrayList<>(); // tag, suite, key params, rest
        final List<String> lines = new ArrayList<>();     // attribute and other lines after m=, in order
    }

    static NgSdp parse(String text) {
        NgSdp sdp = new NgSdp();
        String[] lines = text.split("\r?\n");
        if (lines.length > MAX_LINES) {
            throw new IllegalArgumentException("SDP has " + lines.length + " lines (expected: <= " + MAX_LINES + ")");
        }
        Media cur = null;
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw new IllegalArgumentException("SDP line " + n + ": expected '<type>=<value>', found '" + line + "'");
            }
            if (line.startsWith("m=")) {
                String[] f = line.substring(2).split(" ", 4);
                if (f.length < 3) {
                    throw new IllegalArgumentException("SDP line " + n + ": expected 'm=<media> <port> <proto> <fmt>...', found '" + line + "'");
                }
                if (sdp.media.size() == MAX_STREAMS) {
                    throw new IllegalArgumentException("SDP has more than " + MAX_STREAMS + " m= lines");
                }
                cur = new Media();
                cur.type = f[0];
                try {
                    cur.port = Integer.parseInt(f[1].split("/")[0]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("SDP line " + n + ": expected a port, found '" + f[1] + "'");
                }
                cur.proto = f[2];
                cur.formats = f.length > 3 ? f[3] : "";
                sdp.media.add(cur);
                continue;
            }
            if (cur == null) {
                sdp.sessionLines.add(line);
                continue;
            }
            cur.lines.add(line);
            if (line.startsWith("c=")) {
                cur.connection = connectionAddress(line, n);
            } else if (line.startsWith("a=rtcp:")) {
                cur.rtcpPort = parsePort(line.substring(7).split(" ")[0], n);
            } else if (line.equals("a=rtcp-mux")) {
                cur.rtcpMux = true;
            } else if (line.startsWith("a=crypto:")) {
                String[] c = line.substring(9).split(" ", 4);
                if (c.length >= 3) {
                    cur.cryptos.add(new String[] {c[0], c[1], c[2], c.length > 3 ? c[3] : null});
                }
            } else if (line.startsWith("a=")) {
                Direction d = direction(line.substring(2));
                if (d != null) {
                    cur.direction = d;
                }
            }
        }
        return sdp;
    }

    /** Session-level c= address, or null. */
    String sessionConnection() {
        for (String l : sessionLines) {
            if (l.startsWith("c=")) {
                return connectionAddress(l, 0);
            }
        }
        return null;
    }

    Direction sessionDirection() {
        for (String l : sessionLines) {
            if (l.startsWith("a=")) {
                Direction d = direction(l.substring(2));
                if (d != null) {
                    return d;
                }
            }
        }
        return Direction.SENDRECV;
    }

    private String sessionDirectionAttribute() {
        return sessionDirection().name().toLowerCase(Locale.ROOT);
    }

    Direction direction(Media m) {
        return m.direction != null ? m.direction : sessionDirection();
    }

    /** Where the peer receives RTP for {@code m}: null when the port is 0 or the address is unspecified (hold). */
    InetSocketAddress rtpAddress(Media m) {
        String host = m.connection != null ? m.connection : sessionConnection();
        if (host == null || m.port == 0 || host.equals("0.0.0.0")) {
            return null;
        }
        return new InetSocketAddress(literal(host), m.port);
    }

    InetSocketAddress rtcpAddress(Media m) {
        InetSocketAddress rtp = rtpAddress(m);
        if (rtp == null) {
            return null;
        }
        return new InetSocketAddress(rtp.getAddress(), m.rtcpPort > 0 ? m.rtcpPort : m.port + 1);
    }

    /** What to change while writing the SDP for the other side. */
    record Rewrite(String address, boolean replaceOrigin, boolean removeIce, boolean removeDtls,
                   List<MediaRewrite> media) {
    }

    /** Per m= line: our port facing the recipient, its protocol, and the crypto lines to offer/answer. */
    record MediaRewrite(int port, String proto, List<String> cryptoLines) {
    }

    String write(Rewrite rw) {
        StringBuilder sb = new StringBuilder(512);
        for (String l : sessionLines) {
            if (l.startsWith("o=") && rw.replaceOrigin()) {
                String[] f = l.split(" ");
                if (f.length == 6) {
                    f[4] = ipVersion(rw.address());
                    f[5] = rw.address();
                    l = String.join(" ", f);
                }
            } else if (l.startsWith("c=")) {
                l = "c=IN " + ipVersion(rw.address()) + " " + rw.address();
            } else if (rw.removeIce() && isIce(l)) {
                continue;
            } else if (rw.removeDtls() && isDtls(l)) {
                continue;
            }
            sb.append(l).append("\r\n");
        }
        for (int i = 0; i < media.size(); i++) {
            Media m = media.get(i);
            MediaRewrite mr = rw.media().get(i);
            sb.append("m=").append(m.type).append(' ').append(m.port == 0 ? 0 : mr.port()).append(' ')
                    .append(mr.proto());
            if (!m.formats.isEmpty()) {
                sb.append(' ').append(m.formats);
            }
            sb.append("\r\n");
            for (String l : m.lines) {
                if (l.startsWith("c=")) {
                    l = "c=IN " + ipVersion(rw.address()) + " " + rw.address();
                } else if (l.startsWith("a=rtcp:") || l.equals("a=rtcp-mux") || l.startsWith("a=crypto:")
                        || (rw.removeIce() && isIce(l)) || (rw.removeDtls() && isDtls(l))) {
                    continue;
                }
                sb.append(l).append("\r\n");
            }
            if (m.direction == null && m.port != 0) {
                // say it explicitly (RFC 3264 section 6.1 default), as rtpengine does
                sb.append("a=").append(sessionDirectionAttribute()).append("\r\n");
            }
            if (m.port != 0) {
                sb.append("a=rtcp:").append(mr.port() + 1).append("\r\n");
                for (String c : mr.cryptoLines()) {
                    sb.append(c).append("\r\n");
                }
            }
        }
        return sb.toString();
    }

    private static boolean isIce(String l) {
        return l.startsWith("a=ice-") || l.startsWith("a=candidate:") || l.startsWith("a=remote-candidates")
                || l.equals("a=end-of-candidates");
    }

    private static boolean isDtls(String l) {
        return l.startsWith("a=fingerprint:") || l.startsWith("a=setup:") || l.startsWith("a=tls-id:");
    }

    static Direction direction(String attr) {
        switch (attr) {
            case "sendrecv":
                return Direction.SENDRECV;
            case "sendonly":
                return Direction.SENDONLY;
            case "recvonly":
                return Direction.RECVONLY;
            case "inactive":
                return Direction.INACTIVE;
            default:
                return null;
        }
    }

    private static String connectionAddress(String line, int n) {
        String[] f = line.substring(2).split(" ");
        if (f.length < 3 || !f[0].equals("IN")) {
            throw new IllegalArgumentException("SDP line " + n + ": expected 'c=IN IP4|IP6 <address>', found '" + line + "'");
        }
        return f[2].split("/")[0];
    }

    private static int parsePort(String s, int n) {
        try {
            int p = Integer.parseInt(s);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SDP line " + n + ": expected a port 0-65535, found '" + s + "'");
        }
    }

    /** Resolves only IP literals: an SDP must never make the relay do DNS. */
    private static InetAddress literal(String host) {
        boolean v4 = host.matches("[0-9.]+");
        boolean v6 = host.indexOf(':') >= 0 && host.matches("[0-9a-fA-F:.]+");
        if (!v4 && !v6) {
            throw new IllegalArgumentException("SDP connection address '" + host + "' (expected: an IPv4 or IPv6 literal)");
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("SDP connection address '" + host + "' is not a valid IP literal");
        }
    }

    private static String ipVersion(String address) {
        return address.indexOf(':') >= 0 ? "IP6" : "IP4";
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
