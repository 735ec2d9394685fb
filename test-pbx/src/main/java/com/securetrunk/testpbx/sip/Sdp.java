package com.securetrunk.testpbx.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A session description (RFC 4566), kept as simply as the simulator needs: the session-level
 * connection address and each media description with its m= fields, its own c= address and its
 * attributes in order. Written for the simulator; the gateway has its own, independent SDP code.
 */
public record Sdp(String sessionConnection, List<Media> media) {

    /**
     * One {@code m=} section.
     *
     * @param type       {@code audio}, {@code video}, ...
     * @param port       transport port (0 = rejected stream)
     * @param proto      {@code RTP/AVP}, {@code RTP/SAVP}, ...
     * @param formats    payload types in preference order
     * @param connection media-level c= address, or null
     * @param attributes {@code a=name[:value]} in order, as {name, value-or-null}
     */
    public record Media(String type, int port, String proto, List<String> formats, String connection,
                        List<String[]> attributes) {

        public List<String> attributes(String name) {
            List<String> out = new ArrayList<>();
            for (String[] a : attributes) {
                if (a[0].equalsIgnoreCase(name)) {
                    out.add(a[1]);
                }
            }
            return out;
        }

        public boolean hasAttribute(String name) {
            return !attributes(name).isEmpty();
        }

        /** Encoding name for a payload type from a=rtpmap, or the RFC 3551 static name, or null. */
        public String encodingOf(String pt) {
            for (String v : attributes("rtpmap")) {
                int sp = v.indexOf(' ');
                if (sp > 0 && v.substring(0, sp).equals(pt)) {
                    return v.substring(sp + 1).trim();
                }
            }
            return switch (pt) {
                case "0" -> "PCMU/8000";
                case "8" -> "PCMA/8000";
                case "3" -> "GSM/8000";
                case "9" -> "G722/8000";
                case "18" -> "G729/8000";
                default -> null;
            };
        }

        /** Payload type of telephone-event/8000 in this section, or -1. */
        public int telephoneEventPayloadType() {
            for (String pt : formats) {
                String enc = encodingOf(pt);
                if (enc != null && enc.toLowerCase(Locale.ROOT).startsWith("telephone-event/8000")) {
                    try {
                        return Integer.parseInt(pt);
                    } catch (NumberFormatException e) {
                        return -1;
                    }
                }
            }
            return -1;
        }

        public boolean isSecure() {
            return proto.toUpperCase(Locale.ROOT).contains("SAVP");
        }
    }

    /** The first audio section with a non-zero port, or null. */
    public Media firstAudio() {
        for (Media m : media) {
            if (m.type().equals("audio") && m.port() != 0) {
                return m;
            }
        }
        return null;
    }

    /** Connection address for a media section (media-level c= wins over session-level). */
    public String addressOf(Media m) {
        return m.connection() != null ? m.connection() : sessionConnection;
    }

    public static Sdp parse(String text) throws SipParseException {
        String sessionConnection = null;
        List<Media> media = new ArrayList<>();
        String type = null;
        int port = 0;
        String proto = null;
        List<String> formats = null;
        String connection = null;
        List<String[]> attributes = null;
        String[] lines = text.split("\r?\n");
        boolean sawVersion = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw new SipParseException("SDP line " + (i + 1) + ": expected '<type>=<value>', found '" + line + "'");
            }
            char kind = line.charAt(0);
            String value = line.substring(2);
            if (kind == 'v') {
                sawVersion = true;
            } else if (kind == 'm') {
                if (type != null) {
                    media.add(new Media(type, port, proto, formats, connection, attributes));
                }
                String[] parts = value.trim().split("\\s+");
                if (parts.length < 3) {
                    throw new SipParseException("SDP line " + (i + 1)
                            + ": expected 'm=<media> <port> <proto> <fmt> ...', found '" + line + "'");
                }
                type = parts[0];
                try {
                    String p = parts[1];
                    int slash = p.indexOf('/');
                    port = Integer.parseInt(slash < 0 ? p : p.substring(0, slash));
                } catch (NumberFormatException e) {
                    throw new SipParseException("SDP line " + (i + 1) + ": expected a port, found '" + parts[1] + "'");
                }
                proto = parts[2];
                formats = new ArrayList<>(List.of(parts).subList(3, parts.length));
                connection = null;
                attributes = new ArrayList<>();
            } else if (kind == 'c') {
                String[] parts = value.trim().split("\\s+");
                if (parts.length != 3) {
                    throw new SipParseException("SDP line " + (i + 1)
                            + ": expected 'c=IN IP4 <address>', found '" + line + "'");
                }
                String addr = parts[2];
                int slash = addr.indexOf('/');
                addr = slash < 0 ? addr : addr.substring(0, slash);
                if (type == null) {
                    sessionConnection = addr;
                } else {
                    connection = addr;
                }
            } else if (kind == 'a' && type != null) {
                int colon = value.indexOf(':');
                attributes.add(colon < 0 ? new String[] {value, null}
                        : new String[] {value.substring(0, colon), value.substring(colon + 1)});
            }
        }
        if (!sawVersion) {
            throw new SipParseException("SDP: no 'v=0' line");
        }
        if (type != null) {
            media.add(new Media(type, port, proto, formats, connection, attributes));
        }
        return new Sdp(sessionConnection, List.copyOf(media));
    }
}
