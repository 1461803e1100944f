package io.jrtc.spring.autoconfigure.service;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a transceiver's sender sends (the track behind {@code replaceTrack}). One shape for every kind of source,
 * with the fields of its {@code type}, so clients in any language read and write it without polymorphic JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TransceiverSource", description = "What a transceiver's sender sends")
public record TransceiverSource(
        @Schema(description = "stream: a published stream's track of the transceiver's kind; file: a media file "
                + "from rtc.media.directory; tone: a sine tone (audio); forward: what another connection's "
                + "transceiver receives (set by that transceiver's forward route, read-only here); test-pattern: a "
                + "moving colour test pattern (video), encoded with the negotiated codec (needs FFmpeg)",
                allowableValues = { "stream", "file", "tone", "test-pattern", "forward" },
                requiredMode = Schema.RequiredMode.REQUIRED) String type,
        @Schema(description = "stream: the stream id") String stream,
        @Schema(description = "file: the path, relative to rtc.media.directory") String path,
        @Schema(description = "file: start again at the end (default false)") Boolean loop,
        @Schema(description = "tone: the frequency in Hz, 20 to 20000 (default 440)") Double frequency,
        @Schema(description = "forward: the connection whose transceiver is forwarded") String peerConnectionId,
        @Schema(description = "forward: that connection's transceiver") String transceiverId,
        @Schema(description = "test-pattern: width in pixels, even, 16 to 1920 (default 640)") Integer width,
        @Schema(description = "test-pattern: height in pixels, even, 16 to 1080 (default 480)") Integer height) {

    static final String STREAM = "stream";
    static final String FILE = "file";
    static final String TONE = "tone";
    static final String FORWARD = "forward";
    static final String TEST_PATTERN = "test-pattern";

    static TransceiverSource stream(String stream) {
        return new TransceiverSource(STREAM, stream, null, null, null, null, null, null, null);
    }

    static TransceiverSource file(String path, boolean loop) {
        return new TransceiverSource(FILE, null, path, loop, null, null, null, null, null);
    }

    static TransceiverSource tone(double frequency) {
        return new TransceiverSource(TONE, null, null, null, frequency, null, null, null, null);
    }

    static TransceiverSource testPattern(int width, int height) {
        return new TransceiverSource(TEST_PATTERN, null, null, null, null, null, null, width, height);
    }

    static TransceiverSource forward(String peerConnectionId, String transceiverId) {
        return new TransceiverSource(FORWARD, null, null, null, null, peerConnectionId, transceiverId, null, null);
    }
}
