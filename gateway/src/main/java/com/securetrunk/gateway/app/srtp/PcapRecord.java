package com.securetrunk.gateway.app.srtp;

/**
 * One pcap record: timestamp (seconds + micro- or nanoseconds, as the file's magic says), the length the
 * frame had on the wire, and the captured bytes.
 */
public record PcapRecord(long seconds, long fraction, int originalLength, byte[] data) {

    /** True if the capture cut the frame short (snap length), so its payload cannot be processed. */
    public boolean truncated() {
        return data.length < originalLength;
    }

    /** The same record with other bytes (a frame whose payload was transformed); never truncated. */
    public PcapRecord withData(byte[] newData) {
        return new PcapRecord(seconds, fraction, newData.length, newData);
    }
}
