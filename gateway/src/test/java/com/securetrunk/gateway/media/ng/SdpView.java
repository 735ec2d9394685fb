package com.securetrunk.gateway.media.ng;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A test-side reading of an SDP reply: the fields we compare. Deliberately not built on the {@code sdp} package,
 * although it reads the same lines: the adapter parses with {@code SdpParser} and writes with {@code SdpWriter} and
 * {@code CryptoAttribute}, so reading its replies with them would let a shared mistake pass (the parser accepts bare
 * LF, a missing final CRLF and odd spacing that this reader rejects, and it would read back a malformed crypto line the
 * way it wrote it). It reads rtpengine's replies too, the independent side of the comparison.
 */
record SdpView(String origin, String sessionConnection, List<Media> media) {

    record Media(String type, int port, String proto, String formats, String connection, List<String> attributes,
                 Map<String, String[]> cryptosByTag) {

        /** Attributes other than a=rtcp and a=crypto, in order. */
        List<String> plainAttributes() {
            return attributes.stream().filter(a -> !a.startsWith("rtcp:") && !a.startsWith("crypto:")).toList();
        }

        int rtcpPort() {
            return attributes.stream().filter(a -> a.startsWith("rtcp:")).map(a -> Integer.parseInt(a.substring(5).split(" ")[0]))
                    .findFirst().orElse(-1);
        }

        /** Suite name -> key material length, for every offered crypto line. */
        Map<String, Integer> suites() {
            Map<String, Integer> out = new TreeMap<>();
            for (String[] c : cryptosByTag.values()) {
                out.put(c[0], Base64.getDecoder().decode(c[1].substring("inline:".length()).split("\\|")[0]).length);
            }
            return out;
        }

        String[] crypto(String suite) {
            for (Map.Entry<String, String[]> e : cryptosByTag.entrySet()) {
                if (e.getValue()[0].equals(suite)) {
                    return new String[] {e.getKey(), e.getValue()[1].substring("inline:".length())};
                }
            }
            return null;
        }
    }

    static SdpView parse(Object sdp) {
        String text = (String) sdp;
        if (!text.endsWith("\r\n")) {
            throw new AssertionError("SDP does not end with CRLF: " + text);
        }
        String origin = null;
        String conn = null;
        List<Media> media = new ArrayList<>();
        String[] cur = null;
        List<String> attrs = null;
        Map<String, String[]> cryptos = null;
        String mconn = null;
        for (String line : text.split("\r\n")) {
            if (line.startsWith("m=")) {
                if (cur != null) {
                    media.add(new Media(cur[0], Integer.parseInt(cur[1]), cur[2], cur[3], mconn, attrs, cryptos));
                }
                String[] f = line.substring(2).split(" ", 4);
                cur = new String[] {f[0], f[1], f[2], f.length > 3 ? f[3] : ""};
                attrs = new ArrayList<>();
                cryptos = new TreeMap<>();
                mconn = null;
            } else if (cur == null) {
                if (line.startsWith("o=")) {
                    origin = line;
                } else if (line.startsWith("c=")) {
                    conn = line;
                }
            } else if (line.startsWith("c=")) {
                mconn = line;
            } else if (line.startsWith("a=")) {
                attrs.add(line.substring(2));
                if (line.startsWith("a=crypto:")) {
                    String[] c = line.substring(9).split(" ");
                    if (cryptos.put(c[0], new String[] {c[1], c[2]}) != null) {
                        throw new AssertionError("duplicate crypto tag " + c[0]);
                    }
                }
            }
        }
        if (cur != null) {
            media.add(new Media(cur[0], Integer.parseInt(cur[1]), cur[2], cur[3], mconn, attrs, cryptos));
        }
        return new SdpView(origin, conn, media);
    }
}
