package com.securetrunk.testpbx.sip;

/**
 * Which real endpoint's SDP this UA imitates.
 * <ul>
 *   <li>{@link #CHAN_SIP}: Asterisk chan_sip ({@code o=root}, {@code s=Asterisk PBX <version>}, session-level
 *       c=, {@code m=audio N RTP/AVP 0 8 101}, telephone-event 101, {@code a=ptime:20}, {@code a=maxptime:150},
 *       {@code a=sendrecv}).</li>
 *   <li>{@link #PJSIP_2_5}: a PJSIP 2.5 endpoint as captured from real pjsua 2.5 ({@code s=pjmedia},
 *       {@code b=AS:84}, {@code a=X-nat:0}, media-level c=, {@code a=rtcp}, the codec list
 *       {@code 98 97 99 104 3 0 8 9 96} with telephone-event 96). Only PCMU/PCMA are actually sent; if a
 *       peer picks another codec the call has no audio and the report says so.</li>
 *   <li>{@link #SECURE_DOMAIN}: the simulated secure domain ({@code s=SecureDomain}, PCMU/PCMA,
 *       telephone-event 101, {@code a=ptime:20}).</li>
 * </ul>
 */
public enum SdpStyle {
    CHAN_SIP,
    PJSIP_2_5,
    SECURE_DOMAIN
}
