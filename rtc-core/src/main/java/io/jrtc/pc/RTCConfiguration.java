package io.jrtc.pc;

import java.util.List;

/**
 * Configuration of a peer connection (W3C RTCConfiguration). Unlike aiortc, no STUN server is used unless one is
 * configured: a default that contacts a public server surprises more than it helps.
 */
public final class RTCConfiguration {
    private final List<RTCIceServer> iceServers;
    private final List<RTCCertificate> certificates;

    public RTCConfiguration() {
        this(List.of(), List.of());
    }

    public RTCConfiguration(List<RTCIceServer> iceServers) {
        this(iceServers, List.of());
    }

    public RTCConfiguration(List<RTCIceServer> iceServers, List<RTCCertificate> certificates) {
        this.iceServers = List.copyOf(iceServers);
        this.certificates = List.copyOf(certificates);
    }

    public List<RTCIceServer> getIceServers() {
        return iceServers;
    }

    /** Certificates to use for DTLS; empty means one is generated per connection. */
    public List<RTCCertificate> getCertificates() {
        return certificates;
    }

    @Override
    public String toString() {
        return "RTCConfiguration{iceServers=" + iceServers + "}";
    }
}
