package io.jrtc.spring.autoconfigure.whip;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.jrtc.media.BufferedTrack;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.MediaClock;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.ToneAudioTrack;
import io.jrtc.media.VideoStreamTrack;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCRtpCodecCapability;
import io.jrtc.pc.RTCRtpReceiver;
import io.jrtc.pc.RTCRtpTransceiver;
import io.jrtc.pc.RTCRtpTransceiverDirection;
import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.RtcEngine;

/**
 * A WHIP publisher or WHEP viewer made of one of our own peer connections: a publisher sends a 440 Hz tone and
 * coded VP8-shaped frames (random payloads with the VP8 P bit: a keyframe first and whenever one is asked for), a
 * viewer receives audio and video. Offers carry every candidate (no trickle).
 */
public final class JrtcMediaPeer implements AutoCloseable {
    final RTCPeerConnection pc;
    final BufferedTrack video = new BufferedTrack(MediaKind.VIDEO, 256);
    final AtomicInteger keyframeRequests = new AtomicInteger();
    private final List<MediaStreamTrack> sent = new ArrayList<>();
    private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor();
    private final Random random = new Random(7);
    private volatile boolean keyframeWanted = true;
    private long timestamp;

    private JrtcMediaPeer(RtcEngine engine) {
        pc = engine.newPeerConnection(new RTCConfiguration());
    }

    public static JrtcMediaPeer publisher(RtcEngine engine) {
        JrtcMediaPeer peer = new JrtcMediaPeer(engine);
        ToneAudioTrack tone = new ToneAudioTrack(440, 8000);
        peer.sent.add(tone);
        peer.pc.addTransceiver(tone, RTCRtpTransceiverDirection.SENDONLY);
        peer.pc.addTransceiver(peer.video, RTCRtpTransceiverDirection.SENDONLY);
        peer.video.onKeyframeRequest(() -> {
            peer.keyframeRequests.incrementAndGet();
            peer.keyframeWanted = true;
        });
        return peer;
    }

    /**
     * A publisher of real video: the moving colour test pattern at 320x240, 30 fps, which the sender encodes with
     * the negotiated codec (FFmpeg); no audio.
     */
    public static JrtcMediaPeer patternPublisher(RtcEngine engine) {
        JrtcMediaPeer peer = new JrtcMediaPeer(engine);
        VideoStreamTrack pattern = VideoStreamTrack.testPattern(MediaClock.system(), 320, 240, 30);
        peer.sent.add(pattern);
        peer.pc.addTransceiver(pattern, RTCRtpTransceiverDirection.SENDONLY);
        return peer;
    }

    /** A viewer of audio and video that receives video only as H.264. */
    public static JrtcMediaPeer h264Viewer(RtcEngine engine) {
        JrtcMediaPeer peer = viewer(engine);
        List<RTCRtpCodecCapability> h264Only = RTCRtpReceiver.getCapabilities("video").codecs().stream()
                .filter(c -> c.mimeType().equals("video/H264")).toList();
        for (RTCRtpTransceiver transceiver : peer.pc.getTransceivers()) {
            if ("video".equals(transceiver.getKind())) {
                transceiver.setCodecPreferences(h264Only);
            }
        }
        return peer;
    }

    public static JrtcMediaPeer viewer(RtcEngine engine) {
        JrtcMediaPeer peer = new JrtcMediaPeer(engine);
        peer.pc.addTransceiver("audio", RTCRtpTransceiverDirection.RECVONLY);
        peer.pc.addTransceiver("video", RTCRtpTransceiverDirection.RECVONLY);
        return peer;
    }

    /** The complete offer, after gathering. */
    public String offer() throws Exception {
        pc.setLocalDescription().get(10, TimeUnit.SECONDS);
        pc.gatheringComplete().get(10, TimeUnit.SECONDS);
        return pc.getLocalDescription().sdp();
    }

    public void accept(String answer) throws Exception {
        pc.setRemoteDescription(new RTCSessionDescription(answer, RTCSdpType.ANSWER)).get(10, TimeUnit.SECONDS);
    }

    /** Pushes a frame every 33 ms (30 fps). */
    void startVideo() {
        pusher.scheduleAtFixedRate(this::pushFrame, 0, 33, TimeUnit.MILLISECONDS);
    }

    private void pushFrame() {
        boolean keyframe = keyframeWanted;
        keyframeWanted = false;
        byte[] frame = new byte[300 + random.nextInt(3000)];
        random.nextBytes(frame);
        frame[0] = (byte) (keyframe ? frame[0] & 0xFE : frame[0] | 0x01);
        video.push(new EncodedFrame("video/VP8", 90_000, frame, timestamp, keyframe));
        timestamp += 3000;
    }

    MediaStreamTrack receivedTrack(MediaKind kind) {
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
        sent.forEach(MediaStreamTrack::stop);
        video.stop();
        CompletableFuture<Void> closed = pc.close();
        closed.get(10, TimeUnit.SECONDS);
    }
}
