/**
 * A small, honest SIP user agent written for the simulators (RFC 3261: transactions, dialogs, CANCEL,
 * digest authentication per section 22.4; RFC 3264 offer/answer; RFC 4568 SDES crypto attributes).
 * Independent of the gateway's JAIN-SIP stack on purpose, so that the product is tested against a second
 * implementation. Public API: {@link com.securetrunk.testpbx.sip.SipUa}, {@link com.securetrunk.testpbx.sip.UaConfig},
 * {@link com.securetrunk.testpbx.sip.CallRequest}, {@link com.securetrunk.testpbx.sip.Call},
 * {@link com.securetrunk.testpbx.sip.CallListener}. May use: the media package, the JDK, slf4j.
 */
package com.securetrunk.testpbx.sip;
