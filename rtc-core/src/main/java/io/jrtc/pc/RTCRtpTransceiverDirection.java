package io.jrtc.pc;

import io.jrtc.sdp.media.Direction;
import java.util.Objects;

/**
 * The direction of an RTCRtpTransceiver (W3C webrtc §5.5 RTCRtpTransceiverDirection). {@code toString()} gives
 * the W3C string ("sendrecv", "stopped"). The first four map one to one to the SDP direction attributes of
 * RFC 8866 §6.7; {@link #STOPPED} is a transceiver state with no SDP attribute (its m-section gets port 0).
 */
public enum RTCRtpTransceiverDirection {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE, STOPPED;

    @Override
    public String toString() {
        return W3cNames.of(this);
    }

    /** The direction named by a W3C string such as "recvonly"; IllegalArgumentException for any other. */
    public static RTCRtpTransceiverDirection of(String value) {
        return W3cNames.parse(RTCRtpTransceiverDirection.class, value);
    }

    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    /**
     * The SDP direction attribute for this direction.
     *
     * @throws IllegalStateException for {@link #STOPPED}, which SDP expresses by a zero port, not an attribute
     */
    public Direction toSdp() {
        return switch (this) {
            case SENDRECV -> Direction.SENDRECV;
            case SENDONLY -> Direction.SENDONLY;
            case RECVONLY -> Direction.RECVONLY;
            case INACTIVE -> Direction.INACTIVE;
            case STOPPED -> throw new IllegalStateException("a stopped transceiver has no SDP direction");
        };
    }

    /** The transceiver direction for an SDP direction attribute. */
    public static RTCRtpTransceiverDirection fromSdp(Direction direction) {
        return switch (Objects.requireNonNull(direction, "direction")) {
            case SENDRECV -> SENDRECV;
            case SENDONLY -> SENDONLY;
            case RECVONLY -> RECVONLY;
            case INACTIVE -> INACTIVE;
        };
    }
}
