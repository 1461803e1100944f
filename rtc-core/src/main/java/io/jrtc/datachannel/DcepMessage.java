package io.jrtc.datachannel;

/** A DCEP message (RFC 8832 §5), sent on the channel's stream with PPID 50. */
public sealed interface DcepMessage permits DcepOpen, DcepAck {

    byte[] encode();

    /** Parses any DCEP message by its first byte, the message type. */
    static DcepMessage parse(byte[] data) throws DcepParseException {
        if (data.length == 0) {
            throw new DcepParseException("empty DCEP message");
        }
        int type = data[0] & 0xFF;
        return switch (type) {
            case DcepOpen.MESSAGE_TYPE -> DcepOpen.parse(data);
            case DcepAck.MESSAGE_TYPE -> DcepAck.parse(data);
            default -> throw new DcepParseException("unknown DCEP message type 0x" + Integer.toHexString(type));
        };
    }
}
