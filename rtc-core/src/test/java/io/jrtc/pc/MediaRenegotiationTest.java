package io.jrtc.pc;

import static io.jrtc.pc.MediaNegotiationTest.sections;
import static io.jrtc.pc.MediaNegotiationTest.transceiver;
import static io.jrtc.pc.PeerPair.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.media.AudioFrame;
import io.jrtc.media.AudioMeasurements;
import io.jrtc.media.BufferedTrack;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.ToneAudioTrack;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Negotiations that change a running call between two of our peer connections on loopback (RFC 8829 §5.2.2,
 * §5.3.2; W3C webrtc-pc §4.4.1, §5.4): directions on both sides, codec preferences, stopping a transceiver,
 * adding video to an audio call from either side, removing a track. Each checks the SDP, the transceivers and the
 * media that arrives (or stops arriving).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MediaRenegotiationTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final PeerPair pair = new PeerPair();
    private final RTCPeerConnection a = pair.offerer;
    private final RTCPeerConnection b = pair.answerer;
    private final List<RTCTrackEvent> tracksAtA = new CopyOnWriteArrayList<>();
    private final List<RTCTrackEvent> tracksAtB = new CopyOnWriteArrayList<>();

    MediaRenegotiationTest() {
        a.onTrack(tracksAtA::add);
        b.onTrack(tracksAtB::add);
    }

    @AfterEach
    void close() {
        pair.close();
    }

    @Test
    void currentDirectionsMirrorEachOtherAfterNegotiation() {
        RTCRtpTransceiver sendVideo = a.addTransceiver(new BufferedTrack(MediaKind.VIDEO, 4),
                RTCRtpTransceiverDirection.SENDONLY);
        RTCRtpTransceiver receiveAudio = a.addTransceiver("audio", RTCRtpTransceiverDirection.RECVONLY);
        RTCRtpTransceiver both = a.addTransceiver(new ToneAudioTrack(300, 8000), RTCRtpTransceiverDirection.SENDRECV);
        assertThat(a.getTransceivers()).extracting(RTCRtpTransceiver::getMid).containsOnlyNulls();
        pair.negotiate();

        assertThat(List.of(sendVideo, receiveAudio, both)).extracting(RTCRtpTransceiver::getMid)
                .containsExactly("0", "1", "2");
        assertThat(sendVideo.getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.SENDONLY);
        assertThat(receiveAudio.getCurrentDirection()).as("the answerer has nothing to send")
                .isEqualTo(RTCRtpTransceiverDirection.INACTIVE);
        assertThat(both.getCurrentDirection()).as("a sends, b only receives")
                .isEqualTo(RTCRtpTransceiverDirection.SENDONLY);
        assertThat(transceiver(b, "0").getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.RECVONLY);
        assertThat(transceiver(b, "1").getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.INACTIVE);
        assertThat(transceiver(b, "2").getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.RECVONLY);
        assertThat(tracksAtB).extracting(e -> e.transceiver().getMid()).containsExactlyInAnyOrder("0", "2");
        assertThat(tracksAtA).isEmpty();
    }

    @Test
    void pcmuOnlyPreferencesCarryTheToneEndToEnd() throws Exception {
        RTCRtpTransceiver t = a.addTransceiver(new ToneAudioTrack(440, 8000), RTCRtpTransceiverDirection.SENDONLY);
        RTCRtpCodecCapability pcmu = RTCRtpSender.getCapabilities("audio").codecs().stream()
                .filter(c -> c.mimeType().equals("audio/PCMU")).findFirst().orElseThrow();
        t.setCodecPreferences(List.of(pcmu));
        pair.negotiate();
        assertThat(a.getLocalDescription().sdp()).contains("m=audio 9 UDP/TLS/RTP/SAVPF 0\r\n")
                .doesNotContain("opus");
        assertThat(b.getLocalDescription().sdp()).contains("m=audio 9 UDP/TLS/RTP/SAVPF 0\r\n", "a=recvonly");
        assertThat(t.getSender().getParameters().codecs()).extracting(RTCRtpCodecParameters::mimeType)
                .containsExactly("audio/PCMU");
        await().atMost(WAIT).until(() -> tracksAtB.size() == 1);
        assertThat(AudioMeasurements.dominantFrequency(tracksAtB.get(0).track())).isBetween(400.0, 480.0);
        RTCStats outbound = await(a.getStats()).ofType("outbound-rtp").get(0);
        assertThat(outbound.get("mimeType")).isEqualTo("audio/PCMU");
    }

    @Test
    void twoAudioTracksOnOneBundleArriveEachOnItsOwnMLine() throws Exception {
        a.addTrack(new ToneAudioTrack(440, 8000));
        a.addTrack(new ToneAudioTrack(1000, 8000));
        pair.negotiate();
        assertThat(a.getLocalDescription().sdp()).contains("a=group:BUNDLE 0 1");
        await().atMost(WAIT).until(() -> tracksAtB.size() == 2);
        MediaStreamTrack first = tracksAtB.stream().filter(e -> e.transceiver().getMid().equals("0")).findFirst()
                .orElseThrow().track();
        MediaStreamTrack second = tracksAtB.stream().filter(e -> e.transceiver().getMid().equals("1")).findFirst()
                .orElseThrow().track();
        assertAudioFlows(first, 400, 480);
        assertAudioFlows(second, 940, 1060);
    }

    @Test
    void addingVideoFromTheAnswererKeepsTheAudioMLineAndBothMediaFlow() throws Exception {
        audioCall();
        BufferedTrack video = new BufferedTrack(MediaKind.VIDEO, 64);
        b.addTrack(video);
        renegotiate(b, a);  // the answerer of the first exchange offers now

        List<String> offer = sections(b.getLocalDescription().sdp());
        assertThat(offer).hasSize(3);
        assertThat(offer.get(0)).contains("a=group:BUNDLE 0 1");
        assertThat(offer.get(1)).startsWith("m=audio 9 ").contains("a=mid:0", "a=sendrecv");
        assertThat(offer.get(2)).startsWith("m=video 9 ").contains("a=mid:1", "a=sendrecv");
        List<String> answer = sections(a.getLocalDescription().sdp());
        assertThat(answer.get(2)).startsWith("m=video 9 ").contains("a=mid:1", "a=recvonly");
        assertThat(transceiver(a, "1").getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.RECVONLY);
        assertThat(transceiver(b, "1").getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.SENDONLY);
        assertThat(transceiver(a, "0").getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.SENDRECV);

        await().atMost(WAIT).until(() -> tracksAtA.size() == 2);
        MediaStreamTrack receivedVideo = tracksAtA.get(1).track();
        assertThat(receivedVideo.getKind()).isEqualTo(MediaKind.VIDEO);
        assertVideoFlows(video, receivedVideo);
        assertAudioFlows(tracksAtA.get(0).track(), 940, 1060);
        assertAudioFlows(tracksAtB.get(0).track(), 400, 480);
    }

    @Test
    void addingVideoFromTheOffererAppendsAnMLineAndTheAnswererCanSendBack() throws Exception {
        audioCall();
        BufferedTrack video = new BufferedTrack(MediaKind.VIDEO, 64);
        a.addTrack(video);
        RTCSessionDescription offerWithVideo = await(a.createOffer());
        await(b.setRemoteDescription(offerWithVideo));
        // the answerer answers the new m-line with a track of its own, as a browser app does in ontrack
        await().atMost(WAIT).until(() -> tracksAtB.size() == 2);
        BufferedTrack videoBack = new BufferedTrack(MediaKind.VIDEO, 64);
        b.addTrack(videoBack);
        assertThat(b.getTransceivers()).as("addTrack took the transceiver the offer made").hasSize(2);
        await(a.setLocalDescription(offerWithVideo));
        RTCSessionDescription answer = await(b.createAnswer());
        await(b.setLocalDescription(answer));
        await(a.setRemoteDescription(answer));

        List<String> offer = sections(a.getLocalDescription().sdp());
        assertThat(offer.get(1)).startsWith("m=audio 9 ").contains("a=mid:0");
        assertThat(offer.get(2)).startsWith("m=video 9 ").contains("a=mid:1");
        assertThat(sections(answer.sdp()).get(2)).contains("a=sendrecv", "a=ssrc:");
        assertThat(transceiver(a, "1").getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.SENDRECV);
        assertThat(transceiver(b, "1").getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.SENDRECV);

        assertVideoFlows(video, tracksAtB.get(1).track());
        await().atMost(WAIT).until(() -> tracksAtA.size() == 2);
        assertVideoFlows(videoBack, tracksAtA.get(1).track());
        assertAudioFlows(tracksAtB.get(0).track(), 400, 480);
    }

    @Test
    void stoppingATransceiverRejectsItsMLineStopsTheRemoteOneAndItsMedia() throws Exception {
        audioCall();
        BufferedTrack video = new BufferedTrack(MediaKind.VIDEO, 64);
        RTCRtpTransceiver videoAtA = a.addTransceiver(video, RTCRtpTransceiverDirection.SENDONLY);
        pair.negotiate();
        await().atMost(WAIT).until(() -> tracksAtB.size() == 2);
        assertVideoFlows(video, tracksAtB.get(1).track());

        RTCRtpTransceiver videoAtB = transceiver(b, "1");
        await(videoAtA.stop());
        assertThat(videoAtA.isStopped()).isTrue();
        assertThat(videoAtA.getDirection()).isEqualTo(RTCRtpTransceiverDirection.STOPPED);
        assertThat(videoAtA.getCurrentDirection()).as("W3C: stopping until negotiated")
                .isEqualTo(RTCRtpTransceiverDirection.SENDONLY);
        assertThat(a.getSenders()).hasSize(1);
        pair.negotiate();
        List<String> offer = sections(a.getLocalDescription().sdp());
        assertThat(offer).hasSize(3);
        assertThat(offer.get(0)).contains("a=group:BUNDLE 0\r\n");
        assertThat(offer.get(2)).startsWith("m=video 0 ").contains("a=mid:1").doesNotContain("a=ssrc");
        assertThat(sections(b.getLocalDescription().sdp()).get(2)).startsWith("m=video 0 ");
        assertThat(videoAtB.isStopped()).isTrue();
        assertThat(videoAtB.getReceiver().getTrack().getReadyState())
                .isEqualTo(io.jrtc.media.MediaStreamTrackState.ENDED);
        assertThat(a.getTransceivers()).as("W3C: stopped and rejected, it leaves the set").containsExactly(
                transceiver(a, "0"));
        assertThat(b.getTransceivers()).hasSize(1);
        assertThat(videoAtB.getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.STOPPED);
        assertThat(videoAtA.getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.STOPPED);

        renegotiate(b, a);  // b offers now: the rejected m-line stays in its place
        assertThat(sections(b.getLocalDescription().sdp()).get(2)).startsWith("m=video 0 ").contains("a=mid:1");
        assertThat(a.getTransceivers()).hasSize(1);

        long sent = packetsSent(a, "1");
        video.push(new EncodedFrame("video/VP8", 90_000, new byte[] {0x10, 1, 2, 3}, 90_000, true));
        assertAudioFlows(tracksAtB.get(0).track(), 400, 480);  // a second of audio: time enough for video
        assertThat(packetsSent(a, "1")).isEqualTo(sent);
    }

    @Test
    void aDataChannelAddedToAnAudioCallGetsAnAppendedMLineAndOpens() throws Exception {
        audioCall();
        RTCDataChannel channel = a.createDataChannel("late");
        java.util.concurrent.CompletableFuture<String> message = new java.util.concurrent.CompletableFuture<>();
        b.onDataChannel(remote -> remote.onMessage(m -> message.complete(m.text())));
        renegotiate(a, b);
        List<String> offer = sections(a.getLocalDescription().sdp());
        assertThat(offer).hasSize(3);
        assertThat(offer.get(0)).contains("a=group:BUNDLE 0 1");
        assertThat(offer.get(2)).startsWith("m=application 9 ").contains("a=mid:1");
        await().atMost(WAIT).until(() -> channel.getReadyState() == RTCDataChannelState.OPEN);
        channel.send("after audio");
        assertThat(message.get(10, TimeUnit.SECONDS)).isEqualTo("after audio");
        assertAudioFlows(tracksAtB.get(0).track(), 400, 480);
    }

    @Test
    void removeTrackMakesTheNextOfferRecvonlyAndSendingStops() throws Exception {
        audioCall();
        RTCRtpTransceiver audioAtA = transceiver(a, "0");
        a.removeTrack(audioAtA.getSender());
        assertThat(audioAtA.getDirection()).isEqualTo(RTCRtpTransceiverDirection.RECVONLY);
        pair.negotiate();
        String offer = sections(a.getLocalDescription().sdp()).get(1);
        assertThat(offer).contains("a=recvonly").doesNotContain("a=msid:", "a=ssrc:");
        assertThat(sections(b.getLocalDescription().sdp()).get(1)).contains("a=sendonly");
        assertThat(audioAtA.getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.RECVONLY);
        assertThat(transceiver(b, "0").getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.SENDONLY);

        long before = packetsSent(a, "0");
        assertAudioFlows(tracksAtA.get(0).track(), 940, 1060);  // b still sends; a second passes
        assertThat(packetsSent(a, "0")).isEqualTo(before);

        a.removeTrack(audioAtA.getSender());  // no-op on a sender without a track, as in browsers
        b.removeTrack(transceiver(b, "0").getSender());
        renegotiate(b, a);
        assertThat(sections(b.getLocalDescription().sdp()).get(1)).as("b's own wish").contains("a=recvonly");
        assertThat(sections(a.getLocalDescription().sdp()).get(1)).contains("a=inactive")
                .doesNotContain("a=ssrc:");
        assertThat(audioAtA.getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.INACTIVE);
        assertThat(transceiver(b, "0").getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.INACTIVE);
    }

    @Test
    void rollingBackARemoteOfferRemovesTheTransceiverItCreated() {
        audioCall();
        a.addTransceiver(new BufferedTrack(MediaKind.VIDEO, 4), RTCRtpTransceiverDirection.SENDONLY);
        await(b.setRemoteDescription(await(a.createOffer())));
        assertThat(b.getTransceivers()).hasSize(2);
        await(b.setRemoteDescription(new RTCSessionDescription("", RTCSdpType.ROLLBACK)));
        assertThat(b.getSignalingState()).isEqualTo(RTCSignalingState.STABLE);
        assertThat(b.getTransceivers()).hasSize(1);
        assertThat(b.getTransceivers().get(0).getMid()).isEqualTo("0");

        renegotiate(b, a);  // b offers what it had: one audio m-line, still sendrecv
        assertThat(sections(b.getLocalDescription().sdp())).hasSize(2);
        assertThat(a.getSignalingState()).isEqualTo(RTCSignalingState.STABLE);
    }

    @Test
    void glareIsResolvedByThePolitePeersImplicitRollbackAndBothTonesFlow() throws Exception {
        List<RTCSignalingState> statesAtB = new CopyOnWriteArrayList<>();
        b.onSignalingStateChange(statesAtB::add);
        java.util.concurrent.atomic.AtomicInteger neededAtB = new java.util.concurrent.atomic.AtomicInteger();
        b.onNegotiationNeeded(neededAtB::incrementAndGet);
        a.addTrack(new ToneAudioTrack(440, 8000));
        RTCRtpSender fromB = b.addTrack(new ToneAudioTrack(1000, 8000));
        await(a.setLocalDescription());
        await(b.setLocalDescription());
        assertThat(b.getTransceivers().get(0).getMid()).isEqualTo("0");
        await(a.gatheringComplete());

        // a is impolite and ignores b's offer; b is polite and takes a's, rolling its own back
        await(b.setRemoteDescription(a.getLocalDescription()));
        assertThat(b.getSignalingState()).isEqualTo(RTCSignalingState.HAVE_REMOTE_OFFER);
        assertThat(b.getTransceivers()).as("b's addTrack transceiver answers a's m-line").hasSize(1);
        assertThat(b.getTransceivers().get(0).getSender()).isSameAs(fromB);
        await(b.setLocalDescription());
        await(b.gatheringComplete());
        await(a.setRemoteDescription(b.getLocalDescription()));
        assertThat(sections(b.getLocalDescription().sdp()).get(1)).contains("a=sendrecv", "a=mid:0");
        await().atMost(WAIT).until(() -> statesAtB.size() == 4);
        assertThat(statesAtB).containsExactly(RTCSignalingState.HAVE_LOCAL_OFFER, RTCSignalingState.STABLE,
                RTCSignalingState.HAVE_REMOTE_OFFER, RTCSignalingState.STABLE);
        await().atMost(WAIT).until(() -> tracksAtA.size() == 1 && tracksAtB.size() == 1);
        assertAudioFlows(tracksAtB.get(0).track(), 400, 480);
        assertAudioFlows(tracksAtA.get(0).track(), 940, 1060);
        assertThat(neededAtB.get()).as("once for addTrack; a's offer carried b's track, nothing is left")
                .isEqualTo(1);
    }

    @Test
    void videoAddedMidCallIsNegotiatedFromNegotiationNeededAlone() throws Exception {
        audioCall();
        a.onNegotiationNeeded(() -> java.util.concurrent.CompletableFuture.runAsync(() -> renegotiate(a, b)));
        BufferedTrack video = new BufferedTrack(MediaKind.VIDEO, 64);
        a.addTrack(video);
        await().atMost(WAIT).until(() -> tracksAtB.size() == 2);
        await().atMost(WAIT).until(() -> a.getSignalingState() == RTCSignalingState.STABLE
                && transceiver(a, "1") != null && transceiver(a, "1").getCurrentDirection() != null);
        assertVideoFlows(video, tracksAtB.get(1).track());
    }

    // ---------------------------------------------------------------- helpers

    /** a sends 440 Hz and b 1000 Hz over one sendrecv audio m-line; both tracks arrived. */
    private void audioCall() {
        a.addTrack(new ToneAudioTrack(440, 8000));
        await(a.setLocalDescription());
        await(a.gatheringComplete());
        await(b.setRemoteDescription(a.getLocalDescription()));
        await().atMost(WAIT).until(() -> tracksAtB.size() == 1);
        b.addTrack(new ToneAudioTrack(1000, 8000));
        await(b.setLocalDescription());
        await(b.gatheringComplete());
        await(a.setRemoteDescription(b.getLocalDescription()));
        await().atMost(WAIT).until(() -> tracksAtA.size() == 1);
        await().atMost(WAIT).until(() -> a.getConnectionState() == RTCPeerConnectionState.CONNECTED);
    }

    private static void renegotiate(RTCPeerConnection offerer, RTCPeerConnection answerer) {
        await(offerer.setLocalDescription());
        await(answerer.setRemoteDescription(offerer.getLocalDescription()));
        await(answerer.setLocalDescription());
        await(offerer.setRemoteDescription(answerer.getLocalDescription()));
    }

    /** A keyframe and a few more frames go in; the same bytes come out in order. */
    private static void assertVideoFlows(BufferedTrack source, MediaStreamTrack received) throws Exception {
        for (int i = 0; i < 5; i++) {
            byte[] data = new byte[1200 + 700 * i];
            java.util.Arrays.fill(data, (byte) (i + 1));
            data[0] = (byte) (i == 0 ? 0x10 : 0x11);
            source.push(new EncodedFrame("video/VP8", 90_000, data, 3000L * i, i == 0));
        }
        byte[] first = null;
        for (int i = 0; i < 5; i++) {
            Frame frame = received.recv().get(10, TimeUnit.SECONDS);
            assertThat(frame).isInstanceOf(EncodedFrame.class);
            if (first == null) {
                first = ((EncodedFrame) frame).data();
            }
        }
        assertThat(first).hasSize(1200);
    }

    /** A second of the received audio has the tone the other side sends. */
    private static void assertAudioFlows(MediaStreamTrack track, double low, double high) throws Exception {
        assertThat(track.recv().get(10, TimeUnit.SECONDS)).isInstanceOf(AudioFrame.class);
        assertThat(AudioMeasurements.dominantFrequency(track)).isBetween(low, high);
    }

    private static long packetsSent(RTCPeerConnection pc, String mid) {
        for (RTCStats s : await(pc.getStats()).ofType("outbound-rtp")) {
            if (mid.equals(s.get("mid"))) {
                return (Long) s.get("packetsSent");
            }
        }
        return 0;
    }
}
