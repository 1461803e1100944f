package io.jrtc.pc.internal.media;

/**
 * The picture width a VP8 RTP packet announces when it starts a key frame: the payload descriptor (RFC 7741 §4.2)
 * is skipped, then the frame tag's key-frame bit, the start code 9d 01 2a and the 14-bit width (RFC 6386 §9.1).
 * Simulcast layers are ranked by it: unlike their bitrates, their sizes do not cross while the encoder ramps up.
 */
final class Vp8KeyframeWidth {
    /** The answer for a packet that starts no key frame, or is too short to say. */
    static final int NONE = -1;

    private Vp8KeyframeWidth() {
    }

    static int of(byte[] buffer, int offset, int length) {
        int end = offset + length;
        if (length < 1 || (buffer[offset] & 0x10) == 0 || (buffer[offset] & 0x07) != 0) {
            return NONE;  // not the start of partition 0
        }
        int at = offset + 1;
        if ((buffer[offset] & 0x80) != 0) {
            if (at >= end) {
                return NONE;
            }
            int extension = buffer[at++] & 0xFF;
            if ((extension & 0x80) != 0) {  // I: a 7- or 15-bit picture id
                if (at >= end) {
                    return NONE;
                }
                at += (buffer[at] & 0x80) != 0 ? 2 : 1;
            }
            at += (extension & 0x40) != 0 ? 1 : 0;  // L: TL0PICIDX
            at += (extension & 0x30) != 0 ? 1 : 0;  // T or K: TID/Y/KEYIDX
        }
        if (end - at < 8 || (buffer[at] & 0x01) != 0 || (buffer[at + 3] & 0xFF) != 0x9d
                || (buffer[at + 4] & 0xFF) != 0x01 || (buffer[at + 5] & 0xFF) != 0x2a) {
            return NONE;
        }
        return ((buffer[at + 6] & 0xFF) | (buffer[at + 7] & 0xFF) << 8) & 0x3FFF;
    }
}
