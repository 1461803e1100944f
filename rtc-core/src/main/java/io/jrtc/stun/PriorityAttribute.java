package io.jrtc.stun;

/** PRIORITY (RFC 8445 §7.1.1): the priority a peer-reflexive candidate learnt from this check would get. */
public record PriorityAttribute(long priority) implements StunAttribute {
    public PriorityAttribute {
        if (priority < 0 || priority > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("priority must be a 32-bit unsigned value: " + priority);
        }
    }

    public static PriorityAttribute decode(byte[] b, int off, int len) throws StunParseException {
        StunValues.requireLength("PRIORITY", len, 4);
        return new PriorityAttribute(StunValues.u32(b, off));
    }

    @Override
    public int type() {
        return StunAttributeType.PRIORITY;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        byte[] v = new byte[4];
        StunValues.putU32(v, 0, priority);
        return v;
    }
}
