package com.securetrunk.gateway.app.srtp;

/** A capture file that is not a classic pcap, or is damaged; the message names the file, the place and what was expected. */
public final class PcapFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public PcapFormatException(String message) {
        super(message);
    }
}
