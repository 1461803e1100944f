package io.jrtc.pc;

import static io.jrtc.pc.PeerPair.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.media.AudioMeasurements;
import io.jrtc.media.MediaStreamTrackState;
import io.jrtc.media.ToneAudioTrack;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * The reference's ORTC-style objects used on their own, without an RTCPeerConnection: gatherer, ICE transport,
 * DTLS transport, SCTP transport and a data channel, wired by hand as aiortc's examples do.
 */
class OrtcObjectsTest {

    @Test
    void transportsConnectLayerByLayerAndCarryAChannel() throws Exception {
        try (RtcEngine engine = RtcEngine.create(RtcEngineSettings.defaults()
                .withBindAddresses(List.of(InetAddress.getLoopbackAddress())))) {
            RTCIceGatherer gatherer1 = new RTCIceGatherer(engine, List.of());
            RTCIceGatherer gatherer2 = new RTCIceGatherer(engine, List.of());
            assertThat(RTCIceGatherer.getDefaultIceServers()).isEmpty();
            assertThat(gatherer1.getState()).isEqualTo(RTCIceGatheringState.NEW);
            await(gatherer1.gather());
            await(gatherer2.gather());
            assertThat(gatherer1.getState()).isEqualTo(RTCIceGatheringState.COMPLETE);
            assertThat(gatherer1.getLocalCandidates()).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.getType()).isEqualTo("host"));
            assertThat(gatherer1.getLocalParameters().usernameFragment()).hasSizeGreaterThanOrEqualTo(4);

            RTCIceTransport ice1 = new RTCIceTransport(gatherer1);
            RTCIceTransport ice2 = new RTCIceTransport(gatherer2);
            ice1.setRole(RTCIceRole.CONTROLLING);
            ice2.setRole(RTCIceRole.CONTROLLED);
            for (RTCIceCandidate candidate : gatherer2.getLocalCandidates()) {
                await(ice1.addRemoteCandidate(candidate));
            }
            await(ice1.addRemoteCandidate(null));
            for (RTCIceCandidate candidate : gatherer1.getLocalCandidates()) {
                await(ice2.addRemoteCandidate(candidate));
            }
            assertThat(ice1.getRemoteCandidates()).hasSameSizeAs(gatherer2.getLocalCandidates());
            CompletableFuture<Void> iceUp = CompletableFuture.allOf(ice1.start(gatherer2.getLocalParameters()),
                    ice2.start(gatherer1.getLocalParameters()));
            await(iceUp);
            assertThat(ice1.getState()).isIn(RTCIceTransportState.CONNECTED, RTCIceTransportState.COMPLETED);
            assertThat(ice2.getRole()).isEqualTo(RTCIceRole.CONTROLLED);

            RTCDtlsTransport dtls1 = new RTCDtlsTransport(ice1, List.of(RTCCertificate.generateCertificate()));
            RTCDtlsTransport dtls2 = new RTCDtlsTransport(ice2, List.of(RTCCertificate.generateCertificate()));
            assertThat(dtls1.getLocalParameters().role()).isEqualTo(RTCDtlsRole.AUTO);
            RTCSctpTransport sctp1 = new RTCSctpTransport(dtls1);
            RTCSctpTransport sctp2 = new RTCSctpTransport(dtls2);
            await(CompletableFuture.allOf(dtls1.start(dtls2.getLocalParameters()),
                    dtls2.start(dtls1.getLocalParameters())));
            assertThat(dtls2.getRole()).isEqualTo(RTCDtlsRole.CLIENT);
            assertThat(dtls1.getState()).isEqualTo(RTCDtlsTransportState.CONNECTED);

            CompletableFuture<RTCDataChannel> remote = new CompletableFuture<>();
            sctp2.onDataChannel(remote::complete);
            RTCSctpCapabilities capabilities = RTCSctpTransport.getCapabilities();
            await(CompletableFuture.allOf(sctp1.start(capabilities, sctp2.getPort()),
                    sctp2.start(capabilities, sctp1.getPort())));
            assertThat(sctp1.getState()).isEqualTo(RTCSctpTransportState.CONNECTED);
            assertThat(sctp1.getMaxChannels()).isPositive();
            assertThat(sctp1.getPort()).isEqualTo(5000);

            RTCDataChannel channel = new RTCDataChannel(sctp1, new RTCDataChannelParameters("ortc"));
            DataChannelLoopbackTest.awaitOpen(channel);
            RTCDataChannel other = await(remote);
            LinkedBlockingQueue<RTCDataChannelMessage> received = new LinkedBlockingQueue<>();
            other.onMessage(received::add);
            channel.send("layer by layer");
            assertThat(DataChannelLoopbackTest.take(received).text()).isEqualTo("layer by layer");

            await(sctp1.stop());
            await(dtls1.stop());
            await(ice1.stop());
            assertThat(ice1.getState()).isEqualTo(RTCIceTransportState.CLOSED);
            assertThat(dtls1.getState()).isEqualTo(RTCDtlsTransportState.CLOSED);
            assertThat(sctp1.getState()).isEqualTo(RTCSctpTransportState.CLOSED);
        }
    }

    @Test
    void anRtpSenderAndReceiverOnTheirOwnCarryATone() throws Exception {
        try (RtcEngine engine = RtcEngine.create(RtcEngineSettings.defaults()
                .withBindAddresses(List.of(InetAddress.getLoopbackAddress())))) {
            RTCDtlsTransport[] dtls = connectedDtlsPair(engine);
            ToneAudioTrack tone = new ToneAudioTrack(440, 8000);
            RTCRtpSender sender = new RTCRtpSender(tone, dtls[0]);
            RTCRtpReceiver receiver = new RTCRtpReceiver("audio", dtls[1]);
            assertThat(sender.getTransport()).isSameAs(dtls[0]);
            RTCRtpCodecCapability opus = RTCRtpSender.getCapabilities("audio").codecs().get(0);
            RTCRtpParameters parameters = new RTCRtpParameters(List.of(new RTCRtpCodecParameters(opus.mimeType(),
                    opus.clockRate(), opus.channels(), 111, List.of(), opus.parameters())), List.of(), "",
                    new RTCRtcpParameters(null, true, null));
            await(receiver.receive(parameters));
            await(sender.send(parameters));

            assertThat(AudioMeasurements.dominantFrequency(receiver.getTrack())).isBetween(400.0, 480.0);
            assertThat(sender.getParameters().codecs()).extracting(RTCRtpCodecParameters::payloadType)
                    .containsExactly(111);
            assertThat(receiver.getSynchronizationSources()).singleElement()
                    .satisfies(source -> assertThat(source.source()).isEqualTo(sender.getParameters().rtcp().ssrc()));
            await(sender.stop());
            await(receiver.stop());
            assertThat(receiver.getTrack().getReadyState()).isEqualTo(MediaStreamTrackState.ENDED);
        }
    }

    /** Two gatherers, ICE and DTLS transports wired by hand and connected, as the reference's examples do. */
    private static RTCDtlsTransport[] connectedDtlsPair(RtcEngine engine) {
        RTCIceGatherer gatherer1 = new RTCIceGatherer(engine, List.of());
        RTCIceGatherer gatherer2 = new RTCIceGatherer(engine, List.of());
        await(CompletableFuture.allOf(gatherer1.gather(), gatherer2.gather()));
        RTCIceTransport ice1 = new RTCIceTransport(gatherer1);
        RTCIceTransport ice2 = new RTCIceTransport(gatherer2);
        ice1.setRole(RTCIceRole.CONTROLLING);
        ice2.setRole(RTCIceRole.CONTROLLED);
        gatherer2.getLocalCandidates().forEach(candidate -> await(ice1.addRemoteCandidate(candidate)));
        gatherer1.getLocalCandidates().forEach(candidate -> await(ice2.addRemoteCandidate(candidate)));
        await(CompletableFuture.allOf(ice1.start(gatherer2.getLocalParameters()),
                ice2.start(gatherer1.getLocalParameters())));
        RTCDtlsTransport dtls1 = new RTCDtlsTransport(ice1, List.of(RTCCertificate.generateCertificate()));
        RTCDtlsTransport dtls2 = new RTCDtlsTransport(ice2, List.of(RTCCertificate.generateCertificate()));
        await(CompletableFuture.allOf(dtls1.start(dtls2.getLocalParameters()),
                dtls2.start(dtls1.getLocalParameters())));
        return new RTCDtlsTransport[] {dtls1, dtls2};
    }

    @Test
    void announcedAddressesBecomeExtraHostCandidatesOnTheSamePort() {
        try (RtcEngine engine = RtcEngine.create(RtcEngineSettings.defaults()
                .withBindAddresses(List.of(InetAddress.getLoopbackAddress()))
                .withAnnouncedAddresses(List.of("203.0.113.7")))) {
            RTCIceGatherer gatherer = new RTCIceGatherer(engine, List.of());
            await(gatherer.gather());
            List<RTCIceCandidate> candidates = gatherer.getLocalCandidates();
            assertThat(candidates).extracting(RTCIceCandidate::getIp).containsExactly("127.0.0.1", "203.0.113.7");
            assertThat(candidates.get(1).getPort()).isEqualTo(candidates.get(0).getPort());
        }
    }

    @Test
    void certificatesExpireAndHaveSha256Fingerprints() {
        RTCCertificate certificate = RTCCertificate.generateCertificate();
        assertThat(certificate.getExpires()).isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(28)));
        assertThat(certificate.getFingerprints()).anySatisfy(f -> {
            assertThat(f.algorithm()).isEqualTo("sha-256");
            assertThat(f.value()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        });
    }
}
