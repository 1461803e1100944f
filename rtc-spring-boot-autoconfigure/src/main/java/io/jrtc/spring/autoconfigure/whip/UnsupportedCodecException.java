package io.jrtc.spring.autoconfigure.whip;

/**
 * An offer whose media jrtc cannot take (422): a WHIP publisher sending only codecs jrtc does not receive, or a
 * WHEP viewer that cannot receive the codec the stream is published in (coded video is forwarded, not
 * transcoded). The message names what was offered and what would do.
 */
public class UnsupportedCodecException extends WhipException {
    public UnsupportedCodecException(String message) {
        super(422, "unsupported-codec", "No codec in common", message);
    }
}
