package io.jrtc.media.file;

import org.bytedeco.ffmpeg.global.avutil;

/** FFmpeg logs to stderr by default; a malformed file is our exception to report, not its console noise. */
final class FfmpegLogging {
    private FfmpegLogging() {
    }

    static void quiet() {
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
    }
}
