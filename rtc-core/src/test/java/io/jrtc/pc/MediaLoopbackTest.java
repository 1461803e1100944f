package io.jrtc.pc;

import static io.jrtc.pc.PeerPair.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.media.AudioFrame;
import io.jrtc.media.AudioMeasurements;
import io.jrtc.media.BufferedTrack;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaRelay;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.ToneAudioTrack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two of our peer connections on loopback exchanging audio and video over one bundled DTLS-SRTP transport. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MediaLoopbackTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void toneTracksCrossBothWaysAsOpusAndDecodeToTheirFrequencies() throws Exception {
        try (PeerPair pair = new PeerPair()) {
            ToneAudioTrack low = new ToneAudioTrack(440, 8000);
            ToneAudioTrack high = new ToneAudioTrack(1000, 8000);
            CompletableFuture<RTCTrackEvent> atOfferer = new CompletableFuture<>();
            CompletableFuture<RTCTrackEvent> atAnswerer = new CompletableFuture<>();
            pair.offerer.onTrack(atOfferer::complete);
            pair.answerer.onTrack(atAnswerer::complete);
            pair.offerer.addTrack(low);

            await(pair.offerer.setLocalDescription());
            await(pair.offerer.gatheringComplete());
            await(pair.answerer.setRemoteDescription(pair.offerer.getLocalDescription()));
            RTCTrackEvent incoming = atAnswerer.get(5, TimeUnit.SECONDS);
            assertThat(incoming.transceiver().getMid()).isEqualTo("0");
            pair.answerer.addTrack(high);  // takes the transceiver the offer created
            assertThat(pair.answerer.getTransceivers()).hasSize(1);
            await(pair.answerer.setLocalDescription());
            await(pair.answerer.gatheringComplete());
            await(pair.offerer.setRemoteDescription(pair.answerer.getLocalDescription()));

            assertThat(pair.answerer.getLocalDescription().sdp()).contains("m=audio 9 UDP/TLS/RTP/SAVPF 111")
                    .contains("a=sendrecv").contains("a=rtpmap:111 opus/48000/2");
            RTCTrackEvent back = atOfferer.get(5, TimeUnit.SECONDS);
            assertThat(back.track().getKind()).isEqualTo(MediaKind.AUDIO);
            assertThat(pair.offerer.getTransceivers().get(0).getCurrentDirection())
                    .isEqualTo(RTCRtpTransceiverDirection.SENDRECV);

            assertThat(AudioMeasurements.dominantFrequency(incoming.track())).isBetween(400.0, 480.0);
            assertThat(AudioMeasurements.dominantFrequency(back.track())).isBetween(940.0, 1060.0);

            RTCStatsReport stats = await(pair.offerer.getStats());
            RTCOutboundRtpStreamStats outbound = (RTCOutboundRtpStreamStats) stats.ofType("outbound-rtp").get(0);
            RTCInboundRtpStreamStats inbound = (RTCInboundRtpStreamStats) stats.ofType("inbound-rtp").get(0);
            assertThat(outbound.getPacketsSent()).isPositive();
            assertThat(outbound.get("mimeType")).isEqualTo("audio/opus");
            assertThat(outbound.getTrackId()).isEqualTo(low.getId());
            assertThat(inbound.getPacketsReceived()).isPositive();
            assertThat(inbound.getKind()).isEqualTo("audio");
            assertThat(inbound.getPacketsLost()).isZero();
            // The tone's level: amplitude 8000 is an RMS of 0.17 of full scale, -15 dBov (RFC 6464 on the wire).
            assertThat((Double) inbound.get("audioLevel")).isBetween(0.12, 0.24);
            assertThat(pair.offerer.getReceivers().get(0).getSynchronizationSources()).singleElement()
                    .satisfies(source -> assertThat(source.audioLevel()).isBetween(0.15, 0.2));

            // Once RTCP reports crossed: what the remote says of our stream, and of its own.
            await().atMost(WAIT).untilAsserted(() -> {
                RTCStatsReport later = await(pair.offerer.getStats());
                assertThat(later.ofType("remote-inbound-rtp")).singleElement().satisfies(remote -> {
                    RTCRemoteInboundRtpStreamStats r = (RTCRemoteInboundRtpStreamStats) remote;
                    assertThat(r.getSsrc()).isEqualTo(outbound.getSsrc());
                    assertThat(r.getRoundTripTime()).isBetween(0.0, 0.5);
                    assertThat(r.getPacketsLost()).isZero();
                });
                assertThat(later.ofType("remote-outbound-rtp")).singleElement().satisfies(remote ->
                        assertThat(((RTCRemoteOutboundRtpStreamStats) remote).getPacketsSent()).isPositive());
            });
        }
    }

    @Test
    void codedVideoFramesArriveByteForByteAsARelayForwardsThem() throws Exception {
        try (PeerPair pair = new PeerPair()) {
            BufferedTrack source = new BufferedTrack(MediaKind.VIDEO, 256);
            pair.offerer.addTransceiver(source, RTCRtpTransceiverDirection.SENDONLY);
            CompletableFuture<RTCTrackEvent> arrived = new CompletableFuture<>();
            pair.answerer.onTrack(arrived::complete);
            pair.negotiate();
            MediaStreamTrack received = arrived.get(5, TimeUnit.SECONDS).track();
            assertThat(pair.answerer.getLocalDescription().sdp()).contains("a=recvonly");
            await().atMost(WAIT).until(() -> pair.offerer.getConnectionState() == RTCPeerConnectionState.CONNECTED);

            Random random = new Random(7);
            List<byte[]> sent = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                byte[] frame = new byte[500 + random.nextInt(6000)];  // up to six RTP packets each
                random.nextBytes(frame);
                frame[0] = (byte) (i == 0 ? frame[0] & 0xFE : frame[0] | 0x01);  // VP8 P bit: a keyframe first
                sent.add(frame);
                source.push(new EncodedFrame("video/VP8", 90_000, frame, 3000L * i, i == 0));
            }
            for (int i = 0; i < sent.size(); i++) {
                Frame frame = received.recv().get(10, TimeUnit.SECONDS);
                assertThat(frame).isInstanceOf(EncodedFrame.class);
                EncodedFrame coded = (EncodedFrame) frame;
                assertThat(coded.mimeType()).isEqualToIgnoringCase("video/VP8");
                assertThat(coded.data()).as("frame %d", i).isEqualTo(sent.get(i));
                assertThat(coded.timestamp()).isEqualTo(3000L * i);
                assertThat(coded.keyframe()).isEqualTo(i == 0);
            }
        }
    }

    @Test
    void aCodedFrameGoesOutWithTheNegotiatedCodecOfItsFormat() throws Exception {
        try (PeerPair pair = new PeerPair()) {
            BufferedTrack source = new BufferedTrack(MediaKind.VIDEO, 16);
            pair.offerer.addTransceiver(source, RTCRtpTransceiverDirection.SENDONLY);
            CompletableFuture<RTCTrackEvent> arrived = new CompletableFuture<>();
            pair.answerer.onTrack(arrived::complete);
            pair.negotiate();
            MediaStreamTrack received = arrived.get(5, TimeUnit.SECONDS).track();
            await().atMost(WAIT).until(() -> pair.offerer.getConnectionState() == RTCPeerConnectionState.CONNECTED);

            // An H.264 IDR access unit (Annex B) and then a VP8 keyframe: VP8 is preferred, H.264 negotiated too.
            byte[] h264 = {0, 0, 0, 1, 0x67, 0x42, (byte) 0xe0, 0x1f, (byte) 0x8d, 0x68, 0x05,  // SPS
                0, 0, 0, 1, 0x68, (byte) 0xce, 0x3c, (byte) 0x80,                                  // PPS
                0, 0, 0, 1, 0x65, (byte) 0x88, (byte) 0x84, 0x00, (byte) 0xff};                    // IDR slice
            byte[] vp8 = {0x10, 0x02, 0x00, (byte) 0x9d, 0x01, 0x2a};
            source.push(new EncodedFrame("video/H264", 90_000, h264, 0, true));
            source.push(new EncodedFrame("video/VP8", 90_000, vp8, 3000, true));
            EncodedFrame first = (EncodedFrame) received.recv().get(10, TimeUnit.SECONDS);
            EncodedFrame second = (EncodedFrame) received.recv().get(10, TimeUnit.SECONDS);
            assertThat(first.mimeType()).isEqualToIgnoringCase("video/H264");
            assertThat(first.data()).isEqualTo(h264);
            assertThat(second.mimeType()).isEqualToIgnoringCase("video/VP8");
            assertThat(second.data()).isEqualTo(vp8);
        }
    }

    @Test
    void audioCanBeReceivedCodedAndForwardedWithoutReencoding() throws Exception {
        try (PeerPair pair = new PeerPair()) {
            pair.offerer.addTrack(new ToneAudioTrack(440, 8000));
            CompletableFuture<RTCTrackEvent> echoed = new CompletableFuture<>();
            pair.offerer.onTrack(echoed::complete);
            // The answerer sends back what it receives, as an SFU would: Opus packets, not PCM. addTrack (not
            // addTransceiver) makes the transceiver the remote offer's m-line takes (RFC 8829 §5.10).
            RTCRtpSender placeholder = pair.answerer.addTrack(new BufferedTrack(MediaKind.AUDIO, 1));
            RTCRtpTransceiver echo = pair.answerer.getTransceivers().get(0);
            MediaRelay relay = new MediaRelay();
            CompletableFuture<MediaStreamTrack> coded = new CompletableFuture<>();
            pair.answerer.onTrack(event -> {
                event.receiver().setAudioDecoding(false);
                placeholder.replaceTrack(relay.subscribe(event.track()));
                coded.complete(relay.subscribe(event.track()));
            });
            pair.negotiate();
            assertThat(echo.getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.SENDRECV);

            Frame first = coded.get(5, TimeUnit.SECONDS).recv().get(10, TimeUnit.SECONDS);
            assertThat(first).isInstanceOfSatisfying(EncodedFrame.class,
                    frame -> assertThat(frame.mimeType()).isEqualToIgnoringCase("audio/opus"));
            assertThat(AudioMeasurements.dominantFrequency(echoed.get(5, TimeUnit.SECONDS).track()))
                    .isBetween(400.0, 480.0);
        }
    }

    @Test
    void replaceTrackTakesOverFromATrackThatHasNothingToGive() throws Exception {
        try (PeerPair pair = new PeerPair()) {
            BufferedTrack silent = new BufferedTrack(MediaKind.AUDIO, 4);  // never pushed to: its recv() waits
            RTCRtpSender sender = pair.offerer.addTrack(silent);
            CompletableFuture<RTCTrackEvent> arrived = new CompletableFuture<>();
            pair.answerer.onTrack(arrived::complete);
            pair.negotiate();
            await().atMost(WAIT).until(() -> pair.offerer.getConnectionState() == RTCPeerConnectionState.CONNECTED);

            ToneAudioTrack tone = new ToneAudioTrack(440, 8000);
            await(sender.replaceTrack(tone));
            assertThat(sender.getTrack()).isSameAs(tone);
            assertThat(AudioMeasurements.dominantFrequency(arrived.get(5, TimeUnit.SECONDS).track()))
                    .isBetween(400.0, 480.0);
            assertThat(sender.replaceTrack(new BufferedTrack(MediaKind.VIDEO, 1)))
                    .failsWithin(Duration.ofSeconds(5)).withThrowableOfType(Exception.class)
                    .withCauseInstanceOf(TypeError.class);
        }
    }

    @Test
    void anOffererAcceptsEveryCodecItOfferedEvenOnesTheAnswerLeftOut() throws Exception {
        try (PeerPair pair = new PeerPair()) {
            BufferedTrack source = new BufferedTrack(MediaKind.VIDEO, 16);
            pair.answerer.addTrack(source);
            CompletableFuture<RTCTrackEvent> arrived = new CompletableFuture<>();
            pair.offerer.onTrack(arrived::complete);
            pair.offerer.addTransceiver("video", RTCRtpTransceiverDirection.RECVONLY);
            await(pair.offerer.setLocalDescription());
            await(pair.offerer.gatheringComplete());
            await(pair.answerer.setRemoteDescription(pair.offerer.getLocalDescription()));
            await(pair.answerer.setLocalDescription());
            await(pair.answerer.gatheringComplete());
            // As Chromium does with codec preferences: its answer leaves VP8 out, its sender still uses VP8.
            String answer = pair.answerer.getLocalDescription().sdp()
                    .replace(" UDP/TLS/RTP/SAVPF 96 97 ", " UDP/TLS/RTP/SAVPF ")
                    .replaceAll("a=(rtpmap|rtcp-fb|fmtp):9[67] [^\r\n]*\r\n", "");
            assertThat(answer).doesNotContain("VP8");
            await(pair.offerer.setRemoteDescription(new RTCSessionDescription(answer, RTCSdpType.ANSWER)));
            MediaStreamTrack received = arrived.get(5, TimeUnit.SECONDS).track();
            await().atMost(WAIT).until(() -> pair.offerer.getConnectionState() == RTCPeerConnectionState.CONNECTED);

            byte[] vp8 = {0x10, 0x02, 0x00, (byte) 0x9d, 0x01, 0x2a};
            source.push(new EncodedFrame("video/VP8", 90_000, vp8, 0, true));
            EncodedFrame frame = (EncodedFrame) received.recv().get(10, TimeUnit.SECONDS);
            assertThat(frame.mimeType()).isEqualToIgnoringCase("video/VP8");
            assertThat(frame.data()).isEqualTo(vp8);
        }
    }

    @Test
    void aDisabledAudioTrackSendsSilence() throws Exception {
        try (PeerPair pair = new PeerPair()) {
            ToneAudioTrack tone = new ToneAudioTrack(440, 8000);
            tone.setEnabled(false);
            pair.offerer.addTrack(tone);
            CompletableFuture<RTCTrackEvent> arrived = new CompletableFuture<>();
            pair.answerer.onTrack(arrived::complete);
            pair.negotiate();
            MediaStreamTrack received = arrived.get(5, TimeUnit.SECONDS).track();
            int loudest = 0;
            for (int i = 0; i < 25; i++) {
                AudioFrame frame = (AudioFrame) received.recv().get(10, TimeUnit.SECONDS);
                for (short sample : frame.samples()) {
                    loudest = Math.max(loudest, Math.abs(sample));
                }
            }
            assertThat(loudest).isLessThan(100);  // frames keep coming, carrying silence instead of the tone
        }
    }

    @Test
    void lostVideoPacketsAreNackedAndResentOnTheRtxStream() throws Exception {
        AtomicInteger mediaPackets = new AtomicInteger();
        // Every 7th VP8 packet from the offerer is lost; RTX (another payload type) and everything else pass.
        try (PeerPair pair = new PeerPair(); LossyUdpProxy proxy = new LossyUdpProxy(datagram -> datagram.length > 12
                && (datagram[0] & 0xC0) == 0x80 && (datagram[1] & 0x7F) == 96
                && mediaPackets.incrementAndGet() % 7 == 0)) {
            BufferedTrack source = new BufferedTrack(MediaKind.VIDEO, 256);
            pair.offerer.addTransceiver(source, RTCRtpTransceiverDirection.SENDONLY);
            CompletableFuture<RTCTrackEvent> arrived = new CompletableFuture<>();
            pair.answerer.onTrack(arrived::complete);
            await(pair.offerer.setLocalDescription());
            await(pair.offerer.gatheringComplete());
            String offer = proxy.rewriteOffer(pair.offerer.getLocalDescription().sdp());
            assertThat(offer).contains("a=ssrc-group:FID ").contains("a=rtpmap:97 rtx/90000");
            await(pair.answerer.setRemoteDescription(new RTCSessionDescription(offer, RTCSdpType.OFFER)));
            await(pair.answerer.setLocalDescription());
            await(pair.answerer.gatheringComplete());
            String answer = proxy.rewriteAnswer(pair.answerer.getLocalDescription().sdp());
            await(pair.offerer.setRemoteDescription(new RTCSessionDescription(answer, RTCSdpType.ANSWER)));
            MediaStreamTrack received = arrived.get(5, TimeUnit.SECONDS).track();
            await().atMost(WAIT).until(() -> pair.offerer.getConnectionState() == RTCPeerConnectionState.CONNECTED);

            Random random = new Random(11);
            List<byte[]> sent = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                byte[] frame = new byte[500 + random.nextInt(4000)];
                random.nextBytes(frame);
                frame[0] = (byte) (i == 0 ? frame[0] & 0xFE : frame[0] | 0x01);
                sent.add(frame);
                source.push(new EncodedFrame("video/VP8", 90_000, frame, 3000L * i, i == 0));
                Thread.sleep(5);  // a camera's pace, compressed: recovery needs the stream to keep moving
            }
            for (int i = 0; i < sent.size(); i++) {
                EncodedFrame coded = (EncodedFrame) received.recv().get(10, TimeUnit.SECONDS);
                assertThat(coded.data()).as("frame %d", i).isEqualTo(sent.get(i));
            }
            assertThat(proxy.dropped()).isGreaterThan(5);
            RTCStats inbound = await(pair.answerer.getStats()).ofType("inbound-rtp").get(0);
            RTCStats outbound = await(pair.offerer.getStats()).ofType("outbound-rtp").get(0);
            assertThat((Long) inbound.get("nackCount")).isPositive();
            assertThat((Long) inbound.get("retransmittedPacketsReceived")).isGreaterThanOrEqualTo(proxy.dropped());
            assertThat((Long) outbound.get("retransmittedPacketsSent")).isGreaterThanOrEqualTo(proxy.dropped());
        }
    }

    @Test
    void aKeyframeRequestThroughARelayReachesTheRemoteSendersSourceAsAPli() throws Exception {
        try (PeerPair pair = new PeerPair()) {
            BufferedTrack source = new BufferedTrack(MediaKind.VIDEO, 16);
            CompletableFuture<Void> asked = new CompletableFuture<>();
            source.onKeyframeRequest(() -> asked.complete(null));
            pair.offerer.addTransceiver(source, RTCRtpTransceiverDirection.SENDONLY);
            CompletableFuture<RTCTrackEvent> arrived = new CompletableFuture<>();
            pair.answerer.onTrack(arrived::complete);
            pair.negotiate();
            MediaStreamTrack viewer = new MediaRelay().subscribe(arrived.get(5, TimeUnit.SECONDS).track());
            await().atMost(WAIT).until(() -> pair.offerer.getConnectionState() == RTCPeerConnectionState.CONNECTED);

            source.push(new EncodedFrame("video/VP8", 90_000, new byte[] {0x10, 1, 2, 3}, 0, true));
            assertThat(viewer.recv().get(10, TimeUnit.SECONDS)).isInstanceOf(EncodedFrame.class);
            viewer.requestKeyframe();
            asked.get(10, TimeUnit.SECONDS);
            await().atMost(WAIT).untilAsserted(() -> assertThat((Long) await(pair.offerer.getStats())
                    .ofType("outbound-rtp").get(0).get("pliCount")).isEqualTo(1L));
            // A second viewer at once: its request is held for the PLI interval, then sent, not dropped.
            new MediaRelay().subscribe(viewer).requestKeyframe();
            await().atMost(WAIT).untilAsserted(() -> assertThat((Long) await(pair.offerer.getStats())
                    .ofType("outbound-rtp").get(0).get("pliCount")).isEqualTo(2L));
        }
    }

    @Test
    void audioAndADataChannelShareOneBundledTransport() throws Exception {
        try (PeerPair pair = new PeerPair()) {
            pair.offerer.addTrack(new ToneAudioTrack(440, 8000));
            RTCDataChannel channel = pair.offerer.createDataChannel("chat");
            CompletableFuture<RTCTrackEvent> arrived = new CompletableFuture<>();
            CompletableFuture<String> message = new CompletableFuture<>();
            pair.answerer.onTrack(arrived::complete);
            pair.answerer.onDataChannel(remote -> remote.onMessage(m -> message.complete(m.text())));
            pair.negotiate();

            String offer = pair.offerer.getLocalDescription().sdp();
            assertThat(offer).contains("a=group:BUNDLE 0 1").contains("m=audio").contains("m=application");
            await().atMost(WAIT).until(() -> channel.getReadyState() == RTCDataChannelState.OPEN);
            channel.send("hello");
            assertThat(message.get(10, TimeUnit.SECONDS)).isEqualTo("hello");
            assertThat(AudioMeasurements.dominantFrequency(arrived.get(5, TimeUnit.SECONDS).track())).isBetween(400.0, 480.0);
        }
    }
}
