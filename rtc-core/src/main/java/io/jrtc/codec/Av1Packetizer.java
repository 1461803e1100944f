package io.jrtc.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Packetizes AV1 temporal units per the AV1 RTP specification §4: the OBUs of a low-overhead temporal unit lose
 * their size fields, temporal delimiters, tile lists and padding (§5), and go as OBU elements each preceded by a
 * leb128 length (W = 0), filling payloads of {@code maxPayloadSize}; an OBU that does not fit the rest of a payload
 * is fragmented (Y = 1 on that payload, Z = 1 on the next). A temporal unit holding a sequence header starts a
 * coded video sequence, as WebRTC encoders send one only with a keyframe: its first payload has N = 1. The last
 * payload has the marker bit.
 */
public final class Av1Packetizer {
    private static final int AGGREGATION_HEADER = 1;
    /** Room for a length and at least one byte of an element. */
    private static final int MIN_ELEMENT_ROOM = 3;

    private final int maxPayloadSize;

    /** @param maxPayloadSize the largest RTP payload to produce (e.g. 1200 minus headers); at least 4 */
    public Av1Packetizer(int maxPayloadSize) {
        if (maxPayloadSize < AGGREGATION_HEADER + MIN_ELEMENT_ROOM) {
            throw new IllegalArgumentException("maxPayloadSize too small: " + maxPayloadSize);
        }
        this.maxPayloadSize = maxPayloadSize;
    }

    /** Packetizes one temporal unit in the low-overhead bitstream format. */
    public List<RtpPayload> packetize(byte[] temporalUnit, int off, int len) {
        if (temporalUnit == null || off < 0 || len < 1 || len > temporalUnit.length - off) {
            throw new IllegalArgumentException("AV1 temporal unit empty or outside the buffer");
        }
        List<byte[]> elements = Av1Obus.rtpElements(temporalUnit, off, len);
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("AV1 temporal unit without an OBU to send");
        }
        boolean newSequence = elements.stream().anyMatch(e -> Av1Obus.type(e[0]) == Av1Obus.TYPE_SEQUENCE_HEADER);
        List<byte[]> payloads = new ArrayList<>();
        ByteArrayOutputStream packet = start(newSequence ? Av1PayloadFormat.N : 0);
        for (byte[] element : elements) {
            int at = 0;
            while (at < element.length) {
                int room = maxPayloadSize - packet.size();
                int remaining = element.length - at;
                if (Av1Obus.leb128Length(remaining) + remaining <= room) {
                    writeElement(packet, element, at, remaining);
                    break;
                }
                if (room >= MIN_ELEMENT_ROOM) {
                    int piece = room - Av1Obus.leb128Length(room);
                    writeElement(packet, element, at, piece);
                    at += piece;
                    payloads.add(finish(packet, true));
                    packet = start(Av1PayloadFormat.Z);
                } else {
                    payloads.add(finish(packet, false));
                    packet = start(0);
                }
            }
        }
        payloads.add(finish(packet, false));
        List<RtpPayload> out = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            out.add(new RtpPayload(payloads.get(i), i == payloads.size() - 1));
        }
        return out;
    }

    private static ByteArrayOutputStream start(int header) {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(header);
        return packet;
    }

    private static void writeElement(ByteArrayOutputStream packet, byte[] element, int at, int length) {
        byte[] size = new byte[Av1Obus.leb128Length(length)];
        Av1Obus.writeLeb128(length, size, 0);
        packet.write(size, 0, size.length);
        packet.write(element, at, length);
    }

    private static byte[] finish(ByteArrayOutputStream packet, boolean continues) {
        byte[] payload = packet.toByteArray();
        if (continues) {
            payload[0] |= (byte) Av1PayloadFormat.Y;
        }
        return payload;
    }
}
