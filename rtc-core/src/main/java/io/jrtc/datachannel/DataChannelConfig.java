package io.jrtc.datachannel;

import java.util.Objects;

/**
 * RTCDataChannelInit plus the label (W3C webrtc-pc §6.2): ordering, at most one partial-reliability limit
 * (RFC 8831 §6.1: a lifetime in milliseconds or a retransmission count), the sub-protocol, and for channels
 * negotiated out of band the stream id both sides agreed on. {@code id} is ignored for in-band channels, whose
 * id the engine chooses; the handle's config carries the id actually used.
 */
public record DataChannelConfig(String label, boolean ordered, Integer maxPacketLifeTime, Integer maxRetransmits,
                                String protocol, boolean negotiated, Integer id) {
    /** RFC 8831 §6.5 reserves stream 65535. */
    public static final int MAX_STREAM_ID = 65534;

    public DataChannelConfig {
        Objects.requireNonNull(label, "label");
        protocol = protocol == null ? "" : protocol;
        if (maxPacketLifeTime != null && maxRetransmits != null) {
            throw new IllegalArgumentException("set at most one of maxPacketLifeTime and maxRetransmits");
        }
        if ((maxPacketLifeTime != null && maxPacketLifeTime < 0) || (maxRetransmits != null && maxRetransmits < 0)) {
            throw new IllegalArgumentException("reliability limits must not be negative");
        }
        if (DcepOpen.utf8(label, "label").length > 0xFFFF || DcepOpen.utf8(protocol, "protocol").length > 0xFFFF) {
            throw new IllegalArgumentException("label and protocol must each fit 65535 bytes of UTF-8");
        }
        if (negotiated && id == null) {
            throw new IllegalArgumentException("a negotiated channel needs an id");
        }
        if (id != null && (id < 0 || id > MAX_STREAM_ID)) {
            throw new IllegalArgumentException("id must be from 0 to " + MAX_STREAM_ID + ": " + id);
        }
    }

    /** A reliable, ordered channel opened in band (DCEP). */
    public static DataChannelConfig reliable(String label) {
        return new DataChannelConfig(label, true, null, null, "", false, null);
    }

    /** A reliable, ordered channel both sides create with the same id, without DCEP. */
    public static DataChannelConfig negotiated(String label, int id) {
        return new DataChannelConfig(label, true, null, null, "", true, id);
    }

    public DataChannelConfig withId(int newId) {
        return new DataChannelConfig(label, ordered, maxPacketLifeTime, maxRetransmits, protocol, negotiated, newId);
    }

    /** The DCEP channel type announcing this configuration (RFC 8832 §5.1). */
    public DcepChannelType channelType() {
        return DcepChannelType.of(ordered, maxRetransmits, maxPacketLifeTime);
    }

    /** The DCEP reliability parameter: the retransmission count or the lifetime, 0 when reliable. */
    public long reliabilityParameter() {
        if (maxRetransmits != null) {
            return maxRetransmits;
        }
        return maxPacketLifeTime != null ? maxPacketLifeTime : 0;
    }
}
