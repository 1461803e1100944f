package io.jrtc.spring.autoconfigure.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.media.BufferedTrack;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.ToneAudioTrack;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCRtpTransceiver;
import io.jrtc.pc.RTCRtpTransceiverDirection;
import io.jrtc.pc.RtcEngine;
import io.jrtc.whip.SignalingSession;
import java.util.Base64;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cluster test's publisher: a tone and VP8-shaped coded frames at 30 fps (random payloads, a keyframe first and
 * whenever one is asked for), remembering every frame it sent so viewers can check theirs byte for byte, and
 * counting the keyframe requests that reached it.
 */
final class ClusterMediaPeer implements AutoCloseable {
    final RTCPeerConnection pc;
    final AtomicInteger keyframeRequests = new AtomicInteger();
    final AtomicInteger keyframesSent = new AtomicInteger();
    private final BufferedTrack video = new BufferedTrack(MediaKind.VIDEO, 256);
    private final ToneAudioTrack tone = new ToneAudioTrack(440, 8000);
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor();
    private final Random random;
    private volatile boolean keyframeWanted = true;
    private long timestamp;

    ClusterMediaPeer(RtcEngine engine, RTCConfiguration configuration) {
        this(engine, configuration, 11);
    }

    /** A publisher whose payloads come from {@code seed}: two with different seeds never send the same frame. */
    ClusterMediaPeer(RtcEngine engine, RTCConfiguration configuration, long seed) {
        random = new Random(seed);
        pc = engine.newPeerConnection(configuration);
        pc.addTransceiver(tone, RTCRtpTransceiverDirection.SENDONLY);
        pc.addTransceiver(video, RTCRtpTransceiverDirection.SENDONLY);
        video.onKeyframeRequest(() -> {
            keyframeRequests.incrementAndGet();
            keyframeWanted = true;
        });
    }

    void startVideo() {
        pusher.scheduleAtFixedRate(this::pushFrame, 0, 33, TimeUnit.MILLISECONDS);
    }

    /** Whether {@code frame} is, byte for byte, one this publisher sent. */
    boolean sent(Frame frame) {
        return frame instanceof EncodedFrame coded && sent.contains(Base64.getEncoder().encodeToString(coded.data()));
    }

    /** Asserts that {@code viewer}'s next {@code frames} video frames are, byte for byte, ones this peer sent. */
    void assertSentTo(SignalingSession viewer, int frames) throws Exception {
        MediaStreamTrack received = received(viewer.peerConnection(), MediaKind.VIDEO);
        for (int i = 0; i < frames; i++) {
            Frame frame = received.recv().get(30, TimeUnit.SECONDS);
            assertThat(sent(frame)).as("frame %d is one the publisher sent, byte for byte", i).isTrue();
        }
    }

    private void pushFrame() {
        boolean keyframe = keyframeWanted;
        keyframeWanted = false;
        byte[] frame = new byte[300 + random.nextInt(3000)];
        random.nextBytes(frame);
        frame[0] = (byte) (keyframe ? frame[0] & 0xFE : frame[0] | 0x01);
        sent.add(Base64.getEncoder().encodeToString(frame));
        if (keyframe) {
            keyframesSent.incrementAndGet();
        }
        video.push(new EncodedFrame("video/VP8", 90_000, frame, timestamp, keyframe));
        timestamp += 3000;
    }

    static MediaStreamTrack received(RTCPeerConnection pc, MediaKind kind) {
        for (RTCRtpTransceiver transceiver : pc.getTransceivers()) {
            if (transceiver.getReceiver().getTrack().getKind() == kind) {
                return transceiver.getReceiver().getTrack();
            }
        }
        throw new AssertionError("no " + kind + " receiver");
    }

    @Override
    public void close() throws Exception {
        pusher.shutdownNow();
        tone.stop();
        video.stop();
        pc.close().get(10, TimeUnit.SECONDS);
    }
}
