package io.jrtc.pc;

/**
 * What a data channel is opened with (the reference's RTCDataChannelParameters). At most one of
 * {@code maxPacketLifeTime} (ms) and {@code maxRetransmits} may be set; {@code id} is required when negotiated.
 */
public record RTCDataChannelParameters(String label, Integer maxPacketLifeTime, Integer maxRetransmits,
                                       boolean ordered, String protocol, boolean negotiated, Integer id) {
    public RTCDataChannelParameters {
        label = label == null ? "" : label;
        protocol = protocol == null ? "" : protocol;
        if (maxPacketLifeTime != null && maxRetransmits != null) {
            throw new TypeError("maxPacketLifeTime and maxRetransmits cannot both be set");
        }
        if (negotiated && id == null) {
            throw new TypeError("a negotiated data channel needs an id");
        }
        if (id != null && (id < 0 || id > 65534)) {
            throw new TypeError("data channel id " + id + " is out of range 0..65534");
        }
        if (label.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 65535
                || protocol.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 65535) {
            throw new TypeError("label and protocol are limited to 65535 bytes");
        }
    }

    public RTCDataChannelParameters(String label) {
        this(label, null, null, true, "", false, null);
    }

    static RTCDataChannelParameters of(String label, RTCDataChannelInit init) {
        RTCDataChannelInit i = init == null ? RTCDataChannelInit.defaults() : init;
        return new RTCDataChannelParameters(label, i.maxPacketLifeTime(), i.maxRetransmits(),
                i.ordered() == null || i.ordered(), i.protocol(), Boolean.TRUE.equals(i.negotiated()), i.id());
    }
}
