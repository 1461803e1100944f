package io.jrtc.srtp;

import java.util.Arrays;

/** Plain RTP and RTCP packets for tests, built by hand to the RFC 3550 layouts. */
final class TestPackets {
    static final int ROOM = 64;

    private TestPackets() {
    }

    /**
     * An RTP packet: version 2, {@code csrcs} CSRCs, a header extension of {@code extensionWords} words when not
     * negative, the padding bit with {@code padding} trailing padding bytes when positive, then the payload.
     */
    static byte[] rtp(int sequenceNumber, int ssrc, int csrcs, int extensionWords, int padding, byte[] payload) {
        int header = 12 + 4 * csrcs + (extensionWords >= 0 ? 4 + 4 * extensionWords : 0);
        byte[] packet = new byte[header + payload.length + padding];
        packet[0] = (byte) (0x80 | (padding > 0 ? 0x20 : 0) | (extensionWords >= 0 ? 0x10 : 0) | csrcs);
        packet[1] = (byte) 0xE0; // marker, payload type 96
        packet[2] = (byte) (sequenceNumber >>> 8);
        packet[3] = (byte) sequenceNumber;
        SrtpPacketFields.writeU32(packet, 4, 0x1234_5678);
        SrtpPacketFields.writeU32(packet, 8, ssrc);
        for (int i = 0; i < csrcs; i++) {
            SrtpPacketFields.writeU32(packet, 12 + 4 * i, 0x0C50_0000 + i);
        }
        if (extensionWords >= 0) {
            int at = 12 + 4 * csrcs;
            packet[at] = (byte) 0xBE;
            packet[at + 1] = (byte) 0xDE;
            packet[at + 3] = (byte) extensionWords;
            for (int i = 0; i < 4 * extensionWords; i++) {
                packet[at + 4 + i] = (byte) (0x40 + i);
            }
        }
        System.arraycopy(payload, 0, packet, header, payload.length);
        if (padding > 0) {
            packet[packet.length - 1] = (byte) padding;
        }
        return packet;
    }

    static byte[] rtp(int sequenceNumber, int ssrc, byte[] payload) {
        return rtp(sequenceNumber, ssrc, 0, -1, 0, payload);
    }

    /** A receiver report with one report block from {@code ssrc}. */
    static byte[] rtcp(int ssrc) {
        byte[] packet = new byte[32];
        packet[0] = (byte) 0x81;
        packet[1] = (byte) 201;
        packet[3] = 7;
        SrtpPacketFields.writeU32(packet, 4, ssrc);
        for (int i = 8; i < packet.length; i++) {
            packet[i] = (byte) i;
        }
        return packet;
    }

    static byte[] withRoom(byte[] packet) {
        return Arrays.copyOf(packet, packet.length + ROOM);
    }

    static byte[] payload(int length, int seed) {
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) (seed * 31 + i);
        }
        return payload;
    }
}
