package com.securetrunk.gateway.sip;

import com.securetrunk.gateway.config.AddressRange;
import com.securetrunk.gateway.config.SecureDomainConfig.DigestCredentials;
import com.securetrunk.gateway.config.SipTarget;
import com.securetrunk.gateway.sdp.negotiation.SdesPolicy;
import com.securetrunk.gateway.tls.TlsPeerPolicy;
import com.securetrunk.profiles.Profile;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the B2BUA needs from configuration and profiles, already checked.
 *
 * @param pbxProfile          the legacy PBX's profile
 * @param secureProfile       the secure domain's profile
 * @param pbxPolicy           SDES policy of the PBX (from its profile)
 * @param securePolicy        SDES policy of the secure domain
 * @param secureTls           TLS policy toward the secure domain (host name filled in per target)
 * @param pbxTls              TLS policy toward the PBX when its target is TLS
 * @param allowedSources      who may send requests to the legacy side
 * @param pbxTarget           where calls from the secure domain go
 * @param secureTargets       where calls from the PBX go when the Request-URI has no {@code ;secure=true}
 * @param digest              credentials answering 401/407 from the secure domain
 * @param advertisedHost      host for Contact/Via/Warning, or empty for the listening address
 * @param mediaAddress        address written into SDP for the relay toward IPv4 peers
 * @param mediaAddress6       address written into SDP toward IPv6 peers (media bound to "::"), or empty
 * @param maxConcurrentCalls  503 beyond
 * @param inviteRatePerSource INVITEs per second per source (503 beyond)
 * @param latchLegacy         symmetric RTP toward the PBX
 * @param latchSecure         symmetric RTP toward the secure domain
 * @param timerT1             RFC 3261 T1 set on every client transaction (Timer B/F = 64 * T1)
 * @param inviteTimeout       how long a call may wait for the callee's final response before CANCEL and 408
 */
public record B2buaSettings(Profile pbxProfile, Profile secureProfile, SdesPolicy pbxPolicy, SdesPolicy securePolicy,
                            TlsPeerPolicy secureTls, TlsPeerPolicy pbxTls, List<AddressRange> allowedSources,
                            SipTarget pbxTarget, List<SipTarget> secureTargets, Optional<DigestCredentials> digest,
                            Optional<String> advertisedHost, String mediaAddress, Optional<String> mediaAddress6,
                            int maxConcurrentCalls,
                            int inviteRatePerSource, boolean latchLegacy, boolean latchSecure, Duration timerT1,
                            Duration inviteTimeout) {

    Profile profile(Side side) {
        return side == Side.LEGACY ? pbxProfile : secureProfile;
    }

    SdesPolicy policy(Side side) {
        return side == Side.LEGACY ? pbxPolicy : securePolicy;
    }

    Duration keepAlive(Side side) {
        return profile(side).signalling().keepAliveInterval();
    }
}
