package io.jrtc.media.file;

import java.nio.charset.StandardCharsets;
import org.bytedeco.ffmpeg.global.avutil;

/** FFmpeg's negative return codes in words. */
final class FfmpegErrors {
    private FfmpegErrors() {
    }

    static String describe(int code) {
        byte[] text = new byte[128];
        if (avutil.av_strerror(code, text, text.length) < 0) {
            return "FFmpeg error " + code;
        }
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, StandardCharsets.UTF_8) + " (" + code + ")";
    }
}
