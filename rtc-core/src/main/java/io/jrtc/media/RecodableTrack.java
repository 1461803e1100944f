package io.jrtc.media;

import java.util.List;

/**
 * A track of coded video that a sender may ask for in the codec it negotiated (a played file's video): a sender
 * whose negotiated codecs do not include the track's own sends what {@link #sentAs} gives instead of the track.
 */
public interface RecodableTrack {
    /**
     * The track a sender of these negotiated codecs reads: this one when its codec is among them (frames pass
     * through as they are), else one that re-codes it to the first of them that can be encoded.
     *
     * @param negotiatedMimeTypes the sender's codecs, such as "video/VP8", in the negotiation's preference order
     * @throws io.jrtc.media.video.VideoCodecUnavailableException when re-coding is needed and the optional codec
     *         library is missing
     * @throws IllegalArgumentException when re-coding is needed and none of the codecs can be encoded
     */
    MediaStreamTrack sentAs(List<String> negotiatedMimeTypes);
}
