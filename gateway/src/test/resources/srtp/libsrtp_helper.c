/*
 * libsrtp_helper.c - the reference side of LibsrtpInteropTest and SrtpCommandTest.
 *
 * Reads packet records from stdin, runs each through libsrtp 2 and writes the results:
 *   in:  [u8 kind: 0 = RTP, 1 = RTCP][u16 length, big-endian][length bytes]   ... until EOF
 *   out: [u8 status: srtp_err_status_t][u16 length][length bytes]             (modes protect/unprotect)
 *        or a pcap file of the protected packets                               (mode pcap)
 *
 * usage: libsrtp_helper protect|unprotect SUITE KEY_HEX
 *        libsrtp_helper pcap SUITE KEY_HEX LINKTYPE OUT.pcap     (LINKTYPE 1 = Ethernet, 113 = Linux cooked)
 * SUITE: AES_CM_128_HMAC_SHA1_80 | AES_CM_128_HMAC_SHA1_32 | AES_256_CM_HMAC_SHA1_80 | AES_256_CM_HMAC_SHA1_32
 * Policy: any SSRC, replay window 128, no repeated transmit (libsrtp's defaults); SRTCP always 80-bit tag.
 * Build: gcc -O2 -o libsrtp_helper libsrtp_helper.c $(pkg-config --cflags --libs libsrtp2)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <srtp2/srtp.h>

static void die(const char *msg)
{
    fprintf(stderr, "libsrtp_helper: %s\n", msg);
    exit(2);
}

static int set_suite(srtp_policy_t *p, const char *suite)
{
    if (!strcmp(suite, "AES_CM_128_HMAC_SHA1_80")) {
        srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(&p->rtp);
        srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(&p->rtcp);
        return 30;
    }
    if (!strcmp(suite, "AES_CM_128_HMAC_SHA1_32")) {
        srtp_crypto_policy_set_aes_cm_128_hmac_sha1_32(&p->rtp);
        srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(&p->rtcp);
        return 30;
    }
    if (!strcmp(suite, "AES_256_CM_HMAC_SHA1_80")) {
        srtp_crypto_policy_set_aes_cm_256_hmac_sha1_80(&p->rtp);
        srtp_crypto_policy_set_aes_cm_256_hmac_sha1_80(&p->rtcp);
        return 46;
    }
    if (!strcmp(suite, "AES_256_CM_HMAC_SHA1_32")) {
        srtp_crypto_policy_set_aes_cm_256_hmac_sha1_32(&p->rtp);
        srtp_crypto_policy_set_aes_cm_256_hmac_sha1_80(&p->rtcp);
        return 46;
    }
    die("unknown suite");
    return 0;
}

static void put16(uint8_t *b, unsigned v) { b[0] = v >> 8; b[1] = v; }
static void le32(FILE *f, uint32_t v) { fwrite(&v, 4, 1, f); } /* pcap header in host (little-endian) order */
static void le16(FILE *f, uint16_t v) { fwrite(&v, 2, 1, f); }

/* Writes one UDP datagram 192.0.2.1:40000 -> 192.0.2.2:50000 (RTCP: ports + 1) as a pcap record. */
static void pcap_record(FILE *f, int linktype, const uint8_t *udp_payload, int len, int rtcp, uint32_t n)
{
    uint8_t frame[2048];
    int l2 = linktype == 1 ? 14 : 16, pos = 0;
    memset(frame, 0, sizeof(frame));
    if (linktype == 1) {
        memcpy(frame, "\x02\x00\x00\x00\x00\x02\x02\x00\x00\x00\x00\x01", 12);
    } else {
        frame[1] = 4;                  /* packet type: sent by us */
        frame[3] = 1;                  /* ARPHRD_ETHER */
        frame[5] = 6;                  /* address length */
        memcpy(frame + 6, "\x02\x00\x00\x00\x00\x01", 6);
    }
    frame[l2 - 2] = 0x08;              /* EtherType / protocol: IPv4 */
    pos = l2;
    uint8_t *ip = frame + pos;
    ip[0] = 0x45;
    put16(ip + 2, 20 + 8 + len);
    put16(ip + 4, n & 0xffff);
    ip[8] = 64;
    ip[9] = 17;
    memcpy(ip + 12, "\xc0\x00\x02\x01\xc0\x00\x02\x02", 8);
    uint32_t sum = 0;
    for (int i = 0; i < 20; i += 2) sum += (ip[i] << 8) | ip[i + 1];
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    put16(ip + 10, ~sum & 0xffff);
    uint8_t *udp = ip + 20;
    put16(udp, 40000 + rtcp);
    put16(udp + 2, 50000 + rtcp);
    put16(udp + 4, 8 + len);
    memcpy(udp + 8, udp_payload, len);
    int caplen = l2 + 20 + 8 + len;
    le32(f, 1700000000u + n / 50);     /* 20 ms apart */
    le32(f, (n % 50) * 20000);
    le32(f, caplen);
    le32(f, caplen);
    fwrite(frame, 1, caplen, f);
}

int main(int argc, char **argv)
{
    if (argc < 4) die("usage: libsrtp_helper protect|unprotect|pcap SUITE KEY_HEX [LINKTYPE OUT.pcap]");
    const char *mode = argv[1];
    int protect = strcmp(mode, "unprotect") != 0;
    int pcap = !strcmp(mode, "pcap");
    if (pcap && argc < 6) die("pcap needs LINKTYPE and OUT.pcap");

    if (srtp_init()) die("srtp_init failed");
    srtp_policy_t policy;
    memset(&policy, 0, sizeof(policy));
    int keylen = set_suite(&policy, argv[2]);
    uint8_t key[64];
    if ((int)strlen(argv[3]) != 2 * keylen) die("key hex has the wrong length for the suite");
    for (int i = 0; i < keylen; i++) {
        unsigned v;
        if (sscanf(argv[3] + 2 * i, "%2x", &v) != 1) die("key is not hex");
        key[i] = v;
    }
    policy.key = key;
    policy.ssrc.type = protect ? ssrc_any_outbound : ssrc_any_inbound;
    policy.window_size = 128;
    policy.allow_repeat_tx = 0;
    srtp_t session;
    if (srtp_create(&session, &policy)) die("srtp_create failed");

    FILE *out = stdout;
    int linktype = 0;
    if (pcap) {
        linktype = atoi(argv[4]);
        if (linktype != 1 && linktype != 113) die("LINKTYPE must be 1 or 113");
        out = fopen(argv[5], "wb");
        if (!out) die("cannot write the pcap file");
        le32(out, 0xa1b2c3d4u);
        le16(out, 2);
        le16(out, 4);
        le32(out, 0);
        le32(out, 0);
        le32(out, 65535);
        le32(out, linktype);
    }

    uint8_t buf[4096];
    uint32_t n = 0;
    for (;;) {
        uint8_t hdr[3];
        if (fread(hdr, 1, 3, stdin) != 3) break;
        int len = (hdr[1] << 8) | hdr[2];
        if (len > 2048 || fread(buf, 1, len, stdin) != (size_t)len) die("truncated input record");
        int rtcp = hdr[0] == 1;
        srtp_err_status_t st;
        if (protect) st = rtcp ? srtp_protect_rtcp(session, buf, &len) : srtp_protect(session, buf, &len);
        else st = rtcp ? srtp_unprotect_rtcp(session, buf, &len) : srtp_unprotect(session, buf, &len);
        if (pcap) {
            if (st) die("protect failed while writing the pcap");
            pcap_record(out, linktype, buf, len, rtcp, n);
        } else {
            uint8_t rec[3] = {(uint8_t)st, (uint8_t)(len >> 8), (uint8_t)len};
            if (st) len = 0;
            rec[1] = len >> 8;
            rec[2] = len;
            fwrite(rec, 1, 3, out);
            fwrite(buf, 1, len, out);
        }
        n++;
    }
    fclose(out);
    srtp_dealloc(session);
    return 0;
}
