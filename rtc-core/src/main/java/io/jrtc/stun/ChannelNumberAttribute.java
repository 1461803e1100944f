package io.jrtc.stun;

/**
 * CHANNEL-NUMBER (RFC 8656 §18.1): a 16-bit channel number followed by two reserved bytes (RFFU), sent as zero and
 * ignored on receipt. Any 16-bit value decodes; whether it lies in the valid range 0x4000-0x4FFF is for the TURN
 * logic to judge, since a server answers an out-of-range number with 400 rather than dropping the message.
 */
public record ChannelNumberAttribute(int channelNumber) implements StunAttribute {
    public ChannelNumberAttribute {
        if (channelNumber < 0 || channelNumber > 0xFFFF) {
            throw new IllegalArgumentException("channel number must be 16 bits: " + channelNumber);
        }
    }

    public static ChannelNumberAttribute decode(byte[] b, int off, int len) throws StunParseException {
        StunValues.requireLength("CHANNEL-NUMBER", len, 4);
        return new ChannelNumberAttribute(StunValues.u16(b, off));
    }

    @Override
    public int type() {
        return StunAttributeType.CHANNEL_NUMBER;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        byte[] v = new byte[4];
        StunValues.putU16(v, 0, channelNumber);
        return v;
    }
}
