package com.securetrunk.testpbx.media;

/**
 * A deliberate defect in what a sender transmits, so tests can prove that the far side's audio check
 * notices it (and so gateway tests can exercise their own detection).
 */
public enum AudioFault {
    /** Send the signal faithfully. */
    NONE,
    /** Flip one sample in every 10th frame. */
    CORRUPT,
    /** Send no RTP at all (a missing stream). */
    SILENT,
    /** Send the other side's signal (what a relay looping audio back would produce). */
    WRONG_SIGNAL,
    /** Send only every other frame (50 % loss). */
    DROP_HALF
}
