package io.jrtc.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * AV1 OBUs (AV1 Bitstream Specification §5.3): the one- or two-byte OBU header (forbidden bit, obu_type,
 * extension flag, has_size_field; the extension byte holds temporal_id and spatial_id), leb128 sizes (§4.10.5),
 * and a temporal unit in the low-overhead bitstream format (§5.2), where every OBU carries its size.
 */
public final class Av1Obus {
    public static final int TYPE_SEQUENCE_HEADER = 1;
    public static final int TYPE_TEMPORAL_DELIMITER = 2;
    public static final int TYPE_TILE_LIST = 8;
    public static final int TYPE_PADDING = 15;
    private static final int HAS_SIZE_FIELD = 0x02;
    private static final int HAS_EXTENSION = 0x04;
    private static final int MAX_LEB128_BYTES = 8;
    /** A temporal delimiter OBU with its (zero) size: what a low-overhead temporal unit begins with (§7.5). */
    static final byte[] TEMPORAL_DELIMITER = {0x12, 0x00};

    private Av1Obus() {
    }

    /** obu_type from the first header byte. */
    public static int type(byte header) {
        return (header >>> 3) & 0x0F;
    }

    /** The header's length: 2 with the extension byte, else 1. */
    public static int headerLength(byte header) {
        return (header & HAS_EXTENSION) != 0 ? 2 : 1;
    }

    /** How many bytes leb128 takes for a value. */
    public static int leb128Length(long value) {
        int length = 1;
        while (value >= 0x80) {
            value >>>= 7;
            length++;
        }
        return length;
    }

    /** Writes a value as leb128 at {@code at}; returns the position after it. */
    public static int writeLeb128(long value, byte[] out, int at) {
        while (value >= 0x80) {
            out[at++] = (byte) (0x80 | value & 0x7F);
            value >>>= 7;
        }
        out[at++] = (byte) value;
        return at;
    }

    /**
     * Reads a leb128 value at {@code at} before {@code end}; returns the value and its length packed as
     * {@code value << 8 | length}, the value limited to 31 bits.
     *
     * @throws CodecParseException when it runs past {@code end}, is longer than eight bytes or exceeds 2^31 - 1
     */
    public static long readLeb128(byte[] b, int at, int end) throws CodecParseException {
        long value = 0;
        for (int i = 0; i < MAX_LEB128_BYTES; i++) {
            CodecParseException.require(at + i < end, "leb128 truncated");
            int byteValue = b[at + i] & 0xFF;
            value |= (long) (byteValue & 0x7F) << (7 * i);
            CodecParseException.require(value <= Integer.MAX_VALUE, "leb128 value too large");
            if ((byteValue & 0x80) == 0) {
                return value << 8 | (i + 1);
            }
        }
        throw new CodecParseException("leb128 longer than eight bytes");
    }

    /**
     * An OBU as RTP carries it (AV1 RTP specification §4.3: has_size_field 0), from the OBU with its size field:
     * the header with the flag cleared and the payload.
     */
    static byte[] withoutSizeField(byte[] b, int at, int headerLength, int payloadAt, int payloadLength) {
        byte[] element = new byte[headerLength + payloadLength];
        System.arraycopy(b, at, element, 0, headerLength);
        element[0] &= (byte) ~HAS_SIZE_FIELD;
        System.arraycopy(b, payloadAt, element, headerLength, payloadLength);
        return element;
    }

    /**
     * An OBU in the low-overhead format from an RTP OBU element: has_size_field set and the payload's size
     * written after the header (an element that already has a size field is cut to that size).
     */
    static byte[] withSizeField(byte[] element) throws CodecParseException {
        CodecParseException.require(element.length >= 1, "empty AV1 OBU element");
        CodecParseException.require((element[0] & 0x80) == 0, "AV1 OBU with the forbidden bit set");
        int header = headerLength(element[0]);
        CodecParseException.require(element.length >= header, "AV1 OBU header truncated");
        if ((element[0] & HAS_SIZE_FIELD) != 0) {
            long sized = readLeb128(element, header, element.length);
            int size = (int) (sized >>> 8);
            int end = header + (int) (sized & 0xFF) + size;
            CodecParseException.require(end <= element.length, "AV1 OBU size beyond its element");
            return java.util.Arrays.copyOf(element, end);
        }
        int payload = element.length - header;
        byte[] obu = new byte[element.length + leb128Length(payload)];
        System.arraycopy(element, 0, obu, 0, header);
        obu[0] |= HAS_SIZE_FIELD;
        int at = writeLeb128(payload, obu, header);
        System.arraycopy(element, header, obu, at, payload);
        return obu;
    }

    /**
     * The OBUs of a low-overhead temporal unit as RTP OBU elements (no size field), dropping what RTP must not
     * carry (§5: temporal delimiters, tile lists, padding). An OBU without a size field runs to the end.
     *
     * @throws IllegalArgumentException when the data is not a sequence of OBUs
     */
    public static List<byte[]> rtpElements(byte[] tu, int off, int len) {
        List<byte[]> elements = new ArrayList<>();
        int end = off + len;
        int at = off;
        try {
            while (at < end) {
                int header = headerLength(tu[at]);
                CodecParseException.require(at + header <= end, "AV1 OBU header truncated");
                int payloadAt = at + header;
                int payloadLength = end - payloadAt;
                if ((tu[at] & HAS_SIZE_FIELD) != 0) {
                    long sized = readLeb128(tu, payloadAt, end);
                    payloadAt += (int) (sized & 0xFF);
                    payloadLength = (int) (sized >>> 8);
                    CodecParseException.require(payloadLength <= end - payloadAt, "AV1 OBU size beyond the data");
                }
                int type = type(tu[at]);
                if (type != TYPE_TEMPORAL_DELIMITER && type != TYPE_TILE_LIST && type != TYPE_PADDING) {
                    elements.add(withoutSizeField(tu, at, header, payloadAt, payloadLength));
                }
                at = payloadAt + payloadLength;
            }
        } catch (CodecParseException malformed) {
            throw new IllegalArgumentException("not an AV1 temporal unit: " + malformed.getMessage());
        }
        return elements;
    }
}
