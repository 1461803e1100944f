package io.jrtc.media.video;

import io.jrtc.media.VideoFrame;
import java.util.List;

/**
 * The video codecs by MIME type: VP8, VP9, H.264 and AV1 on FFmpeg (JavaCPP's {@code org.bytedeco:ffmpeg}, an
 * optional dependency of rtc-core). Without it on the class path, or without its natives for this platform, every
 * factory method throws a {@link VideoCodecUnavailableException} naming the dependency, and {@link #available()}
 * is false; nothing else in jrtc needs it.
 */
public final class VideoCodecs {
    /** The dependency to add, as its coordinates: the Java classes and the natives of this platform. */
    public static final String DEPENDENCY = "org.bytedeco:ffmpeg:7.1.1-1.5.12 (and its linux-x86_64 classifier)";
    /** The lowest target bitrate encoders take, in bits per second. */
    public static final int MIN_BITRATE = 10_000;
    /** What encoders aim for until told otherwise: enough for 640x480 at 30 fps. */
    public static final int DEFAULT_BITRATE = 1_500_000;

    private static volatile Throwable unavailable;
    private static volatile boolean checked;

    private VideoCodecs() {
    }

    /** The MIME types there are codecs for, in jrtc's order of preference. */
    public static List<String> mimeTypes() {
        return List.of("video/VP8", "video/VP9", "video/H264", "video/AV1");
    }

    /** Whether {@code mimeType} is one of {@link #mimeTypes()} (case-insensitive). */
    public static boolean supports(String mimeType) {
        return mimeTypes().stream().anyMatch(mimeType::equalsIgnoreCase);
    }

    /** Whether the native library is there and loads. */
    public static boolean available() {
        try {
            ensureLoaded();
            return true;
        } catch (VideoCodecUnavailableException e) {
            return false;
        }
    }

    /** A single-threaded encoder at {@link #DEFAULT_BITRATE}. */
    public static VideoEncoder encoder(String mimeType) {
        return encoder(mimeType, DEFAULT_BITRATE, 1);
    }

    /**
     * An encoder for {@code mimeType}.
     *
     * @param bitrate target bits per second, at least {@link #MIN_BITRATE}
     * @param threads codec threads, at least 1
     * @throws IllegalArgumentException for a MIME type not in {@link #mimeTypes()}
     * @throws VideoCodecUnavailableException without the native library
     */
    public static VideoEncoder encoder(String mimeType, int bitrate, int threads) {
        FfmpegCodec codec = codec(mimeType);
        checkThreads(threads);
        ensureLoaded();
        return new FfmpegVideoEncoder(codec, bitrate, threads);
    }

    /** A single-threaded decoder. */
    public static VideoDecoder decoder(String mimeType) {
        return decoder(mimeType, 1);
    }

    /**
     * A decoder for {@code mimeType}.
     *
     * @throws IllegalArgumentException for a MIME type not in {@link #mimeTypes()}
     * @throws VideoCodecUnavailableException without the native library
     */
    public static VideoDecoder decoder(String mimeType, int threads) {
        FfmpegCodec codec = codec(mimeType);
        checkThreads(threads);
        ensureLoaded();
        return new FfmpegVideoDecoder(codec, threads);
    }

    /** A picture's pts on the 90 kHz RTP video clock. */
    static long toRtpTime(VideoFrame frame) {
        return frame.clockRate() == VideoFrame.CLOCK_RATE ? frame.pts()
                : Math.multiplyExact(frame.pts(), (long) VideoFrame.CLOCK_RATE) / frame.clockRate();
    }

    private static FfmpegCodec codec(String mimeType) {
        FfmpegCodec codec = FfmpegCodec.of(mimeType);
        if (codec == null) {
            throw new IllegalArgumentException("no video codec for " + mimeType + "; there are " + mimeTypes());
        }
        return codec;
    }

    private static void checkThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("codec threads must be at least 1: " + threads);
        }
    }

    private static void ensureLoaded() {
        if (!checked) {
            synchronized (VideoCodecs.class) {
                if (!checked) {
                    try {
                        FfmpegLibrary.load();
                    } catch (LinkageError | RuntimeException missing) {
                        unavailable = missing;
                    }
                    checked = true;
                }
            }
        }
        Throwable cause = unavailable;
        if (cause != null) {
            throw new VideoCodecUnavailableException("video encoding and decoding need " + DEPENDENCY
                    + " on the class path, with natives that load on this platform: " + cause, cause);
        }
    }
}
