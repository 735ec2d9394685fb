/**
 * Back-to-back user agent on JAIN-SIP RI: listening points, routing, secure=true, dialogs, auth, policy decisions and rejections (RFC 3261, RFC 3263).
 */
package com.securetrunk.gateway.sip;
