/**
 * PBX discovery: pure parsers of {@code CoreSettings} and CLI output ({@code module show like},
 * {@code pjsip show version}, {@code core show version}) and the classifier that maps what was read to a driver, a
 * compatibility profile name and admin-readable warnings. Sources: Asterisk main/loader.c, res/res_pjsip/pjsip_cli.c,
 * third-party/versions.mak; compat-notes sections 3 and 4.
 */
package com.securetrunk.ami.discovery;
