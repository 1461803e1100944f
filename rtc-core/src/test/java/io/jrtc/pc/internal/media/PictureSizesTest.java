package io.jrtc.pc.internal.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The picture size keyframes state in their own headers: VP8 (RFC 6386 §9.1) and VP9 (§6.2), no other. */
class PictureSizesTest {
    @Test
    void aVp8KeyframeStatesItsSizeAndADeltaFrameNone() {
        assertThat(PictureSizes.ofKeyframe("video/VP8", vp8Keyframe(1280, 720))).containsExactly(1280, 720);
        byte[] delta = vp8Keyframe(1280, 720);
        delta[0] |= 1;
        assertThat(PictureSizes.ofKeyframe("video/vp8", delta)).isNull();
    }

    @Test
    void aRealVp9KeyframeStatesItsSize() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/io/jrtc/codec/vp9-keyframe-320x240.bin")) {
            assertThat(PictureSizes.ofKeyframe("video/VP9", in.readAllBytes())).containsExactly(320, 240);
        }
    }

    @Test
    void h264AndAudioSayNothing() {
        assertThat(PictureSizes.ofKeyframe("video/H264", new byte[] {0, 0, 0, 1, 0x65})).isNull();
        assertThat(PictureSizes.ofKeyframe("audio/opus", new byte[] {1})).isNull();
    }

    /** A VP8 key frame header: the frame tag (key frame bit 0), the start code, 14-bit width and height. */
    static byte[] vp8Keyframe(int width, int height) {
        return new byte[] {0x10, 0x02, 0x00, (byte) 0x9d, 0x01, 0x2a, (byte) width, (byte) (width >> 8),
            (byte) height, (byte) (height >> 8)};
    }
}
