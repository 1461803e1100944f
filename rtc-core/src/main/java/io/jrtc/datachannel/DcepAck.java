package io.jrtc.datachannel;

/** DATA_CHANNEL_ACK (RFC 8832 §5.2): a single byte, 0x02. */
public record DcepAck() implements DcepMessage {
    public static final int MESSAGE_TYPE = 0x02;
    public static final DcepAck INSTANCE = new DcepAck();

    public static DcepAck parse(byte[] data) throws DcepParseException {
        if (data.length != 1 || (data[0] & 0xFF) != MESSAGE_TYPE) {
            throw new DcepParseException("DATA_CHANNEL_ACK is exactly one byte 0x02");
        }
        return INSTANCE;
    }

    @Override
    public byte[] encode() {
        return new byte[] {MESSAGE_TYPE};
    }
}
