package com.securetrunk.gateway.tls;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Reads one TLS ClientHello record: cipher suites and the SNI host name (RFC 8446 section 4.1.2, RFC 6066 section 3). */
public record ClientHelloView(List<Integer> cipherSuites, String serverName) {
    public static ClientHelloView read(InputStream in) throws IOException {
        byte[] hdr = in.readNBytes(5);
        if (hdr.length < 5 || hdr[0] != 22) {
            throw new IOException("not a TLS handshake record");
        }
        int len = ((hdr[3] & 0xff) << 8) | (hdr[4] & 0xff);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(in.readNBytes(len));
        if (b.get() != 1) {
            throw new IOException("not a ClientHello");
        }
        b.position(b.position() + 3 + 2 + 32);          // length, legacy_version, random
        int sessionIdLen = b.get() & 0xff;
        b.position(b.position() + sessionIdLen);        // legacy_session_id
        int suitesLen = b.getShort() & 0xffff;
        List<Integer> suites = new java.util.ArrayList<>();
        for (int i = 0; i < suitesLen / 2; i++) {
            suites.add(b.getShort() & 0xffff);
        }
        int compressionLen = b.get() & 0xff;
        b.position(b.position() + compressionLen);      // compression methods
        String sni = null;
        int extLen = b.getShort() & 0xffff;
        int extEnd = b.position() + extLen;
        while (b.position() < extEnd) {
            int type = b.getShort() & 0xffff;
            int elen = b.getShort() & 0xffff;
            int next = b.position() + elen;
            if (type == 0) {                            // server_name
                b.getShort();                           // list length
                b.get();                                // name type host_name
                byte[] name = new byte[b.getShort() & 0xffff];
                b.get(name);
                sni = new String(name, java.nio.charset.StandardCharsets.US_ASCII);
            }
            b.position(next);
        }
        return new ClientHelloView(suites, sni);
    }

    /** IANA codes: TLS 1.3 AEAD, ECDHE-{ECDSA,RSA} AES-GCM / ChaCha20, and the renegotiation SCSV. */
    public static boolean isStrongOrScsv(int code) {
        return List.of(0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0x00ff).contains(code);
    }
}
