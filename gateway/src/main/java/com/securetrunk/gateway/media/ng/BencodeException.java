package com.securetrunk.gateway.media.ng;

/** Malformed bencode: where in the input, what was expected and what was found. */
public final class BencodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int offset;

    public BencodeException(int offset, String expected, String found) {
        super("bencode at byte " + offset + ": expected " + expected + ", found " + found);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
