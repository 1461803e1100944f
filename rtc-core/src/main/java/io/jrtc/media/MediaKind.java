package io.jrtc.media;

import java.util.Locale;

/** The kind of a track, as the W3C {@code MediaStreamTrack.kind} and the SDP media type (RFC 8866 §5.14) spell it. */
public enum MediaKind {
    AUDIO, VIDEO;

    /** Parses "audio" or "video", ignoring case. */
    public static MediaKind of(String kind) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "audio" -> AUDIO;
            case "video" -> VIDEO;
            default -> throw new IllegalArgumentException("not a media kind: " + kind);
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
