package io.jrtc.datachannel;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * DATA_CHANNEL_OPEN (RFC 8832 §5.1): type 0x03, channel type, priority, reliability parameter, then the label and
 * protocol as length-prefixed UTF-8. The reliability parameter is an unsigned 32-bit value held in a long.
 */
public record DcepOpen(DcepChannelType channelType, int priority, long reliabilityParameter, String label,
                       String protocol) implements DcepMessage {
    public static final int MESSAGE_TYPE = 0x03;
    /** The W3C default priority "low" as RFC 8832 encodes it; what browsers announce by default. */
    public static final int DEFAULT_PRIORITY = 256;
    /** The fixed part before the label and protocol. */
    static final int HEADER_LENGTH = 12;

    public DcepOpen {
        Objects.requireNonNull(channelType, "channelType");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(protocol, "protocol");
        if (priority < 0 || priority > 0xFFFF) {
            throw new IllegalArgumentException("priority must fit 16 bits: " + priority);
        }
        if (reliabilityParameter < 0 || reliabilityParameter > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("reliability parameter must fit 32 bits: " + reliabilityParameter);
        }
        if (utf8(label, "label").length > 0xFFFF || utf8(protocol, "protocol").length > 0xFFFF) {
            throw new IllegalArgumentException("label and protocol must each fit 65535 bytes of UTF-8");
        }
    }

    public static DcepOpen parse(byte[] data) throws DcepParseException {
        if (data.length < HEADER_LENGTH) {
            throw new DcepParseException("DATA_CHANNEL_OPEN shorter than its 12-byte header: " + data.length);
        }
        ByteBuffer in = ByteBuffer.wrap(data);
        int type = in.get() & 0xFF;
        if (type != MESSAGE_TYPE) {
            throw new DcepParseException("not a DATA_CHANNEL_OPEN: type 0x" + Integer.toHexString(type));
        }
        int code = in.get() & 0xFF;
        DcepChannelType channelType = DcepChannelType.fromCode(code);
        if (channelType == null) {
            throw new DcepParseException("unknown channel type 0x" + Integer.toHexString(code));
        }
        int priority = in.getShort() & 0xFFFF;
        long reliability = in.getInt() & 0xFFFFFFFFL;
        int labelLength = in.getShort() & 0xFFFF;
        int protocolLength = in.getShort() & 0xFFFF;
        if (data.length != HEADER_LENGTH + labelLength + protocolLength) {
            throw new DcepParseException("DATA_CHANNEL_OPEN length " + data.length + " does not match label length "
                    + labelLength + " and protocol length " + protocolLength);
        }
        String label = decodeUtf8(in, labelLength, "label");
        String protocol = decodeUtf8(in, protocolLength, "protocol");
        return new DcepOpen(channelType, priority, reliability, label, protocol);
    }

    @Override
    public byte[] encode() {
        byte[] labelBytes = utf8(label, "label");
        byte[] protocolBytes = utf8(protocol, "protocol");
        ByteBuffer out = ByteBuffer.allocate(HEADER_LENGTH + labelBytes.length + protocolBytes.length);
        out.put((byte) MESSAGE_TYPE)
                .put((byte) channelType.code())
                .putShort((short) priority)
                .putInt((int) reliabilityParameter)
                .putShort((short) labelBytes.length)
                .putShort((short) protocolBytes.length)
                .put(labelBytes)
                .put(protocolBytes);
        return out.array();
    }

    private static String decodeUtf8(ByteBuffer in, int length, String what) throws DcepParseException {
        ByteBuffer slice = in.slice();
        slice.limit(length);
        in.position(in.position() + length);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(slice);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new DcepParseException(what + " is not valid UTF-8");
        }
    }

    /** Strict UTF-8: a string with unpaired surrogates has no UTF-8 form and could not round-trip. */
    static byte[] utf8(String s, String what) {
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(s));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(what + " is not well-formed Unicode (unpaired surrogate)");
        }
    }
}
