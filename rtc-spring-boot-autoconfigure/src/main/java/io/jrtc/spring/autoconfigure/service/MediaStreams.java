package io.jrtc.spring.autoconfigure.service;

import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.RTCRtpCodecParameters;

/**
 * Published streams as the REST media API uses them: the same streams WHIP publishes and WHEP plays, so a stream
 * published by REST plays over WHEP and a WHIP stream can be sent on a REST-created connection. The WHIP
 * configuration implements it over its stream registry; without WHIP there is none.
 */
public interface MediaStreams {

    /**
     * A new track fed by the stream's track of this kind, with the codec its coded frames are in (null for audio,
     * which is decoded and re-encoded as needed).
     *
     * @throws MediaRoutingException UNKNOWN_STREAM when nobody publishes it, WRONG_KIND when it has no such track
     */
    Subscription subscribe(String streamId, MediaKind kind);

    /**
     * Publishes a connection's received track as (part of) a stream: a connection may publish several tracks under
     * one id, one call each. Closing the result removes the track (and the stream with its last track).
     *
     * @param codec the track's negotiated codec (for video: viewers must take the same one)
     * @throws MediaRoutingException STREAM_TAKEN when another connection publishes the id
     */
    AutoCloseable publish(String streamId, String peerConnectionId, MediaStreamTrack track,
            RTCRtpCodecParameters codec);

    /** A stream's track for one consumer and the codec of its frames; closing it stops the track. */
    record Subscription(MediaStreamTrack track, RTCRtpCodecParameters codec) implements AutoCloseable {
        @Override
        public void close() {
            track.stop();
        }
    }
}
