package com.securetrunk.profiles.load;

import static com.securetrunk.profiles.load.ProfileKeys.*;

import com.securetrunk.profiles.CryptoRules;
import com.securetrunk.profiles.Family;
import com.securetrunk.profiles.Identity;
import com.securetrunk.profiles.Media;
import com.securetrunk.profiles.Note;
import com.securetrunk.profiles.Profile;
import com.securetrunk.profiles.Signalling;
import com.securetrunk.profiles.SipQuirks;
import com.securetrunk.profiles.SrtpMode;
import com.securetrunk.profiles.SuiteName;
import com.securetrunk.profiles.TlsSettings;
import com.securetrunk.profiles.TlsVersion;
import com.securetrunk.profiles.Transport;
import com.securetrunk.profiles.VersionRange;
import com.securetrunk.profiles.WildcardPolicy;
import com.securetrunk.profiles.hocon.HoconReader;
import com.securetrunk.profiles.hocon.HoconReader.ElementResult;
import com.securetrunk.profiles.hocon.ProblemSink;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Turns one resolved (inheritance applied) profile object into a {@link Profile}, reporting every problem. */
final class ProfileReader {

    private static final String SUPPORTED_SUITES = Arrays.stream(SuiteName.values()).filter(SuiteName::supported)
            .map(SuiteName::sdpName).collect(Collectors.joining(", "));

    private ProfileReader() {
    }

    /** The profile, or empty when anything was wrong (every problem then went to {@code sink}). */
    static Optional<Profile> read(String name, String source, Config merged, ProblemSink sink) {
        HoconReader r = new HoconReader(merged, "", sink);
        Optional<String> parent = r.has(EXTENDS) ? Optional.ofNullable(r.nonBlankString(EXTENDS)) : Optional.empty();

        String description = r.nonBlankString(DESCRIPTION);
        Family family = r.choice(FAMILY, Family.values(), Family::configName);
        VersionRange versions = r.parsed(VERSIONS,
                "a version range: \"*\", \"2.5\", \"16.0..\", \"..13.18\" or \"13.8-cert1..13.8-cert4\"",
                VersionRange::parse);

        List<Transport> transports = r.choiceList(TRANSPORTS, Transport.values(), Transport::configName);
        if (transports != null && transports.isEmpty()) {
            r.report(TRANSPORTS, "at least one of: udp, tcp, tls", "[]");
            transports = null;
        }
        Integer defaultPort = r.integer(DEFAULT_PORT, 1, 65535);
        TlsSettings tls = readTls(r);
        Duration keepAlive = r.duration(KEEP_ALIVE, Duration.ZERO);
        Boolean forceRport = r.bool(FORCE_RPORT);
        Boolean rewriteContact = r.bool(REWRITE_CONTACT);
        Integer maxMessageSize = r.integer(MAX_MESSAGE_SIZE, 512, MAX_MESSAGE_SIZE_LIMIT);

        Media media = readMedia(r);
        List<Note> notes = readNotes(r);
        r.reportUnknownKeys(List.of(NOTES));

        if (r.problemCount() > 0 || media == null || tls == null) {
            return Optional.empty();
        }
        return Optional.of(new Profile(new Identity(name, description, family, versions), parent, source,
                new Signalling(transports, defaultPort, tls, keepAlive,
                        new SipQuirks(forceRport, rewriteContact, maxMessageSize)),
                media, notes));
    }

    private static TlsSettings readTls(HoconReader r) {
        TlsVersion min = r.choice(TLS_MIN, TlsVersion.values(), TlsVersion::configName);
        TlsVersion max = r.choice(TLS_MAX, TlsVersion.values(), TlsVersion::configName);
        Boolean verify = r.bool(TLS_VERIFY);
        WildcardPolicy wildcard = r.choice(TLS_WILDCARD, WildcardPolicy.values(), WildcardPolicy::configName);
        if (min != null && max != null && min.compareTo(max) > 0) {
            r.report(TLS_MIN, "a version not above " + TLS_MAX + " (" + max.configName() + ")",
                    "\"" + min.configName() + "\"");
            return null;
        }
        if (min == null || max == null || verify == null || wildcard == null) {
            return null;
        }
        return new TlsSettings(min, max, verify, wildcard);
    }

    private static Media readMedia(HoconReader r) {
        SrtpMode srtp = r.choice(SRTP, SrtpMode.values(), SrtpMode::configName);
        List<SuiteName> offer = readSuites(r, OFFER_SUITES);
        List<SuiteName> accept = readSuites(r, ACCEPT_SUITES);
        Boolean sendLifetime = r.bool(SEND_LIFETIME);
        Boolean acceptLifetime = r.bool(ACCEPT_LIFETIME);
        Boolean acceptMki = r.bool(ACCEPT_MKI);
        Boolean sessionParams = r.bool(SESSION_PARAMS);
        Boolean tagZero = r.bool(TAG_ZERO);
        Boolean exactKeyLength = r.bool(EXACT_KEY_LENGTH);
        Boolean srtcpEncryption = r.bool(SRTCP_ENCRYPTION);
        Boolean rtcpMux = r.bool(RTCP_MUX);
        Boolean symmetricRtp = r.bool(SYMMETRIC_RTP);
        Integer telephoneEvent = r.integer(TELEPHONE_EVENT_PT, 96, 127);
        Integer ptime = r.integer(PTIME, 10, 200);

        boolean ok = true;
        if (srtp != null && srtp != SrtpMode.OFF) {
            if (offer != null && offer.isEmpty()) {
                r.report(OFFER_SUITES, "at least one suite when " + SRTP + " is " + srtp.configName(), "[]");
                ok = false;
            }
            if (accept != null && accept.isEmpty()) {
                r.report(ACCEPT_SUITES, "at least one suite when " + SRTP + " is " + srtp.configName(), "[]");
                ok = false;
            }
        }
        if (Boolean.FALSE.equals(srtcpEncryption) && Boolean.FALSE.equals(sessionParams)) {
            r.report(SRTCP_ENCRYPTION, "true unless " + SESSION_PARAMS
                    + " is true (unencrypted SRTCP is signalled with the UNENCRYPTED_SRTCP session parameter)", "false");
            ok = false;
        }
        if (!ok || srtp == null || offer == null || accept == null || sendLifetime == null || acceptLifetime == null
                || acceptMki == null || sessionParams == null || tagZero == null || exactKeyLength == null
                || srtcpEncryption == null || rtcpMux == null || symmetricRtp == null || telephoneEvent == null
                || ptime == null) {
            return null;
        }
        return new Media(srtp, offer, accept,
                new CryptoRules(sendLifetime, acceptLifetime, acceptMki, sessionParams, tagZero, exactKeyLength),
                srtcpEncryption, rtcpMux, symmetricRtp, telephoneEvent, ptime);
    }

    private static List<SuiteName> readSuites(HoconReader r, String path) {
        List<SuiteName> suites = r.list(path, "SRTP suite names", text -> {
            Optional<SuiteName> s = SuiteName.fromSdpName(text);
            if (s.isEmpty()) {
                return ElementResult.fail("an SRTP suite name, one of: " + SUPPORTED_SUITES);
            }
            if (!s.get().supported()) {
                return ElementResult.fail("a suite SecureTrunk implements (" + SUPPORTED_SUITES + "); " + text
                        + " is known (" + s.get().definedBy() + ") but not supported");
            }
            return ElementResult.of(s.get());
        });
        if (suites != null && suites.stream().distinct().count() != suites.size()) {
            r.report(path, "a list without duplicates", r.renderAt(path));
            return null;
        }
        return suites;
    }

    private static List<Note> readNotes(HoconReader r) {
        if (!r.has(NOTES)) {
            return List.of();
        }
        Config config = r.config();
        ConfigValue section = config.getValue(NOTES);
        if (!(section instanceof ConfigObject object)) {
            r.report(NOTES, "an object of notes: notes { <id> { text = \"...\", source = \"...\" } }",
                    HoconReader.render(section));
            return List.of();
        }
        List<Note> notes = new ArrayList<>();
        for (String id : new TreeMap<>(object).keySet()) {
            String path = NOTES + "." + ConfigUtil.joinPath(id);
            ConfigValue v = object.get(id);
            if (v.valueType() == com.typesafe.config.ConfigValueType.NULL) {
                continue; // "notes.<id> = null" in a child removes a parent's note
            }
            if (!id.matches("[a-z0-9][a-z0-9-]*")) {
                r.reportAt(v.origin(), path, "a note id of lower-case letters, digits and '-'", "\"" + id + "\"");
                continue;
            }
            if (!(v instanceof ConfigObject note)) {
                r.reportAt(v.origin(), path, "an object { text = \"...\", source = \"...\" }", HoconReader.render(v));
                continue;
            }
            HoconReader nr = new HoconReader(note.toConfig(), path + ".", r::reportAt);
            String text = nr.nonBlankString(NOTE_TEXT);
            String source = nr.nonBlankString(NOTE_SOURCE);
            nr.reportUnknownKeys(List.of());
            if (text != null && source != null) {
                notes.add(new Note(id, text, source));
            }
        }
        return notes;
    }
}
