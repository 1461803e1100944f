package io.jrtc.spring.autoconfigure.recording;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Recording of WHIP streams to files ({@code rtc.recording.*}): turned on and off per stream through the REST API
 * ({@code POST} and {@code DELETE {rtc.rest.base-path}/streams/{streamId}/recording}). Needs FFmpeg
 * ({@code org.bytedeco:ffmpeg}, which the starter brings).
 */
@ConfigurationProperties("rtc.recording")
public class RecordingProperties {

    /** The containers a stream is recorded into. */
    public enum Format {
        /** MP4: H.264, VP9 or AV1 video with Opus audio. */
        MP4("mp4"),
        /** WebM: VP8, VP9 or AV1 video with Opus audio. */
        WEBM("webm");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    /**
     * Whether WHIP streams can be recorded (the REST endpoints are served).
     */
    private boolean enabled = false;

    /**
     * Directory the recordings are written to, created when missing; each file is named after its stream and the
     * time recording started.
     */
    private Path directory = Path.of("recordings");

    /**
     * Container of the recordings.
     */
    private Format format = Format.MP4;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Path getDirectory() {
        return directory;
    }

    public void setDirectory(Path directory) {
        this.directory = directory;
    }

    public Format getFormat() {
        return format;
    }

    public void setFormat(Format format) {
        this.format = format;
    }
}
