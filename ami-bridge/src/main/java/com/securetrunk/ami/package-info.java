/**
 * The AMI bridge's public API: {@link com.securetrunk.ami.AmiBridge} (connection, discovery, provisioning check,
 * channel events), {@link com.securetrunk.ami.AmiBridgeListener} (the small interface the gateway implements) and the
 * value types it receives. Talks to Asterisk through asterisk-java; depends on nothing of ours but {@code profiles}.
 *
 * @see <a href="https://docs.asterisk.org/Configuration/Interfaces/Asterisk-Manager-Interface-AMI/">Asterisk Manager Interface</a>
 */
package com.securetrunk.ami;
