/**
 * Channel events to gateway calls: {@code VarSet} of {@code SIPCALLID} / {@code SECURETRUNK_CALLID} ties an Asterisk
 * channel on the trunk to the SIP Call-ID the gateway knows; its {@code Hangup} releases the media session.
 * Event formats: Asterisk main/manager_channels.c, main/stasis_channels.c (12+).
 */
package com.securetrunk.ami.events;
