package com.securetrunk.testpbx.media;

import java.util.Locale;
import java.util.Optional;

/** The two G.711 laws with their static RTP payload types (RFC 3551 section 6). */
public enum AudioCodec {
    PCMU(0, "PCMU"),
    PCMA(8, "PCMA");

    /** 8 kHz clock, 20 ms packets: 160 samples (and 160 bytes) per frame. */
    public static final int SAMPLES_PER_FRAME = 160;
    public static final int CLOCK_RATE = 8000;

    private final int payloadType;
    private final String encodingName;

    AudioCodec(int payloadType, String encodingName) {
        this.payloadType = payloadType;
        this.encodingName = encodingName;
    }

    public int payloadType() {
        return payloadType;
    }

    public String encodingName() {
        return encodingName;
    }

    public byte encode(int sample) {
        return this == PCMU ? G711.linearToUlaw(sample) : G711.linearToAlaw(sample);
    }

    public short decode(byte b) {
        return this == PCMU ? G711.ulawToLinear(b) : G711.alawToLinear(b);
    }

    public static Optional<AudioCodec> forPayloadType(int pt) {
        for (AudioCodec c : values()) {
            if (c.payloadType == pt) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public static Optional<AudioCodec> forEncodingName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (AudioCodec c : values()) {
            if (c.encodingName.equals(upper)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
