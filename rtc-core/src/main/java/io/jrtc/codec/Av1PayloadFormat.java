package io.jrtc.codec;

import java.io.ByteArrayOutputStream;

/**
 * Depacketizes AV1 (the AV1 RTP specification, §4): every payload starts with the aggregation header
 * <pre>
 *  |Z|Y| W |N|-|-|-|
 * </pre>
 * (Z: the first OBU element continues a fragment of the previous packet; Y: the last one continues in the next;
 * W: how many elements, the last without a length, or 0 when every element has a leb128 length; N: the packet
 * begins a coded video sequence, i.e. a keyframe), then the OBU elements. A frame is one temporal unit, from a
 * packet with Z = 0 through the one with the marker bit, and comes out in the low-overhead bitstream format
 * (AV1 §5.2): a temporal delimiter, then every OBU with its size field.
 */
public final class Av1PayloadFormat implements Depacketizer {
    /** The RTP timestamp rate of AV1, fixed by the AV1 RTP specification §4.1. */
    public static final int CLOCK_RATE = 90_000;
    static final int Z = 0x80;
    static final int Y = 0x40;
    static final int N = 0x08;
    private static final int W_SHIFT = 4;

    @Override
    public int inspect(byte[] payload, int off, int len) throws CodecParseException {
        return flags(payload, off, len);
    }

    private static int flags(byte[] payload, int off, int len) throws CodecParseException {
        CodecParseException.require(payload != null && off >= 0 && len >= 2 && len <= payload.length - off,
                "AV1 payload without an OBU element or outside the buffer");
        int header = payload[off] & 0xFF;
        CodecParseException.require((header & Z) == 0 || (header & N) == 0, "AV1 packet with both Z and N");
        int firstElement = forEachElement(payload, off, len, null);
        boolean startsUnit = (header & Z) == 0
                && ((header & N) != 0 || Av1Obus.type(payload[firstElement]) == Av1Obus.TYPE_SEQUENCE_HEADER);
        return (startsUnit ? FRAME_START : 0) | ((header & N) != 0 ? KEYFRAME : 0);
    }

    /** Whether the packet is the first of a keyframe: a well-formed packet with N = 1 (so Z = 0). Never throws. */
    public static boolean isKeyframeStart(byte[] payload, int off, int len) {
        try {
            return (flags(payload, off, len) & KEYFRAME) != 0;
        } catch (CodecParseException malformed) {
            return false;
        }
    }

    @Override
    public boolean startsKeyframe(byte[] payload, int off, int len) {
        return isKeyframeStart(payload, off, len);
    }

    /** Receives the OBU elements of a packet. */
    private interface ElementSink {
        void element(byte[] b, int at, int length, boolean endsPacket) throws CodecParseException;
    }

    /**
     * Walks the OBU elements of a payload, checking every length; returns where the first element begins.
     */
    private static int forEachElement(byte[] b, int off, int len, ElementSink sink) throws CodecParseException {
        int end = off + len;
        int count = (b[off] >>> W_SHIFT) & 0x03;
        int at = off + 1;
        int firstAt = -1;
        int index = 0;
        while (at < end) {
            boolean last = count != 0 && index == count - 1;
            int length;
            if (last) {
                length = end - at;
            } else {
                long sized = Av1Obus.readLeb128(b, at, end);
                at += (int) (sized & 0xFF);
                length = (int) (sized >>> 8);
                CodecParseException.require(length <= end - at, "AV1 OBU element beyond the packet");
            }
            CodecParseException.require(length > 0, "empty AV1 OBU element");
            if (firstAt < 0) {
                firstAt = at;
            }
            if (sink != null) {
                sink.element(b, at, length, at + length == end);
            }
            at += length;
            index++;
            if (last) {
                break;
            }
        }
        CodecParseException.require(firstAt >= 0 && firstAt < end, "AV1 packet without an OBU element");
        CodecParseException.require(count == 0 || index == count, "AV1 packet with fewer OBU elements than W");
        return firstAt;
    }

    @Override
    public byte[] assemble(PacketRun packets) throws CodecParseException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(packets.totalLength() + 64);
        out.write(Av1Obus.TEMPORAL_DELIMITER, 0, Av1Obus.TEMPORAL_DELIMITER.length);
        ByteArrayOutputStream[] fragment = {null};
        for (int i = 0; i < packets.size(); i++) {
            byte[] b = packets.payload(i);
            int len = packets.length(i);
            inspect(b, 0, len);
            int header = b[0] & 0xFF;
            boolean continues = (header & Z) != 0;
            boolean continuesNext = (header & Y) != 0;
            CodecParseException.require(continues == (fragment[0] != null),
                    continues ? "AV1 continuation without its start" : "AV1 fragment not continued");
            forEachElement(b, 0, len, (bytes, at, length, last) -> {
                if (fragment[0] == null) {
                    fragment[0] = new ByteArrayOutputStream(length);
                }
                fragment[0].write(bytes, at, length);
                if (!(last && continuesNext)) {
                    byte[] obu = Av1Obus.withSizeField(fragment[0].toByteArray());
                    out.write(obu, 0, obu.length);
                    fragment[0] = null;
                }
            });
        }
        CodecParseException.require(fragment[0] == null, "AV1 temporal unit ends inside an OBU fragment");
        return out.toByteArray();
    }
}
