package io.jrtc.spring.autoconfigure.whip;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaRelay;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.RTCRtpCodecParameters;

/**
 * A stream a WHIP publisher sends (RFC 9725): the tracks its session receives, the video codec it negotiated (a
 * viewer negotiates the same one, since coded video is forwarded as it is, or gets a transcode), and the relay that
 * gives each viewer its own proxy of each track.
 *
 * @param streamId   the id in the WHIP and WHEP endpoint URLs
 * @param sessionId  the WHIP session (and peer connection) that publishes it
 * @param tracks     the received tracks, audio and/or video, in m-line order
 * @param videoCodec the negotiated video codec, or null when the publisher sends no video
 * @param relay      fans the tracks out to viewers
 * @param since      when it was first published
 */
public record PublishedStream(String streamId, String sessionId, List<MediaStreamTrack> tracks,
        RTCRtpCodecParameters videoCodec, MediaRelay relay, Instant since) {

    /** A stream published now. */
    public PublishedStream(String streamId, String sessionId, List<MediaStreamTrack> tracks,
            RTCRtpCodecParameters videoCodec, MediaRelay relay) {
        this(streamId, sessionId, tracks, videoCodec, relay, Instant.now());
    }

    public PublishedStream {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(sessionId, "sessionId");
        tracks = List.copyOf(tracks);
        Objects.requireNonNull(relay, "relay");
        Objects.requireNonNull(since, "since");
    }

    /** Consumers of the stream (WHEP viewers, REST subscribers): the most of any of its tracks. */
    public int viewers() {
        return tracks.stream().mapToInt(relay::subscriberCount).max().orElse(0);
    }

    /** The publisher's tracks of one kind. */
    public List<MediaStreamTrack> tracks(MediaKind kind) {
        return tracks.stream().filter(track -> track.getKind() == kind).toList();
    }
}
