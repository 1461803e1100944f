package io.jrtc.bench;

import io.jrtc.media.EncodedFrame;
import io.jrtc.media.TestPattern;
import io.jrtc.media.VideoFrame;
import io.jrtc.media.video.Psnr;
import io.jrtc.media.video.VideoCodecs;
import io.jrtc.media.video.VideoDecoder;
import io.jrtc.media.video.VideoEncoder;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Encode and decode speed of each video codec ({@link VideoCodecs}, FFmpeg through JavaCPP, one codec thread) at
 * 640x480 and 1280x720: frames per second of process CPU time (frames per second per core), on the moving test
 * pattern with a moving texture over its luma (the same pictures as {@code bench/pyav-video/video_codec_bench.py}
 * draws); decoding is timed over repeated passes of at least a second. Prints one JSON line. Run by
 * {@code scripts/video-codec-bench.sh}.
 *
 * <p>Usage: {@code VideoCodecBench [frames=90]}
 */
public final class VideoCodecBench {
    private static final int WARM_UP = 10;
    private static final double MIN_DECODE_CPU_SECONDS = 1.0;
    private static final int[][] SIZES = {{640, 480, 1_500_000}, {1280, 720, 2_500_000}};

    private VideoCodecBench() {
    }

    public static void main(String[] args) {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 90;
        List<String> results = new ArrayList<>();
        for (String mimeType : VideoCodecs.mimeTypes()) {
            for (int[] size : SIZES) {
                results.add(run(mimeType, size[0], size[1], size[2], frames));
            }
        }
        System.out.println("{\"stack\":\"jrtc\",\"library\":\"org.bytedeco:ffmpeg 7.1.1-1.5.12\",\"frames\":" + frames
                + ",\"results\":[" + String.join(",", results) + "]}");
    }

    private static String run(String mimeType, int width, int height, int bitrate, int frames) {
        List<VideoFrame> pictures = pictures(width, height, WARM_UP + frames);
        List<EncodedFrame> coded = new ArrayList<>();
        double encodeSeconds;
        try (VideoEncoder encoder = VideoCodecs.encoder(mimeType, bitrate, 1)) {
            for (int i = 0; i < WARM_UP; i++) {
                coded.add(encoder.encode(pictures.get(i)));
            }
            double start = cpuSeconds();
            for (int i = WARM_UP; i < pictures.size(); i++) {
                coded.add(encoder.encode(pictures.get(i)));
            }
            encodeSeconds = cpuSeconds() - start;
        }
        long bytes = coded.stream().skip(WARM_UP).mapToLong(c -> c == null ? 0 : c.data().length).sum();
        // Decoding is fast: whole passes over the sequence (from its keyframe) until a second of CPU went by, so
        // that the process clock's coarse ticks do not matter.
        int decodedFrames = 0;
        double start = cpuSeconds();
        while (cpuSeconds() - start < MIN_DECODE_CPU_SECONDS) {
            try (VideoDecoder decoder = VideoCodecs.decoder(mimeType)) {
                for (EncodedFrame frame : coded) {
                    if (frame != null) {
                        decoder.decode(frame);
                        decodedFrames++;
                    }
                }
            }
        }
        double decodeSeconds = cpuSeconds() - start;
        double psnr = 0;
        long decodedCount = 0;
        try (VideoDecoder decoder = VideoCodecs.decoder(mimeType)) {
            for (int i = 0; i < coded.size(); i++) {
                VideoFrame decoded = coded.get(i) == null ? null : decoder.decode(coded.get(i));
                if (decoded != null && i >= WARM_UP) {
                    decodedCount++;
                    psnr += Psnr.all(pictures.get(i), decoded);
                }
            }
        }
        return String.format(Locale.ROOT, "{\"codec\":\"%s\",\"width\":%d,\"height\":%d,\"bitrate\":%d,"
                + "\"encode_fps_per_core\":%.1f,\"decode_fps_per_core\":%.1f,\"kbit_per_s_at_30fps\":%.0f,"
                + "\"frames_decoded\":%d,\"psnr_db\":%.2f}", mimeType, width, height, bitrate, frames / encodeSeconds,
                decodedFrames / decodeSeconds, bytes * 8.0 * 30 / frames / 1000, decodedCount,
                decodedCount == 0 ? 0 : psnr / decodedCount);
    }

    /** The test pattern, its luma overlaid with a texture that moves a pixel a frame: work for motion search. */
    static List<VideoFrame> pictures(int width, int height, int count) {
        TestPattern pattern = new TestPattern(width, height);
        List<VideoFrame> pictures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] picture = pattern.picture(i);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int texture = ((x + i) * 7 + y * 13) % 16 - 8;
                    int p = y * width + x;
                    picture[p] = (byte) Math.max(16, Math.min(235, (picture[p] & 0xFF) + texture));
                }
            }
            pictures.add(new VideoFrame(width, height, picture, i * 3000L));
        }
        return pictures;
    }

    private static double cpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            return hotspot.getProcessCpuTime() / 1e9;
        }
        throw new IllegalStateException("no process CPU time on this JVM");
    }
}
