package io.jrtc.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Packetization and reassembly shared by H.264 (RFC 6184 §5.6-5.8) and H.265 (RFC 7798 §4.4.1-4.4.3): a NAL unit
 * that fits goes alone, consecutive small ones are aggregated while they fit together, a NAL unit larger than the
 * payload limit is cut into fragments of nearly equal size; the last payload of an access unit has the marker bit.
 * Reassembly turns single, aggregated and fragmented NAL units back into an Annex B access unit with four-byte
 * start codes. The {@link NalUnitFormat} says how each format writes its headers.
 */
final class NalUnitPayloads {
    private static final int LENGTH_FIELD = 2;
    private static final byte[] START_CODE = {0, 0, 0, 1};

    private NalUnitPayloads() {
    }

    /**
     * The payloads of one access unit; with {@code singleNalUnits} every NAL unit goes alone, however large (H.264
     * packetization-mode 0).
     */
    static List<RtpPayload> packetize(NalUnitFormat format, List<byte[]> nalUnits, int maxPayloadSize,
            boolean singleNalUnits) {
        if (nalUnits.isEmpty()) {
            throw new IllegalArgumentException("an access unit needs at least one NAL unit");
        }
        List<byte[]> payloads = new ArrayList<>();
        int i = 0;
        while (i < nalUnits.size()) {
            byte[] nal = nalUnits.get(i);
            if (nal == null || nal.length < format.headerLength()) {
                throw new IllegalArgumentException("NAL unit shorter than its header");
            }
            if (singleNalUnits) {
                payloads.add(nal.clone());
                i++;
            } else if (nal.length > maxPayloadSize) {
                fragment(format, nal, maxPayloadSize, payloads);
                i++;
            } else {
                int count = aggregatable(format, nalUnits, i, maxPayloadSize);
                payloads.add(count >= 2 ? aggregate(format, nalUnits, i, count) : nal.clone());
                i += Math.max(count, 1);
            }
        }
        List<RtpPayload> out = new ArrayList<>(payloads.size());
        for (int p = 0; p < payloads.size(); p++) {
            out.add(new RtpPayload(payloads.get(p), p == payloads.size() - 1));
        }
        return out;
    }

    /** How many NAL units from {@code from} fit one aggregation packet together. */
    private static int aggregatable(NalUnitFormat format, List<byte[]> nalUnits, int from, int maxPayloadSize) {
        int size = format.headerLength();
        int count = 0;
        for (int i = from; i < nalUnits.size(); i++) {
            byte[] nal = nalUnits.get(i);
            if (nal == null || nal.length < format.headerLength()
                    || size + LENGTH_FIELD + nal.length > maxPayloadSize) {
                break;
            }
            size += LENGTH_FIELD + nal.length;
            count++;
        }
        return count;
    }

    private static byte[] aggregate(NalUnitFormat format, List<byte[]> nalUnits, int from, int count) {
        int size = format.headerLength();
        for (int i = from; i < from + count; i++) {
            size += LENGTH_FIELD + nalUnits.get(i).length;
        }
        byte[] packet = new byte[size];
        format.writeAggregationHeader(packet, nalUnits, from, count);
        int at = format.headerLength();
        for (int i = from; i < from + count; i++) {
            byte[] nal = nalUnits.get(i);
            packet[at] = (byte) (nal.length >>> 8);
            packet[at + 1] = (byte) nal.length;
            System.arraycopy(nal, 0, packet, at + LENGTH_FIELD, nal.length);
            at += LENGTH_FIELD + nal.length;
        }
        return packet;
    }

    private static void fragment(NalUnitFormat format, byte[] nal, int maxPayloadSize, List<byte[]> into) {
        int headers = format.headerLength() + 1;
        int body = nal.length - format.headerLength();
        int room = maxPayloadSize - headers;
        int count = (body + room - 1) / room;
        int base = body / count;
        int larger = body % count;
        int at = format.headerLength();
        for (int i = 0; i < count; i++) {
            int size = base + (i < larger ? 1 : 0);
            byte[] fu = new byte[headers + size];
            format.writeFragmentHeaders(fu, nal, i == 0, i == count - 1);
            System.arraycopy(nal, at, fu, headers, size);
            at += size;
            into.add(fu);
        }
    }

    /**
     * Joins one access unit's payloads, already checked by the format's {@code inspect}, into Annex B. A fragment
     * sequence must run from S = 1 to E = 1 with one NAL type and nothing in between.
     */
    static byte[] assemble(NalUnitFormat format, PacketRun packets) throws CodecParseException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(packets.totalLength() + 64);
        int fuType = -1;
        for (int i = 0; i < packets.size(); i++) {
            byte[] b = packets.payload(i);
            int len = packets.length(i);
            int type = format.type(b[0]);
            if (type == format.fragmentType()) {
                fuType = appendFragment(format, out, b, len, fuType);
                continue;
            }
            CodecParseException.require(fuType < 0, "fragmentation unit sequence interrupted before its end");
            if (type == format.aggregationType()) {
                for (int at = format.headerLength(); at < len; ) {
                    int size = (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
                    out.write(START_CODE, 0, START_CODE.length);
                    out.write(b, at + LENGTH_FIELD, size);
                    at += LENGTH_FIELD + size;
                }
            } else {
                out.write(START_CODE, 0, START_CODE.length);
                out.write(b, 0, len);
            }
        }
        CodecParseException.require(fuType < 0, "frame ends inside a fragmentation unit sequence");
        return out.toByteArray();
    }

    /** Appends one fragment; returns the NAL type still being reassembled, or -1 after the end fragment. */
    private static int appendFragment(NalUnitFormat format, ByteArrayOutputStream out, byte[] b, int len,
            int fuType) throws CodecParseException {
        int headers = format.headerLength() + 1;
        int fuHeader = b[format.headerLength()] & 0xFF;
        int type = format.fragmentedType(fuHeader);
        if ((fuHeader & 0x80) != 0) {
            CodecParseException.require(fuType < 0, "fragment start inside another fragment sequence");
            out.write(START_CODE, 0, START_CODE.length);
            format.writeReassembledHeader(out, b);
        } else {
            CodecParseException.require(fuType == type, "fragment without its start fragment");
        }
        out.write(b, headers, len - headers);
        return (fuHeader & 0x40) != 0 ? -1 : type;
    }
}
