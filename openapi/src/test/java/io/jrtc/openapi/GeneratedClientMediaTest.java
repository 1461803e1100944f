package io.jrtc.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.jrtc.media.AudioFrame;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.ToneAudioTrack;
import io.jrtc.openapi.client.ApiClient;
import io.jrtc.openapi.client.api.PeerConnectionsApi;
import io.jrtc.openapi.client.model.AddTransceiver;
import io.jrtc.openapi.client.model.CreatePeerConnection;
import io.jrtc.openapi.client.model.SessionDescription;
import io.jrtc.openapi.client.model.Transceiver;
import io.jrtc.openapi.client.model.TransceiverRoute;
import io.jrtc.openapi.client.model.TransceiverSource;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCIceGatheringState;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RTCRtpTransceiverDirection;
import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import io.jrtc.sample.SampleServiceApplication;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The generated client routes media between two REST-managed connections: a Java peer sends a tone to the first,
 * whose transceiver is routed by REST to the second's sender, and a second Java peer hears the tone at its
 * frequency; ending the route silences the second sender.
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true", "rtc.events.stats-interval=0",
                "rtc.udp.port=0", "rtc.tcp.port=0" })
class GeneratedClientMediaTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final double TONE_HZ = 700;

    @LocalServerPort
    int port;

    private PeerConnectionsApi api;
    private RtcEngine peers;

    @BeforeEach
    void client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        api = new PeerConnectionsApi(client);
        peers = RtcEngine.create(RtcEngineSettings.defaults().withIncludeLoopback(true));
    }

    @AfterEach
    void close() {
        peers.close();
    }

    @Test
    void aForwardRouteCarriesOneConnectionsAudioToAnother() throws Exception {
        RTCPeerConnection speaker = peers.newPeerConnection(new RTCConfiguration());
        speaker.addTransceiver(new ToneAudioTrack(TONE_HZ, 8000), RTCRtpTransceiverDirection.SENDONLY);
        String from = api.createPeerConnection(new CreatePeerConnection()).getId();
        offerTo(speaker, from);

        RTCPeerConnection listener = peers.newPeerConnection(new RTCConfiguration());
        CompletableFuture<MediaStreamTrack> heard = new CompletableFuture<>();
        listener.onTrack(event -> heard.complete(event.track()));
        String to = api.createPeerConnection(new CreatePeerConnection()).getId();
        Transceiver target = api.addTransceiver(to, new AddTransceiver().kind(AddTransceiver.KindEnum.AUDIO).direction("sendonly"));
        answerFrom(listener, to);

        await().atMost(TIMEOUT).until(() -> speaker.getConnectionState() == RTCPeerConnectionState.CONNECTED
                && listener.getConnectionState() == RTCPeerConnectionState.CONNECTED);
        Transceiver source = api.listTransceivers(from).get(0);
        assertThat(source.getCurrentDirection()).isEqualTo("recvonly");
        Transceiver routed = api.setTransceiverRoute(from, source.getTransceiverId(), new TransceiverRoute()
                .type(TransceiverRoute.TypeEnum.FORWARD).peerConnectionId(to).transceiverId(target.getTransceiverId()));
        assertThat(routed.getRoute().getPeerConnectionId()).isEqualTo(to);
        Transceiver fed = api.getTransceiver(to, target.getTransceiverId());
        assertThat(fed.getSource().getType()).isEqualTo(TransceiverSource.TypeEnum.FORWARD);
        assertThat(fed.getSource().getPeerConnectionId()).isEqualTo(from);

        double frequency = dominantFrequency(heard.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        assertThat(frequency).isBetween(TONE_HZ - 15, TONE_HZ + 15);

        api.clearTransceiverRoute(from, source.getTransceiverId());
        assertThat(api.getTransceiver(to, target.getTransceiverId()).getSource()).isNull();
    }

    @Test
    void aTestPatternSourceIsEncodedForThePeer() throws Exception {
        RTCPeerConnection viewer = peers.newPeerConnection(new RTCConfiguration());
        CompletableFuture<MediaStreamTrack> received = new CompletableFuture<>();
        viewer.onTrack(event -> received.complete(event.track()));
        String id = api.createPeerConnection(new CreatePeerConnection()).getId();
        Transceiver pattern = api.addTransceiver(id, new AddTransceiver().kind(AddTransceiver.KindEnum.VIDEO)
                .direction("sendonly").addCodecsItem("video/VP8").source(new TransceiverSource()
                        .type(TransceiverSource.TypeEnum.TEST_PATTERN).width(320).height(240)));
        assertThat(pattern.getSource().getWidth()).isEqualTo(320);
        answerFrom(viewer, id);

        MediaStreamTrack track = received.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        EncodedFrame first = null;
        for (int frames = 0; frames < 30; frames++) {
            EncodedFrame frame = (EncodedFrame) track.recv().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (first == null && frame.keyframe()) {
                first = frame;
            }
        }
        assertThat(first).as("a keyframe among the first 30 frames").isNotNull();
        // A VP8 keyframe's header carries its 14-bit width and height (RFC 6386 section 9.1).
        byte[] data = first.data();
        assertThat((data[6] & 0xff | (data[7] & 0xff) << 8) & 0x3fff).isEqualTo(320);
        assertThat((data[8] & 0xff | (data[9] & 0xff) << 8) & 0x3fff).isEqualTo(240);
    }

    /** The peer offers with every candidate; the server answers with all of its own. */
    private void offerTo(RTCPeerConnection peer, String id) throws Exception {
        peer.setLocalDescription(peer.createOffer().get(10, TimeUnit.SECONDS)).get(10, TimeUnit.SECONDS);
        gathered(peer);
        SessionDescription answer = api.acceptOffer(id,
                new SessionDescription().type("offer").sdp(peer.getLocalDescription().sdp()), true);
        peer.setRemoteDescription(new RTCSessionDescription(answer.getSdp(), RTCSdpType.ANSWER))
                .get(10, TimeUnit.SECONDS);
    }

    /** The server offers with every candidate; the peer answers with all of its own. */
    private void answerFrom(RTCPeerConnection peer, String id) throws Exception {
        SessionDescription offer = api.createOffer(id, true);
        peer.setRemoteDescription(new RTCSessionDescription(offer.getSdp(), RTCSdpType.OFFER))
                .get(10, TimeUnit.SECONDS);
        peer.setLocalDescription(peer.createAnswer().get(10, TimeUnit.SECONDS)).get(10, TimeUnit.SECONDS);
        gathered(peer);
        api.acceptAnswer(id, new SessionDescription().type("answer").sdp(peer.getLocalDescription().sdp()));
    }

    private static void gathered(RTCPeerConnection peer) {
        await().atMost(TIMEOUT).until(() -> peer.getIceGatheringState() == RTCIceGatheringState.COMPLETE);
    }

    /** The frequency of a second of the track's audio, from its zero crossings (a pure tone crosses twice a cycle). */
    private static double dominantFrequency(MediaStreamTrack track) throws Exception {
        List<AudioFrame> frames = new ArrayList<>();
        double seconds = 0;
        // Skip the first half second: the route may start mid-frame and the decoder settles.
        while (seconds < 1.5) {
            AudioFrame frame = (AudioFrame) track.recv().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (frame.rmsLevel() > 0.01) {
                frames.add(frame);
                seconds += (double) frame.samplesPerChannel() / frame.sampleRate();
            }
        }
        int crossings = 0;
        double counted = 0;
        short previous = 0;
        for (AudioFrame frame : frames.subList(frames.size() / 3, frames.size())) {
            for (int i = 0; i < frame.samplesPerChannel(); i++) {
                short sample = frame.samples()[i * frame.channels()];
                if ((previous < 0) != (sample < 0)) {
                    crossings++;
                }
                previous = sample;
            }
            counted += (double) frame.samplesPerChannel() / frame.sampleRate();
        }
        return crossings / 2.0 / counted;
    }
}
