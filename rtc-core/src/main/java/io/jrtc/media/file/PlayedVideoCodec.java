package io.jrtc.media.file;

import io.jrtc.media.video.VideoCodecUnavailableException;
import io.jrtc.media.video.VideoCodecs;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Which codec a played file's video goes out in: its own when the sender negotiated it (passed through coded),
 * else the first negotiated codec there is an encoder for (decoded and re-encoded, as aiortc's player does), which
 * needs the optional codec library.
 */
final class PlayedVideoCodec {
    private PlayedVideoCodec() {
    }

    /**
     * The MIME type to send: {@code fileMimeType} itself means pass through.
     *
     * @param negotiated        the sender's codecs in preference order; empty: nothing negotiated, pass through
     * @param codecsAvailable   whether the codec library loads; asked only when re-encoding is needed
     * @throws VideoCodecUnavailableException when re-encoding is needed and the library is missing
     * @throws IllegalArgumentException when re-encoding is needed and no negotiated codec has an encoder
     */
    static String sendAs(String fileMimeType, List<String> negotiated, BooleanSupplier codecsAvailable) {
        if (negotiated.isEmpty() || negotiated.stream().anyMatch(fileMimeType::equalsIgnoreCase)) {
            return fileMimeType;
        }
        String target = negotiated.stream().filter(VideoCodecs::supports).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the file's " + fileMimeType + " video cannot go "
                        + "to a peer that negotiated " + negotiated + ": there is no encoder for any of them"));
        if (!codecsAvailable.getAsBoolean()) {
            throw new VideoCodecUnavailableException("the file's " + fileMimeType + " video needs re-encoding to "
                    + target + " for a peer that negotiated " + negotiated + ", which needs "
                    + VideoCodecs.DEPENDENCY + " on the class path", null);
        }
        return canonical(target);
    }

    private static String canonical(String mimeType) {
        return VideoCodecs.mimeTypes().stream().filter(mimeType::equalsIgnoreCase).findFirst().orElse(mimeType);
    }
}
