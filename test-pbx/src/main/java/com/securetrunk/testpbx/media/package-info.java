/**
 * Real audio for the simulators: G.711 PCMU/PCMA (ITU-T G.711, RFC 3551), a known seeded test signal,
 * a 20 ms paced RTP sender (RFC 3550), a receiver that checks every sample against the far side's
 * signal and counts loss, duplicates, reordering and jitter (RFC 3550 appendix A.3 and section 6.4.1),
 * RFC 4733 DTMF events, and SRTP (RFC 3711) through jitsi-srtp, independent of the product's engine.
 * May use: the JDK, jitsi-srtp, slf4j. Nothing else of ours.
 */
package com.securetrunk.testpbx.media;
