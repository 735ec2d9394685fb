/**
 * The call log (one line per call start and per call end on logger {@code securetrunk.calls}) and the admin
 * endpoint's handler for per-peer SIP tracing. Neither line ever carries a key or a credential: observers see
 * {@link com.securetrunk.gateway.sip.CallSummary}, which has none, and the log layout masks inline keys anyway.
 */
package com.securetrunk.gateway.app.calllog;
