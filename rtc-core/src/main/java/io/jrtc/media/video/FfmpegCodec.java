package io.jrtc.media.video;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One video codec as JavaCPP's FFmpeg build carries it (libvpx, OpenH264, libaom; no x264 or dav1d): the FFmpeg
 * encoder and decoder names and the encoder options for real-time use (no lookahead, fastest presets that still
 * reach 30 dB at WebRTC bitrates).
 */
record FfmpegCodec(String mimeType, String encoder, String decoder, Map<String, String> encoderOptions) {
    static final List<FfmpegCodec> ALL = List.of(
            new FfmpegCodec("video/VP8", "libvpx", "vp8",
                    options("deadline", "realtime", "cpu-used", "8", "lag-in-frames", "0")),
            new FfmpegCodec("video/VP9", "libvpx-vp9", "vp9",
                    options("deadline", "realtime", "cpu-used", "8", "lag-in-frames", "0", "row-mt", "1")),
            // OpenH264 writes Annex B with SPS and PPS before every IDR, Constrained Baseline as offered (42e01f).
            new FfmpegCodec("video/H264", "libopenh264", "h264",
                    options("rc_mode", "bitrate", "allow_skip_frames", "0")),
            // FFmpeg's own AV1 decoder needs hardware and this build has no dav1d, so libaom decodes too. Its
            // "usage=realtime" corrupts the heap in this build (libaom 3.9.1): good-quality mode at its fastest.
            new FfmpegCodec("video/AV1", "libaom-av1", "libaom-av1",
                    options("cpu-used", "8", "lag-in-frames", "0", "row-mt", "1")));

    /** The codec of a MIME type (case-insensitive), or null. */
    static FfmpegCodec of(String mimeType) {
        String wanted = mimeType.toLowerCase(Locale.ROOT);
        for (FfmpegCodec codec : ALL) {
            if (codec.mimeType.toLowerCase(Locale.ROOT).equals(wanted)) {
                return codec;
            }
        }
        return null;
    }

    private static Map<String, String> options(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Map.copyOf(map);
    }
}
