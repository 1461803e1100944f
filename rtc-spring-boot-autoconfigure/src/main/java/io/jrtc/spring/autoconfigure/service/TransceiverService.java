package io.jrtc.spring.autoconfigure.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.jrtc.media.MediaClock;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.ToneAudioTrack;
import io.jrtc.media.VideoStreamTrack;
import io.jrtc.media.file.MediaPlayer;
import io.jrtc.media.file.MediaRecorder;
import io.jrtc.media.video.VideoCodecs;
import io.jrtc.pc.RTCRtpCodecCapability;
import io.jrtc.pc.RTCRtpCodecParameters;
import io.jrtc.pc.RTCRtpReceiver;
import io.jrtc.pc.RTCRtpSender;
import io.jrtc.pc.RTCRtpTransceiver;
import io.jrtc.pc.RTCRtpTransceiverDirection;
import io.jrtc.spring.autoconfigure.service.MediaRoutingException.Reason;

/**
 * Tracks and transceivers of managed connections, in the reference's vocabulary: add a transceiver, attach a
 * source to its sender ({@code replaceTrack}), route what its receiver gets, change its direction, stop it. Every
 * change that needs a new offer/answer raises the connection's {@code negotiation-needed}; the client acts on it
 * with {@code create-offer} or by sending an offer.
 *
 * <p>Video is forwarded as coded frames, never transcoded: a stream or forwarded receiver can feed a sender only
 * when both negotiated the same codec. A sender that has not negotiated yet is given that codec as its preference.
 */
public class TransceiverService {
    /** Amplitude of tone sources: a quarter of full scale, loud enough to hear and far from clipping. */
    static final int TONE_AMPLITUDE = 8192;
    private static final double DEFAULT_TONE_HZ = 440;

    private final PeerConnectionService connections;
    private final MediaFiles files;
    private final MediaStreams streams;

    /** @param streams the published streams, or null when WHIP/WHEP is off */
    public TransceiverService(PeerConnectionService connections, MediaFiles files, MediaStreams streams) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.files = Objects.requireNonNull(files, "files");
        this.streams = streams;
    }

    /**
     * Adds a transceiver (W3C addTransceiver with a kind) with, when given, its codec preferences by MIME type in
     * decreasing preference (retransmission and redundancy formats of the kind are kept after them).
     */
    public ManagedTransceiver add(String peerConnectionId, String kind, String direction, List<String> codecs) {
        ManagedPeerConnection connection = connections.get(peerConnectionId);
        RTCRtpTransceiverDirection wanted = direction == null ? RTCRtpTransceiverDirection.SENDRECV
                : RTCRtpTransceiverDirection.of(direction);
        List<RTCRtpCodecCapability> preferences = codecs == null || codecs.isEmpty() ? List.of()
                : preferences(kind, codecs);
        RTCRtpTransceiver transceiver = connection.peerConnection().addTransceiver(kind, wanted);
        if (!preferences.isEmpty()) {
            transceiver.setCodecPreferences(preferences);
        }
        return connection.transceiver(transceiver);
    }

    public List<ManagedTransceiver> list(String peerConnectionId) {
        return connections.get(peerConnectionId).transceivers();
    }

    /** @throws MediaRoutingException UNKNOWN_TRANSCEIVER when the connection has no such transceiver */
    public ManagedTransceiver get(String peerConnectionId, String transceiverId) {
        return connections.get(peerConnectionId).transceiver(transceiverId)
                .orElseThrow(() -> new MediaRoutingException(Reason.UNKNOWN_TRANSCEIVER, "peer connection '"
                        + peerConnectionId + "' has no transceiver '" + transceiverId + "'"));
    }

    public ManagedTransceiver setDirection(String peerConnectionId, String transceiverId, String direction) {
        ManagedTransceiver managed = live(peerConnectionId, transceiverId);
        managed.transceiver().setDirection(RTCRtpTransceiverDirection.of(direction));
        return managed;
    }

    /** Stops the transceiver for good (W3C stop) and ends its source and route. */
    public ManagedTransceiver stop(String peerConnectionId, String transceiverId) {
        ManagedTransceiver managed = get(peerConnectionId, transceiverId);
        connections.await(managed.transceiver().stop(), "stopping the transceiver");
        managed.release();
        return managed;
    }

    // ---- sources

    /** Makes the sender send {@code source} (replaceTrack); the source it replaces ends. */
    public ManagedTransceiver setSource(String peerConnectionId, String transceiverId, TransceiverSource source) {
        ManagedTransceiver managed = live(peerConnectionId, transceiverId);
        String type = Objects.requireNonNull(source, "a source").type();
        MediaKind kind = MediaKind.of(managed.transceiver().getKind());
        switch (type == null ? "" : type) {
            case TransceiverSource.STREAM -> {
                MediaStreams.Subscription subscription = streams().subscribe(source.stream(), kind);
                attach(managed, TransceiverSource.stream(source.stream()), subscription.track(),
                        subscription.codec(), subscription);
            }
            case TransceiverSource.FILE -> {
                boolean loop = Boolean.TRUE.equals(source.loop());
                MediaPlayer player = player(files.existing(source.path()), loop, source.path());
                MediaStreamTrack track = kind == MediaKind.AUDIO ? player.getAudio() : player.getVideo();
                if (track == null) {
                    player.close();
                    throw new MediaRoutingException(Reason.WRONG_KIND, "'" + source.path() + "' holds no " + kind);
                }
                attach(managed, TransceiverSource.file(source.path(), loop), track, null, player::close);
            }
            case TransceiverSource.TONE -> {
                if (kind != MediaKind.AUDIO) {
                    throw new MediaRoutingException(Reason.WRONG_KIND, "a tone is audio; " + managed.transceiverId()
                            + " is " + kind);
                }
                double frequency = source.frequency() == null ? DEFAULT_TONE_HZ : source.frequency();
                if (!(frequency >= 20 && frequency <= 20_000)) {
                    throw new IllegalArgumentException("a tone's frequency is 20 to 20000 Hz, not " + frequency);
                }
                ToneAudioTrack tone = new ToneAudioTrack(frequency, TONE_AMPLITUDE);
                attach(managed, TransceiverSource.tone(frequency), tone, null, tone::stop);
            }
            case TransceiverSource.TEST_PATTERN -> testPattern(managed, kind, source);
            case TransceiverSource.FORWARD -> throw new IllegalArgumentException(
                    "a forward source is set by the forwarded transceiver's route: PUT its route "
                            + "{type: forward, peerConnectionId, transceiverId}");
            default -> throw new IllegalArgumentException(
                    "a source's type is stream, file, tone or test-pattern, not '" + type + "'");
        }
        return managed;
    }

    /** A moving colour test pattern, encoded by the sender with its negotiated codec. */
    private void testPattern(ManagedTransceiver managed, MediaKind kind, TransceiverSource source) {
        if (kind != MediaKind.VIDEO) {
            throw new MediaRoutingException(Reason.WRONG_KIND, "a test pattern is video; " + managed.transceiverId()
                    + " is " + kind);
        }
        int width = dimension(source.width(), 640, 1920, "width");
        int height = dimension(source.height(), 480, 1080, "height");
        if (!VideoCodecs.available()) {
            throw new MediaRoutingException(Reason.ENCODER_UNAVAILABLE, "a test pattern is encoded, which needs "
                    + VideoCodecs.DEPENDENCY + " on the classpath");
        }
        VideoStreamTrack pattern = VideoStreamTrack.testPattern(MediaClock.system(), width, height,
                VideoStreamTrack.DEFAULT_FRAMES_PER_SECOND);
        attach(managed, TransceiverSource.testPattern(width, height), pattern, null, pattern::stop);
    }

    private static int dimension(Integer wanted, int fallback, int max, String name) {
        int value = wanted == null ? fallback : wanted;
        if (value < 16 || value > max || value % 2 != 0) {
            throw new IllegalArgumentException("a test pattern's " + name + " is even, 16 to " + max + ", not "
                    + value);
        }
        return value;
    }

    /** Makes the sender send nothing (replaceTrack(null)); the source ends. */
    public ManagedTransceiver clearSource(String peerConnectionId, String transceiverId) {
        ManagedTransceiver managed = get(peerConnectionId, transceiverId);
        connections.await(managed.transceiver().getSender().replaceTrack(null), "replacing the track");
        managed.replaceSource(null, null);
        return managed;
    }

    /**
     * Switches the sender to {@code track} and records the source; for video, checks (or prefers, before the first
     * negotiation) the codec the frames come in. On failure, {@code end} is closed and the old source stays.
     */
    private void attach(ManagedTransceiver managed, TransceiverSource source, MediaStreamTrack track,
            RTCRtpCodecParameters codec, AutoCloseable end) {
        try {
            if (codec != null) {
                requireForwardable(managed.transceiver(), codec);
            }
            connections.await(managed.transceiver().getSender().replaceTrack(track), "replacing the track");
            if (track.getKind() == MediaKind.VIDEO) {
                track.requestKeyframe();  // a switch mid-stream: the peer decodes nothing before a keyframe
            }
        } catch (RuntimeException e) {
            closeQuietly(end);
            throw e;
        }
        managed.replaceSource(source, end);
    }

    private void requireForwardable(RTCRtpTransceiver transceiver, RTCRtpCodecParameters codec) {
        RTCRtpCodecParameters negotiated = ForwardedCodecs.mediaCodec(transceiver.getSender().getParameters().codecs());
        if (negotiated == null) {
            List<RTCRtpCodecCapability> preferences = ForwardedCodecs.preferencesFor(codec);
            if (preferences.isEmpty()) {
                throw new MediaRoutingException(Reason.CODEC_MISMATCH, codec.mimeType() + " cannot be sent");
            }
            transceiver.setCodecPreferences(withRepairFormats(codec.kind(), preferences));
            return;
        }
        if (!ForwardedCodecs.canForward(negotiated, codec)) {
            throw new MediaRoutingException(Reason.CODEC_MISMATCH, "the sender negotiated " + describe(negotiated)
                    + " but the source is " + describe(codec) + "; video is forwarded, never transcoded: "
                    + "renegotiate the transceiver with that codec (codecs on a new transceiver)");
        }
    }

    // ---- forwarded layer

    /**
     * Forwards the publisher's simulcast encoding {@code rid} (VP8 temporal layers up to {@code temporalLayer}) on a
     * sender that forwards a publisher's packets (a stream source); both null: chosen from the peer's bandwidth
     * estimate again.
     *
     * @throws MediaRoutingException LAYER_NOT_AVAILABLE when the sender forwards nothing or there is no such layer
     */
    public ManagedTransceiver setForwardedLayer(String peerConnectionId, String transceiverId, String rid,
            Integer temporalLayer) {
        ManagedTransceiver managed = live(peerConnectionId, transceiverId);
        ForwardedLayers.choose(managed.transceiver().getSender(), rid, temporalLayer,
                message -> new MediaRoutingException(Reason.LAYER_NOT_AVAILABLE, message));
        return managed;
    }

    // ---- routes

    /** Sends what the receiver gets to {@code route}; the route it replaces ends. */
    public ManagedTransceiver setRoute(String peerConnectionId, String transceiverId, TransceiverRoute route) {
        ManagedTransceiver managed = live(peerConnectionId, transceiverId);
        String type = Objects.requireNonNull(route, "a route").type();
        switch (type == null ? "" : type) {
            case TransceiverRoute.PUBLISH -> publish(peerConnectionId, managed, route);
            case TransceiverRoute.RECORD -> record(managed, route);
            case TransceiverRoute.FORWARD -> forward(peerConnectionId, managed, route);
            default -> throw new IllegalArgumentException(
                    "a route's type is publish, record or forward, not '" + type + "'");
        }
        return managed;
    }

    public ManagedTransceiver clearRoute(String peerConnectionId, String transceiverId) {
        ManagedTransceiver managed = get(peerConnectionId, transceiverId);
        managed.replaceRoute(null, null);
        return managed;
    }

    private void publish(String peerConnectionId, ManagedTransceiver managed, TransceiverRoute route) {
        if (route.stream() == null || route.stream().isBlank()) {
            throw new IllegalArgumentException("a publish route needs a stream id");
        }
        RTCRtpReceiver receiver = managed.transceiver().getReceiver();
        MediaStreamTrack track = managed.receivedTrack();
        AutoCloseable publication;
        try {
            publication = streams().publish(route.stream(), peerConnectionId, track,
                    ForwardedCodecs.mediaCodec(receiver.getParameters().codecs()));
        } catch (RuntimeException e) {
            track.stop();
            throw e;
        }
        managed.replaceRoute(new TransceiverRoute(TransceiverRoute.PUBLISH, route.stream(), null, null, null), () -> {
            publication.close();
            track.stop();
        });
    }

    private void record(ManagedTransceiver managed, TransceiverRoute route) {
        Path file = files.fresh(route.path());
        MediaRecorder recorder;
        try {
            recorder = new MediaRecorder(file);
        } catch (IllegalArgumentException e) {
            throw new MediaRoutingException(Reason.FILE_UNUSABLE, e.getMessage(), e);
        }
        MediaStreamTrack track = managed.receivedTrack();
        try {
            recorder.addTrack(track);
            connections.await(recorder.start(), "opening the recording");
        } catch (IllegalArgumentException e) {
            track.stop();
            throw new MediaRoutingException(Reason.WRONG_KIND, e.getMessage(), e);
        } catch (RuntimeException e) {
            track.stop();
            recorder.stop();
            throw e;
        }
        managed.replaceRoute(new TransceiverRoute(TransceiverRoute.RECORD, null, route.path(), null, null), () -> {
            recorder.stop();
            track.stop();
        });
    }

    /** Feeds another connection's sender with what this receiver gets: a forward source over there. */
    private void forward(String peerConnectionId, ManagedTransceiver managed, TransceiverRoute route) {
        ManagedTransceiver target = live(route.peerConnectionId(), route.transceiverId());
        if (!target.transceiver().getKind().equals(managed.transceiver().getKind())) {
            throw new MediaRoutingException(Reason.WRONG_KIND, "cannot forward " + managed.transceiver().getKind()
                    + " to " + target.transceiver().getKind());
        }
        RTCRtpCodecParameters codec = "video".equals(managed.transceiver().getKind())
                ? ForwardedCodecs.mediaCodec(managed.transceiver().getReceiver().getParameters().codecs()) : null;
        MediaStreamTrack track = managed.receivedTrack();
        TransceiverSource source = TransceiverSource.forward(peerConnectionId, managed.transceiverId());
        attach(target, source, track, codec, track::stop);
        managed.replaceRoute(new TransceiverRoute(TransceiverRoute.FORWARD, null, null, route.peerConnectionId(),
                route.transceiverId()), () -> {
                    if (target.clearSourceIf(source)) {
                        target.transceiver().getSender().replaceTrack(null);
                        track.stop();
                    }
                });
    }

    // ---- helpers

    private ManagedTransceiver live(String peerConnectionId, String transceiverId) {
        ManagedTransceiver managed = get(peerConnectionId, transceiverId);
        if (managed.transceiver().isStopped()) {
            throw new MediaRoutingException(Reason.TRANSCEIVER_STOPPED, transceiverId + " was stopped");
        }
        return managed;
    }

    private MediaStreams streams() {
        if (streams == null) {
            throw new MediaRoutingException(Reason.STREAMS_DISABLED,
                    "streams are served by the WHIP and WHEP endpoints, which are off (rtc.whip.enabled)");
        }
        return streams;
    }

    private static MediaPlayer player(Path file, boolean loop, String name) {
        try {
            return new MediaPlayer(file, MediaClock.system(),
                    MediaPlayer.Options.defaults().withLoop(loop));
        } catch (IOException | RuntimeException e) {
            throw new MediaRoutingException(Reason.FILE_UNUSABLE, "cannot play '" + name + "': " + e.getMessage(),
                    e);
        }
    }

    private static List<RTCRtpCodecCapability> preferences(String kind, List<String> mimeTypes) {
        List<RTCRtpCodecCapability> supported = RTCRtpSender.getCapabilities(kind).codecs();
        List<RTCRtpCodecCapability> chosen = new ArrayList<>();
        for (String mimeType : mimeTypes) {
            List<RTCRtpCodecCapability> matching = supported.stream()
                    .filter(capability -> capability.mimeType().equalsIgnoreCase(mimeType)).toList();
            if (matching.isEmpty() || ForwardedCodecs.isRepairFormat(mimeType)) {
                throw new IllegalArgumentException("codec '" + mimeType + "' is not one this server sends as "
                        + kind + "; it sends " + supported.stream().map(RTCRtpCodecCapability::mimeType)
                                .filter(name -> !ForwardedCodecs.isRepairFormat(name)).distinct().toList());
            }
            chosen.addAll(matching);
        }
        return withRepairFormats(kind, chosen);
    }

    private static List<RTCRtpCodecCapability> withRepairFormats(String kind, List<RTCRtpCodecCapability> media) {
        List<RTCRtpCodecCapability> all = new ArrayList<>(media);
        RTCRtpSender.getCapabilities(kind).codecs().stream()
                .filter(capability -> ForwardedCodecs.isRepairFormat(capability.mimeType())).forEach(all::add);
        return all;
    }

    private static String describe(RTCRtpCodecParameters codec) {
        String profile = codec.parameters().get("profile-level-id");
        return profile == null ? codec.mimeType() : codec.mimeType() + " (profile-level-id " + profile + ")";
    }

    private static void closeQuietly(AutoCloseable end) {
        try {
            end.close();
        } catch (Exception ignored) {
            // the attachment failed already; its cleanup failing too adds nothing the caller can act on
        }
    }
}
