package io.jrtc.spring.autoconfigure.whip;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaRelay;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.RTCRtpCodecParameters;
import io.jrtc.spring.autoconfigure.service.MediaRoutingException;
import io.jrtc.spring.autoconfigure.service.MediaRoutingException.Reason;
import io.jrtc.spring.autoconfigure.service.MediaStreams;

/**
 * The REST media API's streams over the WHIP stream registry: what REST publishes plays over WHEP, and a WHIP
 * publisher's stream can feed a REST-created connection. A connection publishing several tracks under one id
 * replaces its registration by one with every track (the relay stays, so viewers already playing keep playing).
 */
public final class RegistryMediaStreams implements MediaStreams {
    private final StreamRegistry registry;

    public RegistryMediaStreams(StreamRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public Subscription subscribe(String streamId, MediaKind kind) {
        PublishedStream stream = registry.find(streamId).orElseThrow(() -> new MediaRoutingException(
                Reason.UNKNOWN_STREAM, "nobody publishes stream '" + streamId + "'"));
        MediaStreamTrack track = stream.tracks(kind).stream().findFirst().orElseThrow(() -> new MediaRoutingException(
                Reason.WRONG_KIND, "stream '" + streamId + "' has no " + kind + " track"));
        return new Subscription(stream.relay().subscribe(track), kind == MediaKind.VIDEO ? stream.videoCodec() : null);
    }

    @Override
    public synchronized AutoCloseable publish(String streamId, String peerConnectionId, MediaStreamTrack track,
            RTCRtpCodecParameters codec) {
        PublishedStream current = registry.find(streamId).orElse(null);
        if (current != null && !current.sessionId().equals(peerConnectionId)) {
            throw new MediaRoutingException(Reason.STREAM_TAKEN, "stream '" + streamId + "' is published by "
                    + "another session");
        }
        List<MediaStreamTrack> tracks = new ArrayList<>(current == null ? List.of() : current.tracks());
        tracks.add(track);
        RTCRtpCodecParameters videoCodec = track.getKind() == MediaKind.VIDEO ? codec
                : current == null ? null : current.videoCodec();
        replace(current, current == null
                ? new PublishedStream(streamId, peerConnectionId, tracks, videoCodec, new MediaRelay())
                : new PublishedStream(streamId, peerConnectionId, tracks, videoCodec, current.relay(), current.since()));
        return () -> withdraw(streamId, peerConnectionId, track);
    }

    private synchronized void withdraw(String streamId, String peerConnectionId, MediaStreamTrack track) {
        PublishedStream current = registry.find(streamId).orElse(null);
        if (current == null || !current.sessionId().equals(peerConnectionId) || !current.tracks().contains(track)) {
            return;
        }
        List<MediaStreamTrack> rest = new ArrayList<>(current.tracks());
        rest.remove(track);
        RTCRtpCodecParameters videoCodec = rest.stream().anyMatch(t -> t.getKind() == MediaKind.VIDEO)
                ? current.videoCodec() : null;
        replace(current, rest.isEmpty() ? null
                : new PublishedStream(streamId, peerConnectionId, rest, videoCodec, current.relay(), current.since()));
    }

    private void replace(PublishedStream current, PublishedStream next) {
        if (current != null) {
            registry.unpublish(current);
        }
        if (next != null && !registry.publish(next)) {
            throw new MediaRoutingException(Reason.STREAM_TAKEN, "stream '" + next.streamId()
                    + "' was published by another session meanwhile");
        }
    }
}
