package io.jrtc.pc.internal.media;

import io.jrtc.codec.Vp9Frames;
import io.jrtc.codec.Vp9PayloadDescriptor;
import io.jrtc.media.file.Vp8FrameHeader;
import java.util.Locale;

/**
 * The picture size a coded keyframe states in its own header, for stats: VP8 (RFC 6386 §9.1) and VP9 (VP9 bitstream
 * §6.2). H.264, H.265 and AV1 keep it in parameter sets this stack does not parse, so their size stays unknown.
 */
final class PictureSizes {
    private PictureSizes() {
    }

    /** {width, height}, or null when the codec's header does not say or the frame is no keyframe. */
    static int[] ofKeyframe(String mimeType, byte[] frame) {
        return switch (mimeType.toLowerCase(Locale.ROOT)) {
            case "video/vp8" -> Vp8FrameHeader.dimensions(frame);
            case "video/vp9" -> {
                Vp9PayloadDescriptor.Resolution size = Vp9Frames.keyframeSize(frame);
                yield size == null ? null : new int[] {size.width(), size.height()};
            }
            default -> null;
        };
    }
}
