package io.jrtc.pc;

/**
 * Which local candidates ICE may use (W3C RTCIceTransportPolicy): {@code all}, or {@code relay} for TURN-relayed
 * candidates only, which keeps the local addresses from the peer. {@code toString()} gives the W3C string.
 */
public enum RTCIceTransportPolicy {
    ALL, RELAY;

    @Override
    public String toString() {
        return W3cNames.of(this);
    }

    public static RTCIceTransportPolicy fromString(String value) {
        return W3cNames.parse(RTCIceTransportPolicy.class, value);
    }
}
