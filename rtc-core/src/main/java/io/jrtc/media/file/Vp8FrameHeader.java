package io.jrtc.media.file;

/**
 * What a VP8 frame says of itself (RFC 6386 §9.1): the frame tag's key-frame bit and, in a key frame, the start
 * code 9d 01 2a followed by the 14-bit width and height.
 */
public final class Vp8FrameHeader {
    private Vp8FrameHeader() {
    }

    /** Width and height of a VP8 key frame, or null when the frame is not a key frame or too short to say. */
    public static int[] dimensions(byte[] frame) {
        if (frame.length < 10 || (frame[0] & 0x01) != 0 || (frame[3] & 0xFF) != 0x9d || (frame[4] & 0xFF) != 0x01
                || (frame[5] & 0xFF) != 0x2a) {
            return null;
        }
        int width = ((frame[6] & 0xFF) | (frame[7] & 0xFF) << 8) & 0x3FFF;
        int height = ((frame[8] & 0xFF) | (frame[9] & 0xFF) << 8) & 0x3FFF;
        return new int[] {width, height};
    }
}
