/**
 * The Asterisk Manager Interface (AMI) side of the simulated Asterisk: wire codec, TCP server, session state
 * (login, challenge, event mask) and the response/event shapes real Asterisk produces.
 *
 * <p>Ground truth, in this order: the byte-level transcript of a real Asterisk 20.20.1 in
 * {@code shared/reference/observed-transcripts.md}; {@code shared/reference/compat-notes.md} section 4 (read from
 * {@code asterisk/asterisk:main/manager.c}); the parser of asterisk-java 3.42.2
 * ({@code ManagerReaderImpl}, {@code ManagerConnectionImpl}), which the tests drive against this server.
 *
 * <p>Framing: a message is {@code Key: Value\r\n} lines (a bare LF is accepted too) ended by an empty line; at most 128 lines of at
 * most 1024 bytes each ({@code AST_MAX_MANHEADERS}, {@code inbuf[1025]} in manager.c). The codec classes here depend
 * on no socket or logger types so they can be unit-tested byte for byte.
 */
package com.securetrunk.testpbx.ami;
