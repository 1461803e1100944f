package io.jrtc.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Real encoder output kept under the test resources: one keyframe each from GStreamer 1.22's vp9enc (libvpx,
 * 320x240), x265enc (320x240, Annex B: VPS, SPS, PPS, SEI, IDR_N_LP) and av1enc (libaom, 64x48, a low-overhead
 * temporal unit: temporal delimiter, sequence header, frame).
 */
final class CodecSamples {
    static final String VP9_KEYFRAME = "vp9-keyframe-320x240.bin";
    static final String H265_KEYFRAME = "h265-keyframe-320x240.h265";
    static final String AV1_KEYFRAME = "av1-keyframe-64x48.obu";

    private CodecSamples() {
    }

    static byte[] load(String name) {
        try (InputStream in = CodecSamples.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
