package io.jrtc.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.media.MediaClock;
import io.jrtc.media.VideoStreamTrack;
import io.jrtc.pc.RTCRtpSender;
import io.jrtc.pc.RTCRtpTransceiver;
import io.jrtc.pc.RTCRtpTransceiverDirection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Raw pictures that jrtc encodes and packetizes itself, decoded by Chromium: a 640x480 moving test pattern sent in
 * VP9 profile 0 (RFC 9628, non-flexible mode with picture ids and the scalability structure on keyframes) or AV1
 * (the AV1 RTP specification's aggregation header, temporal delimiters dropped, the sequence header on keyframes).
 * jrtc offers only that codec and sends; Chromium answers and receives.
 */
class RawVideoChromiumTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"VP9", "AV1"})
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void chromiumDecodesTheEncodedTestPattern(String codec) throws Exception {
        try (ChromiumPeer chromium = new ChromiumPeer(); JrtcPeer jrtc = new JrtcPeer()) {
            try {
                VideoStreamTrack pattern = VideoStreamTrack.testPattern(MediaClock.system(), WIDTH, HEIGHT, 30);
                RTCRtpTransceiver transceiver = jrtc.peerConnection().addTransceiver(pattern,
                        RTCRtpTransceiverDirection.SENDONLY);
                transceiver.setCodecPreferences(RTCRtpSender.getCapabilities("video").codecs().stream()
                        .filter(c -> c.mimeType().equalsIgnoreCase("video/" + codec)
                                && !"2".equals(c.parameters().get("profile-id")))
                        .toList());
                String answer = chromium.acceptOffer(jrtc.createOffer());
                jrtc.acceptAnswer(answer);
                assertThat(answer).contains(codec + "/90000").contains("a=recvonly");
                jrtc.awaitConnectionState("connected", WAIT);
                await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    ScriptedPeer.VideoReport video = chromium.videoStats();
                    assertThat(video.framesDecoded()).isGreaterThanOrEqualTo(30);
                    assertThat(video.width()).isEqualTo(WIDTH);
                    assertThat(video.height()).isEqualTo(HEIGHT);
                });
                ScriptedPeer.VideoReport video = chromium.videoStats();
                System.out.printf("{\"rawVideoToChromium\":\"%s\",\"framesDecoded\":%d,\"width\":%d,\"height\":%d}%n",
                        codec, video.framesDecoded(), video.width(), video.height());
                pattern.stop();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n--- log of chromium ---\n"
                        + String.join("\n", chromium.log()) + "\n--- log of jrtc ---\n"
                        + String.join("\n", jrtc.log()), e);
            }
        }
    }
}
