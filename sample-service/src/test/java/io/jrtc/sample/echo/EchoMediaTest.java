package io.jrtc.sample.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.jrtc.media.BufferedTrack;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RTCRtpTransceiver;
import io.jrtc.pc.RTCRtpTransceiverDirection;
import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import io.jrtc.sdp.MediaDescription;
import io.jrtc.sdp.SessionDescription;
import io.jrtc.sdp.media.RtpMediaSection;
import io.jrtc.sdp.media.RtpSource;
import io.jrtc.sdp.media.SsrcGroup;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Java peer sends coded video and audio to POST /echo and gets every frame back byte for byte on the same
 * transceivers (nothing decoded, not even the Opus), with the answer signalling what we send; a keyframe request
 * of the client's receiver reaches the client's own video source through the echo.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true" })
class EchoMediaTest {
    private static final int FRAMES = 30;
    private static final long TIMEOUT_SECONDS = 20;
    private static RtcEngine clientEngine;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startClientEngine() {
        clientEngine = RtcEngine.create(RtcEngineSettings.defaults().withIncludeLoopback(true));
    }

    @AfterAll
    static void stopClientEngine() {
        clientEngine.close();
    }

    @Test
    void videoAndOpusComeBackCodedAsTheyWereSentAndKeyframeRequestsReachTheSource() throws Exception {
        RTCPeerConnection client = clientEngine.newPeerConnection(new RTCConfiguration());
        try {
            BufferedTrack camera = new BufferedTrack(MediaKind.VIDEO, 64);
            BufferedTrack microphone = new BufferedTrack(MediaKind.AUDIO, 64);
            AtomicInteger keyframeRequests = new AtomicInteger();
            camera.onKeyframeRequest(keyframeRequests::incrementAndGet);
            RTCRtpTransceiver video = client.addTransceiver(camera, RTCRtpTransceiverDirection.SENDRECV);
            RTCRtpTransceiver audio = client.addTransceiver(microphone, RTCRtpTransceiverDirection.SENDRECV);
            audio.getReceiver().setAudioDecoding(false);
            Map<String, MediaStreamTrack> echoed = new ConcurrentHashMap<>();
            client.onTrack(event -> echoed.put(event.track().getKind().toString(), event.track()));

            String answer = postOffer(client);

            SessionDescription sdp = SessionDescription.parse(answer);
            for (RTCRtpTransceiver t : List.of(video, audio)) {
                RtpMediaSection section = RtpMediaSection.parse(sdp.mediaByMid(t.getMid()));
                assertThat(section.direction().attributeName()).isEqualTo("sendrecv");
                assertThat(section.msids()).hasSize(1);
                assertThat(section.sources()).isNotEmpty().allSatisfy(source -> {
                    assertThat(source.cname()).isNotBlank();
                    assertThat(source.msid()).isEqualTo(section.msids().get(0));
                });
            }
            RtpMediaSection videoSection = RtpMediaSection.parse(sdp.mediaByMid(video.getMid()));
            SsrcGroup fid = videoSection.ssrcGroups().get(0);
            assertThat(fid.semantics()).isEqualTo(SsrcGroup.FLOW_ID);
            assertThat(fid.ssrcs()).containsExactlyElementsOf(
                    videoSection.sources().stream().map(RtpSource::ssrc).toList());

            // The camera starts once the call is up: what a sender takes from its track before DTLS and SRTP are
            // ready is not sent, and this source, unlike an encoder, never answers the echo's keyframe request.
            org.awaitility.Awaitility.await().atMost(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .until(() -> client.getConnectionState() == RTCPeerConnectionState.CONNECTED);
            Random random = new Random(9);
            List<byte[]> videoSent = new ArrayList<>();
            List<byte[]> audioSent = new ArrayList<>();
            for (int i = 0; i < FRAMES; i++) {
                byte[] frame = new byte[500 + random.nextInt(4000)];
                random.nextBytes(frame);
                frame[0] = (byte) (i == 0 ? frame[0] & 0xFE : frame[0] | 0x01);  // VP8 P bit: a keyframe first
                videoSent.add(frame);
                camera.push(new EncodedFrame("video/VP8", 90_000, frame, 3000L * i, i == 0));
                byte[] opus = new byte[40 + random.nextInt(80)];
                random.nextBytes(opus);
                audioSent.add(opus);
                microphone.push(new EncodedFrame("audio/opus", 48_000, opus, 960L * i, true));
            }

            org.awaitility.Awaitility.await().atMost(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .until(() -> echoed.size() == 2);
            MediaStreamTrack videoBack = echoed.get("video");
            for (int i = 0; i < FRAMES; i++) {
                EncodedFrame frame = (EncodedFrame) videoBack.recv().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                assertThat(frame.mimeType()).isEqualToIgnoringCase("video/VP8");
                assertThat(frame.data()).as("video frame %d", i).isEqualTo(videoSent.get(i));
                assertThat(frame.timestamp()).isEqualTo(3000L * i);
                assertThat(frame.keyframe()).isEqualTo(i == 0);
            }
            MediaStreamTrack audioBack = echoed.get("audio");
            for (int i = 0; i < FRAMES; i++) {
                EncodedFrame frame = (EncodedFrame) audioBack.recv().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                assertThat(frame.mimeType()).isEqualToIgnoringCase("audio/opus");
                assertThat(frame.data()).as("audio frame %d", i).isEqualTo(audioSent.get(i));
            }

            int before = keyframeRequests.get();
            videoBack.requestKeyframe();  // the client's decoder lost its reference: PLI to the echo, PLI back
            org.awaitility.Awaitility.await().atMost(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .until(() -> keyframeRequests.get() > before);
        } finally {
            client.close().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aTrackTheClientOnlySendsIsReceivedAndNotSentBack() throws Exception {
        RTCPeerConnection client = clientEngine.newPeerConnection(new RTCConfiguration());
        try {
            RTCRtpTransceiver video = client.addTransceiver(new BufferedTrack(MediaKind.VIDEO, 4),
                    RTCRtpTransceiverDirection.SENDONLY);
            RTCRtpTransceiver wanted = client.addTransceiver("audio", RTCRtpTransceiverDirection.RECVONLY);

            SessionDescription sdp = SessionDescription.parse(postOffer(client));

            MediaDescription videoAnswer = sdp.mediaByMid(video.getMid());
            assertThat(videoAnswer.direction()).isEqualTo("recvonly");
            assertThat(RtpMediaSection.parse(videoAnswer).sources()).isEmpty();
            // Nothing to echo on an m-line the client sends nothing on.
            MediaDescription audioAnswer = sdp.mediaByMid(wanted.getMid());
            assertThat(audioAnswer.direction()).isEqualTo("inactive");
            assertThat(RtpMediaSection.parse(audioAnswer).sources()).isEmpty();
        } finally {
            client.close().get(5, TimeUnit.SECONDS);
        }
    }

    /** Offers with every candidate, POSTs it, applies the answer; returns the answer. */
    private String postOffer(RTCPeerConnection client) throws Exception {
        client.setLocalDescription(client.createOffer().get(10, TimeUnit.SECONDS)).get(10, TimeUnit.SECONDS);
        client.gatheringComplete().get(10, TimeUnit.SECONDS);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/echo"))
                .header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString(client.getLocalDescription().sdp())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        client.setRemoteDescription(new RTCSessionDescription(created.body(), RTCSdpType.ANSWER))
                .get(10, TimeUnit.SECONDS);
        return created.body();
    }
}
