package io.jrtc.media.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacpp.Loader;

/**
 * Loads JavaCPP's FFmpeg natives once. Only this package's FFmpeg classes touch {@code org.bytedeco}; the rest of
 * jrtc reaches them through {@link VideoCodecs}, which turns a missing library into a
 * {@link VideoCodecUnavailableException}.
 */
final class FfmpegLibrary {
    /** {@code AVERROR(EAGAIN)} on Linux: the codec wants more input, or has output waiting first. */
    static final int AVERROR_EAGAIN = -11;

    private static volatile boolean loaded;

    private FfmpegLibrary() {
    }

    /** Loads the natives (the first call extracts them to JavaCPP's cache); quiet FFmpeg's own log. */
    static synchronized void load() {
        if (!loaded) {
            Loader.load(avcodec.class);
            // Errors come back as exceptions; FFmpeg's log would print every concealed loss to stderr.
            av_log_set_level(AV_LOG_FATAL);
            loaded = true;
        }
    }

    /** FFmpeg's words for an error code. */
    static String describe(int error) {
        byte[] text = new byte[128];
        if (av_strerror(error, text, text.length) < 0) {
            return "error " + error;
        }
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, java.nio.charset.StandardCharsets.UTF_8) + " (" + error + ")";
    }
}
