package io.jrtc.pc;

import java.util.List;
import java.util.Objects;

/**
 * Configuration of a peer connection (W3C RTCConfiguration). Unlike aiortc, no STUN server is used unless one is
 * configured: a default that contacts a public server surprises more than it helps.
 */
public final class RTCConfiguration {
    private final List<RTCIceServer> iceServers;
    private final List<RTCCertificate> certificates;
    private final RTCIceTransportPolicy iceTransportPolicy;

    public RTCConfiguration() {
        this(List.of(), List.of());
    }

    public RTCConfiguration(List<RTCIceServer> iceServers) {
        this(iceServers, List.of());
    }

    public RTCConfiguration(List<RTCIceServer> iceServers, List<RTCCertificate> certificates) {
        this(iceServers, certificates, RTCIceTransportPolicy.ALL);
    }

    public RTCConfiguration(List<RTCIceServer> iceServers, List<RTCCertificate> certificates,
                            RTCIceTransportPolicy iceTransportPolicy) {
        this.iceServers = List.copyOf(iceServers);
        this.certificates = List.copyOf(certificates);
        this.iceTransportPolicy = Objects.requireNonNull(iceTransportPolicy, "iceTransportPolicy");
    }

    /** This configuration with another ICE transport policy. */
    public RTCConfiguration withIceTransportPolicy(RTCIceTransportPolicy policy) {
        return new RTCConfiguration(iceServers, certificates, policy);
    }

    public List<RTCIceServer> getIceServers() {
        return iceServers;
    }

    /** Certificates to use for DTLS; empty means one is generated per connection. */
    public List<RTCCertificate> getCertificates() {
        return certificates;
    }

    /** {@code all} unless set: {@code relay} offers and uses TURN-relayed candidates only. */
    public RTCIceTransportPolicy getIceTransportPolicy() {
        return iceTransportPolicy;
    }

    @Override
    public String toString() {
        return "RTCConfiguration{iceServers=" + iceServers + ", iceTransportPolicy=" + iceTransportPolicy + "}";
    }
}
