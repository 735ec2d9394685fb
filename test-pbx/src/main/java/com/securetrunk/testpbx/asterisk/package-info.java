/**
 * The simulated Asterisk behind the AMI server: version personalities, in-memory {@code sip.conf} /
 * {@code pjsip.conf}, the trunks a reload makes live, the channel table that turns calls into AMI events, and the
 * {@link com.securetrunk.testpbx.asterisk.ChannelDriver} interface through which the SIP side places and reports
 * calls.
 *
 * <p>Facts per version come from {@code shared/reference/compat-notes.md} §3.6 (bundled pjproject) and §4 (AMI),
 * and from the real Asterisk 20.20.1 transcript in {@code shared/reference/observed-transcripts.md}.
 */
package com.securetrunk.testpbx.asterisk;
