package io.jrtc.pc;

/** Options of {@link RTCPeerConnection#createDataChannel(String, RTCDataChannelInit)} (W3C RTCDataChannelInit). */
public record RTCDataChannelInit(Boolean ordered, Integer maxPacketLifeTime, Integer maxRetransmits, String protocol,
                                 Boolean negotiated, Integer id) {
    public static RTCDataChannelInit defaults() {
        return new RTCDataChannelInit(true, null, null, "", false, null);
    }

    public RTCDataChannelInit withOrdered(boolean value) {
        return new RTCDataChannelInit(value, maxPacketLifeTime, maxRetransmits, protocol, negotiated, id);
    }

    public RTCDataChannelInit withMaxPacketLifeTime(Integer value) {
        return new RTCDataChannelInit(ordered, value, maxRetransmits, protocol, negotiated, id);
    }

    public RTCDataChannelInit withMaxRetransmits(Integer value) {
        return new RTCDataChannelInit(ordered, maxPacketLifeTime, value, protocol, negotiated, id);
    }

    public RTCDataChannelInit withProtocol(String value) {
        return new RTCDataChannelInit(ordered, maxPacketLifeTime, maxRetransmits, value, negotiated, id);
    }

    /** A channel both sides create with the same id, without DCEP (RFC 8832 §6). */
    public RTCDataChannelInit withNegotiatedId(int value) {
        return new RTCDataChannelInit(ordered, maxPacketLifeTime, maxRetransmits, protocol, true, value);
    }
}
