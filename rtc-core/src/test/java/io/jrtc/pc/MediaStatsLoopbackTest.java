package io.jrtc.pc;

import static io.jrtc.pc.PeerPair.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.awaitility.Awaitility.await;

import io.jrtc.media.AudioFrame;
import io.jrtc.media.MediaClock;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.ToneAudioTrack;
import io.jrtc.media.VideoStreamTrack;
import io.jrtc.rtp.FullIntraRequest;
import io.jrtc.rtp.ReceiverReport;
import io.jrtc.rtp.RtcpCompound;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The stats of issue 11 between two of our peers on loopback: codec, media-source and media-playout objects and
 * the references to them, the frame and jitter-buffer members of inbound-rtp, the encoder's target in
 * outbound-rtp, and the ciphers of the transport.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MediaStatsLoopbackTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;

    @Test
    void aVp8PatternAndAToneShowTheirCodecsSourcesPlayoutAndCiphers() throws Exception {
        try (PeerPair pair = new PeerPair()) {
            VideoStreamTrack pattern = VideoStreamTrack.testPattern(MediaClock.system(), WIDTH, HEIGHT, 30);
            RTCRtpTransceiver video = pair.offerer.addTransceiver(pattern, RTCRtpTransceiverDirection.SENDONLY);
            video.setCodecPreferences(RTCRtpSender.getCapabilities("video").codecs().stream()
                    .filter(c -> c.mimeType().equalsIgnoreCase("video/VP8")).toList());
            ToneAudioTrack tone = new ToneAudioTrack(440, 8000);
            pair.offerer.addTransceiver(tone, RTCRtpTransceiverDirection.SENDONLY);
            List<MediaStreamTrack> remote = new ArrayList<>();
            pair.answerer.onTrack(event -> remote.add(event.track()));
            pair.negotiate();
            await().atMost(WAIT).until(() -> remote.size() == 2);
            MediaStreamTrack remoteAudio = remote.stream().filter(t -> t.getKind() == MediaKind.AUDIO).findFirst()
                    .orElseThrow();
            for (int i = 0; i < 50; i++) {  // the application plays out one second of the tone
                assertThat(remoteAudio.recv().get(10, TimeUnit.SECONDS)).isInstanceOf(AudioFrame.class);
            }

            await().atMost(WAIT).untilAsserted(() -> {
                RTCStatsReport received = await(pair.answerer.getStats());
                RTCInboundRtpStreamStats inbound = inbound(received, "video");
                assertThat(inbound.getFramesReceived()).isGreaterThan(30);
                assertThat(inbound.getKeyFramesReceived()).isPositive();
                assertThat(inbound.getFramesPerSecond()).isBetween(5.0, 60.0);
                assertThat(inbound.get("frameWidth")).isEqualTo((long) WIDTH);
                assertThat(inbound.get("frameHeight")).isEqualTo((long) HEIGHT);
                assertThat(inbound.get("firCount")).isEqualTo(0L);
                assertThat(inbound.getJitterBufferEmittedCount()).isPositive();
                // Each frame waits at least from its first packet to its last, never seconds on loopback.
                assertThat(inbound.getJitterBufferDelay() / inbound.getJitterBufferEmittedCount()).isBetween(0.0, 1.0);
                assertThat(received.get(inbound.getCodecId())).isInstanceOfSatisfying(RTCCodecStats.class, codec -> {
                    assertThat(codec.getMimeType()).isEqualToIgnoringCase("video/VP8");
                    assertThat(codec.getClockRate()).isEqualTo(90_000);
                    assertThat(codec.getTransportId()).isEqualTo(inbound.getTransportId());
                });

                RTCInboundRtpStreamStats audio = inbound(received, "audio");
                assertThat(audio.getJitterBufferEmittedCount()).isPositive();  // samples, for audio
                assertThat(received.get((String) audio.get("playoutId")))
                        .isInstanceOfSatisfying(RTCAudioPlayoutStats.class, playout -> {
                            assertThat(playout.getTotalSamplesCount()).isGreaterThanOrEqualTo(50 * 960);
                            assertThat(playout.getTotalSamplesDuration()).isGreaterThanOrEqualTo(1.0);
                        });
                assertThat(received.get(audio.getCodecId())).isInstanceOfSatisfying(RTCCodecStats.class, codec -> {
                    assertThat(codec.getMimeType()).isEqualTo("audio/opus");
                    assertThat(codec.getChannels()).isEqualTo(2);
                    assertThat(codec.getSdpFmtpLine()).contains("minptime=10");
                });
            });

            RTCStatsReport sent = await(pair.offerer.getStats());
            RTCOutboundRtpStreamStats outVideo = outbound(sent, "video");
            assertThat(sent.get(outVideo.getMediaSourceId())).isInstanceOfSatisfying(RTCMediaSourceStats.class, s -> {
                assertThat(s.getTrackIdentifier()).isEqualTo(pattern.getId());
                assertThat(s.get("width")).isEqualTo((long) WIDTH);
                assertThat(s.get("height")).isEqualTo((long) HEIGHT);
                assertThat(s.getFrames()).isGreaterThan(30);
            });
            // Without a cap the encoder's target is its default rate, so "bandwidth" means the estimate is below it.
            assertThat(outVideo.getTargetBitrate()).isPositive();
            assertThat(outVideo.getQualityLimitationReason())
                    .isEqualTo(outVideo.getTargetBitrate() < 1_500_000 ? "bandwidth" : "none");
            assertThat(outVideo.getFirCount()).isZero();
            assertThat(sent.get(outVideo.getCodecId())).isInstanceOf(RTCCodecStats.class);
            sendFullIntraRequest(pair.answerer, (int) outVideo.getSsrc());
            await().atMost(WAIT).until(() -> outbound(await(pair.offerer.getStats()), "video").getFirCount() == 1);

            RTCOutboundRtpStreamStats outAudio = outbound(sent, "audio");
            assertThat(outAudio.getTargetBitrate()).isBetween(6_000.0, 64_000.0);
            assertThat(outAudio.getQualityLimitationReason()).isNull();  // a video member
            assertThat(sent.get(outAudio.getMediaSourceId())).isInstanceOfSatisfying(RTCMediaSourceStats.class, s -> {
                assertThat(s.getKind()).isEqualTo("audio");
                // The tone's amplitude 8000 is an RMS of 0.17 of full scale.
                assertThat((Double) s.get("audioLevel")).isBetween(0.15, 0.2);
                assertThat(s.getTotalSamplesDuration()).isPositive();
                assertThat((Double) s.get("totalAudioEnergy"))
                        .isCloseTo(0.1727 * 0.1727 * s.getTotalSamplesDuration(), withinPercentage(10));
            });

            RTCTransportStats transport = (RTCTransportStats) sent.ofType("transport").get(0);
            assertThat(transport.getDtlsCipher()).startsWith("TLS_ECDHE_ECDSA_WITH_");
            assertThat(transport.getSrtpCipher()).startsWith("SRTP_");
            assertThat(transport.getTlsVersion()).isEqualTo("FEFD");
        }
    }

    /** A FIR (RFC 5104 §4.3.1) for {@code ssrc}, which our receivers never send: they ask with PLI. */
    private static void sendFullIntraRequest(RTCPeerConnection from, int ssrc) {
        RTCDtlsTransport transport = from.getTransceivers().get(0).getReceiver().getTransport();
        await(transport.core().context().onLoop(() -> {
            byte[] compound = new byte[256];
            int length = RtcpCompound.encode(List.of(new ReceiverReport(1, List.of()),
                    new FullIntraRequest(1, 0, List.of(new FullIntraRequest.Entry(ssrc, 1)))), compound, 0);
            transport.core().session().sendRtcp(compound, length);
            transport.core().context().pump().run();
            return null;
        }));
    }

    private static RTCInboundRtpStreamStats inbound(RTCStatsReport report, String kind) {
        return (RTCInboundRtpStreamStats) report.ofType("inbound-rtp").stream()
                .filter(s -> kind.equals(s.get("kind"))).findFirst().orElseThrow();
    }

    private static RTCOutboundRtpStreamStats outbound(RTCStatsReport report, String kind) {
        return (RTCOutboundRtpStreamStats) report.ofType("outbound-rtp").stream()
                .filter(s -> kind.equals(s.get("kind"))).findFirst().orElseThrow();
    }
}
