package io.jrtc.media.file;

import java.io.IOException;

/**
 * A container that needs FFmpeg (MP4, WebM/Matroska) was asked for, but FFmpeg's libraries are not on the class
 * path or cannot load for this platform. The message names the dependency to add.
 */
public final class FfmpegUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    FfmpegUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
