package com.securetrunk.gateway.media;

/** The relay's ports for both legs of one stream: put {@code a} in the SDP to side A, {@code b} in the SDP to side B. */
public record StreamPorts(LocalPorts a, LocalPorts b) {
}
