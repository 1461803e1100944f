package io.jrtc.pc.internal.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Vp8KeyframeWidthTest {
    /** A key frame's tag (key-frame bit clear), start code, 640 (0x0280) wide, 360 (0x0168) high. */
    private static final int[] KEY_FRAME_640 = {0x50, 0x42, 0x00, 0x9d, 0x01, 0x2a, 0x80, 0x02, 0x68, 0x01};

    @Test
    void aMinimalDescriptorThenAKeyFrameHeader() {
        assertEquals(640, Vp8KeyframeWidth.of(bytes(new int[] {0x10}, KEY_FRAME_640), 0, 11));
    }

    @Test
    void chromiumsDescriptorWithA15BitPictureIdTl0PicIdxAndTid() {
        // X S | I L T | M + picture id (2 bytes) | TL0PICIDX | TID Y KEYIDX
        byte[] packet = bytes(new int[] {0x90, 0xE0, 0x81, 0x23, 0x07, 0x20}, KEY_FRAME_640);
        assertEquals(640, Vp8KeyframeWidth.of(packet, 0, packet.length));
    }

    @Test
    void theWidthIsReadWhereThePayloadStartsInTheBuffer() {
        byte[] packet = bytes(new int[] {0xAA, 0xAA, 0x10}, KEY_FRAME_640);
        assertEquals(640, Vp8KeyframeWidth.of(packet, 2, packet.length - 2));
    }

    @Test
    void aDeltaFrameAContinuationAndAShortPacketSayNothing() {
        int[] deltaFrame = KEY_FRAME_640.clone();
        deltaFrame[0] |= 0x01;
        assertEquals(Vp8KeyframeWidth.NONE, Vp8KeyframeWidth.of(bytes(new int[] {0x10}, deltaFrame), 0, 11));
        assertEquals(Vp8KeyframeWidth.NONE, Vp8KeyframeWidth.of(bytes(new int[] {0x00}, KEY_FRAME_640), 0, 11));
        assertEquals(Vp8KeyframeWidth.NONE, Vp8KeyframeWidth.of(bytes(new int[] {0x10}, KEY_FRAME_640), 0, 8));
        assertEquals(Vp8KeyframeWidth.NONE, Vp8KeyframeWidth.of(new byte[] {(byte) 0x90}, 0, 1));
    }

    private static byte[] bytes(int[] descriptor, int[] payload) {
        byte[] packet = new byte[descriptor.length + payload.length];
        for (int i = 0; i < descriptor.length; i++) {
            packet[i] = (byte) descriptor[i];
        }
        for (int i = 0; i < payload.length; i++) {
            packet[descriptor.length + i] = (byte) payload[i];
        }
        return packet;
    }
}
