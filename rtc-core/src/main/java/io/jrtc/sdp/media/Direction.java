package io.jrtc.sdp.media;

import io.jrtc.sdp.SdpParseException;

/**
 * The media direction attributes of RFC 8866 §6.7 (sendrecv, sendonly, recvonly, inactive), always from the
 * point of view of the description that carries them.
 */
public enum Direction {
    SENDRECV("sendrecv", true, true),
    SENDONLY("sendonly", true, false),
    RECVONLY("recvonly", false, true),
    INACTIVE("inactive", false, false);

    private final String attributeName;
    private final boolean sends;
    private final boolean receives;

    Direction(String attributeName, boolean sends, boolean receives) {
        this.attributeName = attributeName;
        this.sends = sends;
        this.receives = receives;
    }

    /** The attribute name, e.g. "sendonly". */
    public String attributeName() {
        return attributeName;
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }

    /** The same media flow seen from the other side: sendonly becomes recvonly (RFC 3264 §6.1). */
    public Direction reverse() {
        return of(receives, sends);
    }

    /** The direction that sends only if both allow sending and receives only if both allow receiving. */
    public Direction intersect(Direction other) {
        return of(sends && other.sends, receives && other.receives);
    }

    public static Direction of(boolean send, boolean receive) {
        if (send) {
            return receive ? SENDRECV : SENDONLY;
        }
        return receive ? RECVONLY : INACTIVE;
    }

    /** The direction named by an attribute name, or null when the name is not a direction. */
    public static Direction fromAttributeName(String name) {
        for (Direction d : values()) {
            if (d.attributeName.equals(name)) {
                return d;
            }
        }
        return null;
    }

    /** Parses a direction name such as the optional direction of {@code a=extmap} (RFC 8285 §8). */
    public static Direction parse(String text) throws SdpParseException {
        Direction d = fromAttributeName(text);
        if (d == null) {
            throw new SdpParseException(0, text == null ? "" : text,
                    "direction must be sendrecv, sendonly, recvonly or inactive");
        }
        return d;
    }
}
