package io.jrtc.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.pc.RTCAudioPlayoutStats;
import io.jrtc.pc.RTCCodecStats;
import io.jrtc.pc.RTCInboundRtpStreamStats;
import io.jrtc.pc.RTCMediaSourceStats;
import io.jrtc.pc.RTCOutboundRtpStreamStats;
import io.jrtc.pc.RTCStatsReport;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Audio both ways between jrtc and a real peer (aiortc, headless Chromium), jrtc as offerer and as answerer: each
 * side sends a tone of its own frequency as Opus over DTLS-SRTP, and each hears the other's tone.
 */
class AudioInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final double JRTC_TONE = 440;
    private static final double PEER_TONE = 1000;

    static java.util.stream.Stream<Arguments> peers() {
        Supplier<InteropPeer> aiortc = AiortcPeer::new;
        Supplier<InteropPeer> chromium = ChromiumPeer::new;
        return java.util.stream.Stream.of(
                Arguments.of("aiortc", aiortc, true), Arguments.of("aiortc", aiortc, false),
                Arguments.of("chromium", chromium, true), Arguments.of("chromium", chromium, false));
    }

    @ParameterizedTest(name = "{0}, jrtc offers: {2}")
    @MethodSource("peers")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void tonesCrossBothWays(String name, Supplier<InteropPeer> peerFactory, boolean jrtcOffers) throws Exception {
        try (InteropPeer other = peerFactory.get(); JrtcPeer jrtc = new JrtcPeer()) {
            try {
                InteropPeer offerer = jrtcOffers ? jrtc : other;
                InteropPeer answerer = jrtcOffers ? other : jrtc;
                jrtc.addToneTrack(JRTC_TONE);
                other.addToneTrack(PEER_TONE);
                String offer = offerer.createOffer();
                String answer = answerer.acceptOffer(offer);
                offerer.acceptAnswer(answer);
                assertThat(answer).contains("m=audio").contains("opus/48000/2").contains("a=sendrecv");

                offerer.awaitConnectionState("connected", WAIT);
                answerer.awaitConnectionState("connected", WAIT);
                double heardByJrtc = jrtc.awaitAudioFrequency(WAIT);
                double heardByPeer = other.awaitAudioFrequency(WAIT);
                System.out.printf("%s, jrtc offers %s: jrtc heard %.1f Hz, %s heard %.1f Hz%n", name, jrtcOffers,
                        heardByJrtc, name, heardByPeer);
                assertThat(heardByJrtc).isBetween(PEER_TONE * 0.95, PEER_TONE * 1.05);
                assertThat(heardByPeer).isBetween(JRTC_TONE * 0.95, JRTC_TONE * 1.05);
                assertAudioStats(jrtc);
                if (name.equals("chromium")) {
                    // Chromium marks its packets with their level (RFC 6464): a quarter-gain sine, about -15 dBov
                    assertThat(jrtc.peerConnection().getReceivers().get(0).getSynchronizationSources())
                            .singleElement().satisfies(source -> assertThat(source.audioLevel()).isBetween(0.1, 0.3));
                }
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + logs(other, jrtc), e);
            }
        }
    }

    /**
     * What jrtc's stats say of both tones (issue 11): the peer's arrives as Opus with its jitter buffer counted in
     * samples and its playout being what the frequency measurement read; ours has a source with a level and an
     * encoder target within Opus's range.
     */
    private static void assertAudioStats(JrtcPeer jrtc) throws Exception {
        RTCStatsReport report = jrtc.peerConnection().getStats().get(5, TimeUnit.SECONDS);
        RTCInboundRtpStreamStats inbound = (RTCInboundRtpStreamStats) report.ofType("inbound-rtp").get(0);
        System.out.println("jrtc inbound-rtp: " + inbound + "\njrtc media-playout: " + report.ofType("media-playout"));
        assertThat(inbound.getJitterBufferEmittedCount()).isPositive();
        assertThat(inbound.getJitterBufferDelay() / inbound.getJitterBufferEmittedCount()).isBetween(0.0, 1.0);
        assertThat(report.get(inbound.getCodecId())).isInstanceOfSatisfying(RTCCodecStats.class,
                codec -> assertThat(codec.getMimeType()).isEqualToIgnoringCase("audio/opus"));
        assertThat(report.get((String) inbound.get("playoutId"))).isInstanceOfSatisfying(RTCAudioPlayoutStats.class,
                playout -> assertThat(playout.getTotalSamplesDuration()).isPositive());
        RTCOutboundRtpStreamStats outbound = (RTCOutboundRtpStreamStats) report.ofType("outbound-rtp").get(0);
        assertThat(outbound.getTargetBitrate()).isBetween(6_000.0, 64_000.0);
        assertThat(report.get(outbound.getMediaSourceId())).isInstanceOfSatisfying(RTCMediaSourceStats.class,
                source -> assertThat((Double) source.get("audioLevel")).isPositive());
    }

    private static String logs(InteropPeer... peers) {
        StringBuilder text = new StringBuilder();
        for (InteropPeer peer : peers) {
            text.append("\n--- log of ").append(peer.name()).append(" ---\n");
            peer.log().forEach(line -> text.append(line).append('\n'));
        }
        return text.toString();
    }
}
