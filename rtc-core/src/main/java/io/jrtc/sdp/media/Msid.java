package io.jrtc.sdp.media;

import io.jrtc.sdp.SdpParseException;

/**
 * {@code a=msid:<stream id> [<track id>]} (RFC 8830 §2): the media stream a track belongs to. Chrome writes "-" as
 * the stream id of a track without a stream. {@code trackId} may be null. RFC 8830 asks for 1 to 64 token
 * characters; we accept any 1 to 64 visible characters, since GStreamer's webrtcbin writes {@code '@'} in its
 * per-SSRC msid ({@code msid:user1306870984@host-ff250514 webrtctransceiver0}) and browsers take it.
 */
public record Msid(String streamId, String trackId) {
    public static final String NAME = "msid";
    private static final int MAX_ID_LENGTH = 64;

    public Msid {
        checkId(streamId, "msid stream id");
        if (trackId != null) {
            checkId(trackId, "msid track id");
        }
    }

    private static void checkId(String id, String what) {
        if (!validId(id)) {
            throw new IllegalArgumentException(what + " must be 1 to 64 visible characters: '" + id + "'");
        }
    }

    private static boolean validId(String id) {
        return AttributeText.isNonWhitespace(id) && id.length() <= MAX_ID_LENGTH;
    }

    public static Msid parse(String value) throws SdpParseException {
        String[] f = AttributeText.fields(NAME, value);
        if (f.length > 2 || !validId(f[0]) || (f.length == 2 && !validId(f[1]))) {
            throw AttributeText.error(NAME, value, "needs <stream id> [<track id>], each 1-64 visible characters");
        }
        return new Msid(f[0], f.length == 2 ? f[1] : null);
    }

    public String toValue() {
        return trackId == null ? streamId : streamId + " " + trackId;
    }
}
