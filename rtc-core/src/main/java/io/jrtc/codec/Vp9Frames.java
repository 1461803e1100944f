package io.jrtc.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * VP9 bitstream helpers (VP9 Bitstream Specification v0.6): a superframe (Annex B) joins the frames of one
 * picture, here its spatial layers, with an index at its end; the uncompressed header (§6.2) tells a keyframe
 * and its size.
 */
public final class Vp9Frames {
    private static final int SUPERFRAME_MARKER_MASK = 0xE0;
    private static final int SUPERFRAME_MARKER = 0xC0;
    private static final int MAX_FRAMES = 8;
    private static final int SYNC_CODE = 0x498342;
    private static final int CS_RGB = 7;

    private Vp9Frames() {
    }

    /**
     * The frames of a superframe, or the data itself as one frame when it ends in no valid superframe index
     * (§B.3: marker byte at both ends of the index, sizes adding up).
     */
    public static List<byte[]> splitSuperframe(byte[] data) {
        int n = data.length;
        if (n > 0) {
            int marker = data[n - 1] & 0xFF;
            if ((marker & SUPERFRAME_MARKER_MASK) == SUPERFRAME_MARKER) {
                int frames = (marker & 0x07) + 1;
                int bytesPerSize = ((marker >>> 3) & 0x03) + 1;
                int indexLength = 2 + bytesPerSize * frames;
                if (n >= indexLength && (data[n - indexLength] & 0xFF) == marker) {
                    List<byte[]> split = framesOf(data, n - indexLength, frames, bytesPerSize);
                    if (split != null) {
                        return split;
                    }
                }
            }
        }
        return List.of(data);
    }

    private static List<byte[]> framesOf(byte[] data, int indexAt, int frames, int bytesPerSize) {
        List<byte[]> out = new ArrayList<>(frames);
        int at = 0;
        for (int i = 0; i < frames; i++) {
            int size = 0;
            for (int b = 0; b < bytesPerSize; b++) {
                size |= (data[indexAt + 1 + i * bytesPerSize + b] & 0xFF) << (8 * b);
            }
            if (size <= 0 || size > indexAt - at) {
                return null;
            }
            byte[] frame = new byte[size];
            System.arraycopy(data, at, frame, 0, size);
            out.add(frame);
            at += size;
        }
        return at == indexAt ? out : null;
    }

    /** Joins frames into a superframe with four-byte sizes; one frame stays as it is. */
    public static byte[] joinSuperframe(List<byte[]> frames) {
        if (frames.isEmpty() || frames.size() > MAX_FRAMES) {
            throw new IllegalArgumentException("a superframe holds 1 to 8 frames: " + frames.size());
        }
        if (frames.size() == 1) {
            return frames.get(0);
        }
        int total = 0;
        for (byte[] frame : frames) {
            total += frame.length;
        }
        int marker = SUPERFRAME_MARKER | 3 << 3 | frames.size() - 1;
        int indexLength = 2 + 4 * frames.size();
        byte[] out = new byte[total + indexLength];
        int at = 0;
        for (byte[] frame : frames) {
            System.arraycopy(frame, 0, out, at, frame.length);
            at += frame.length;
        }
        out[at++] = (byte) marker;
        for (byte[] frame : frames) {
            for (int b = 0; b < 4; b++) {
                out[at++] = (byte) (frame.length >>> (8 * b));
            }
        }
        out[at] = (byte) marker;
        return out;
    }

    /** Whether a frame's uncompressed header says KEY_FRAME (§6.2: frame_type 0, not show_existing_frame). */
    public static boolean isKeyframe(byte[] frame) {
        BitReader in = new BitReader(frame);
        try {
            return readToFrameType(in) == 0;
        } catch (IndexOutOfBoundsException truncated) {
            return false;
        }
    }

    /** frame_marker, profile and show_existing_frame, then frame_type; -1 for a shown existing frame. */
    private static int readToFrameType(BitReader in) {
        return readProfile(in) < 0 || in.bits(1) == 1 ? -1 : in.bits(1);
    }

    /** frame_marker (2) and the profile bits, low first; -1 when the marker is wrong. */
    private static int readProfile(BitReader in) {
        if (in.bits(2) != 2) {
            return -1;
        }
        int profile = in.bits(1) | in.bits(1) << 1;
        if (profile == 3) {
            in.bits(1); // reserved_zero
        }
        return profile;
    }

    /** The size of a keyframe from its frame_size() (§6.2), or null for another frame or a malformed header. */
    public static Vp9PayloadDescriptor.Resolution keyframeSize(byte[] frame) {
        BitReader in = new BitReader(frame);
        try {
            int profile = readProfile(in);
            if (profile < 0 || in.bits(1) == 1 || in.bits(1) != 0) {
                return null;
            }
            in.bits(2); // show_frame, error_resilient_mode
            if (in.bits(24) != SYNC_CODE) {
                return null;
            }
            if (profile >= 2) {
                in.bits(1); // ten_or_twelve_bit
            }
            int colorSpace = in.bits(3);
            if (colorSpace != CS_RGB) {
                in.bits(1); // color_range
                if (profile == 1 || profile == 3) {
                    in.bits(3); // subsampling_x, subsampling_y, reserved_zero
                }
            } else if (profile == 1 || profile == 3) {
                in.bits(1); // reserved_zero
            }
            int width = in.bits(16) + 1;
            int height = in.bits(16) + 1;
            return width > 0xFFFF || height > 0xFFFF ? null : new Vp9PayloadDescriptor.Resolution(width, height);
        } catch (IndexOutOfBoundsException truncated) {
            return null;
        }
    }

    /** Reads bits most significant first; past the end throws IndexOutOfBoundsException. */
    private static final class BitReader {
        private final byte[] bytes;
        private int bit;

        BitReader(byte[] bytes) {
            this.bytes = bytes;
        }

        int bits(int count) {
            int value = 0;
            for (int i = 0; i < count; i++) {
                int b = bytes[bit >>> 3] & 0xFF;
                value = value << 1 | (b >>> (7 - (bit & 7))) & 1;
                bit++;
            }
            return value;
        }
    }
}
