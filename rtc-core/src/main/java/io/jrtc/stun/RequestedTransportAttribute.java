package io.jrtc.stun;

/**
 * REQUESTED-TRANSPORT (RFC 8656 §18.7): the IP protocol number of the relay the client asks for, followed by three
 * reserved bytes that are sent as zero and ignored on receipt. TURN over UDP allocations ask for UDP (17).
 */
public record RequestedTransportAttribute(int protocol) implements StunAttribute {
    public static final int UDP = 17;

    public RequestedTransportAttribute {
        if (protocol < 0 || protocol > 0xFF) {
            throw new IllegalArgumentException("protocol number must fit one byte: " + protocol);
        }
    }

    public static RequestedTransportAttribute udp() {
        return new RequestedTransportAttribute(UDP);
    }

    public static RequestedTransportAttribute decode(byte[] b, int off, int len) throws StunParseException {
        StunValues.requireLength("REQUESTED-TRANSPORT", len, 4);
        return new RequestedTransportAttribute(b[off] & 0xFF);
    }

    @Override
    public int type() {
        return StunAttributeType.REQUESTED_TRANSPORT;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return new byte[] {(byte) protocol, 0, 0, 0};
    }
}
