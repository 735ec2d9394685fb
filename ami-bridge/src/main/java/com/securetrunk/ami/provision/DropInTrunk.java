package com.securetrunk.ami.provision;

import com.securetrunk.ami.ChannelDriver;

/**
 * The ready-to-paste trunk {@code securetrunk asterisk config} prints, for administrators who do not want AMI
 * provisioning: the same categories provisioning would create, plus the dialplan that sends a call to the secure
 * domain through SecureTrunk (plain and {@code ;secure=true} forms) and records the SIP Call-ID the AMI bridge uses
 * to tie Asterisk channels to gateway calls.
 *
 * <p>Call-ID correlation: chan_sip sets the channel variable {@code SIPCALLID} on every SIP channel itself (a
 * {@code VarSet} event); res_pjsip does not, so the dialplan sets {@code SECURETRUNK_CALLID}, from the INVITE for
 * calls coming in from SecureTrunk and in a pre-dial handler for calls going out to it.
 */
public final class DropInTrunk {

    private DropInTrunk() {
    }

    /**
     * @param spec        the trunk
     * @param profileName the compatibility profile it is for (printed so the admin knows which one was assumed)
     */
    public static String render(TrunkSpec spec, String profileName) {
        ChannelDriver d = spec.driver();
        String trunk = spec.names().trunk();
        StringBuilder out = new StringBuilder();
        out.append("; SecureTrunk drop-in trunk for ").append(d == ChannelDriver.PJSIP ? "res_pjsip" : "chan_sip")
                .append(" (profile ").append(profileName).append(")\n");
        out.append("; The PBX talks plain SIP and RTP to SecureTrunk at ").append(spec.gatewayHost()).append(':')
                .append(spec.gatewayPort()).append(" (keep that network trusted);\n");
        out.append("; SecureTrunk talks TLS and SRTP to the secure domain.\n");
        out.append(";\n; --- ").append(d.configFile()).append(" (paste, then: asterisk -rx \"module reload ")
                .append(d.module()).append("\") ---\n");
        for (ConfigSection s : TrunkSections.of(spec)) {
            out.append('\n');
            s.writeTo(out, true);
        }
        if (spec.auth().isPresent()) {
            out.append("; replace ").append(com.securetrunk.ami.Secret.REDACTED)
                    .append(" with the trunk password configured in SecureTrunk\n");
        }
        out.append("\n; --- extensions.conf ---\n\n");
        String tech = d.technology();
        out.append("[").append(trunk).append("-out]\n");
        out.append("; Include this context where users dial out. A call to the secure domain through SecureTrunk:\n");
        if (d == ChannelDriver.PJSIP) {
            out.append("exten => _X.,1,Dial(").append(tech).append("/${EXTEN}@").append(trunk)
                    .append(",,b(").append(trunk).append("-callid^s^1))\n");
            out.append("; The ;secure=true form (SecureTrunk then insists on TLS and SRTP toward the secure domain):\n");
            out.append("exten => _*X.,1,Dial(").append(tech).append('/').append(trunk).append("/sip:${EXTEN:1}@")
                    .append(spec.gatewayHost()).append(':').append(spec.gatewayPort())
                    .append("\\;secure=true,,b(").append(trunk).append("-callid^s^1))\n");
            out.append("\n[").append(trunk).append("-callid]\n");
            out.append("; Pre-dial handler on the outgoing channel: tells the AMI bridge its SIP Call-ID.\n");
            out.append("exten => s,1,Set(SECURETRUNK_CALLID=${CHANNEL(pjsip,call-id)})\n");
            out.append(" same => n,Return()\n");
        } else {
            out.append("exten => _X.,1,Dial(").append(tech).append('/').append(trunk).append("/${EXTEN})\n");
            out.append("; The ;secure=true form (SecureTrunk then insists on TLS and SRTP toward the secure domain;\n");
            out.append("; chan_sip carries it in the user part: sip:NUMBER;secure=true@").append(spec.gatewayHost())
                    .append("):\n");
            out.append("exten => _*X.,1,Dial(").append(tech).append('/').append(trunk)
                    .append("/${EXTEN:1}\\;secure=true)\n");
        }
        out.append("\n[").append(spec.context()).append("]\n");
        out.append("; Calls from the secure domain arrive here through SecureTrunk; route them to your own context.\n");
        if (d == ChannelDriver.PJSIP) {
            out.append("exten => _X.,1,Set(SECURETRUNK_CALLID=${PJSIP_HEADER(read,Call-ID)})\n");
            out.append(" same => n,Goto(default,${EXTEN},1)\n");
        } else {
            out.append("; (chan_sip sets SIPCALLID on the channel itself: nothing to add for the AMI bridge)\n");
            out.append("exten => _X.,1,Goto(default,${EXTEN},1)\n");
        }
        return out.toString();
    }
}
