package io.jrtc.pc;

import static io.jrtc.pc.PeerPair.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.dtls.SrtpProtectionProfile;
import io.jrtc.media.BufferedTrack;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each DTLS-SRTP protection profile we implement (RFC 5764 §4.1.2, RFC 7714 §14.2), negotiated between two of our
 * connections whose engine allows only that one, carries coded video both ways byte for byte; with the default
 * settings the DTLS client offers all four, AES-256-GCM first, and that is what two of ours agree on.
 */
class SrtpProfilesMediaTest {
    private static final int FRAMES = 12;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SRTP_AEAD_AES_256_GCM", "SRTP_AEAD_AES_128_GCM", "SRTP_AES128_CM_HMAC_SHA1_80",
        "SRTP_AES128_CM_HMAC_SHA1_32"})
    void eachProfileCarriesVideoBothWays(String profile) throws Exception {
        RtcEngineSettings settings = RtcEngineSettings.defaults()
                .withBindAddresses(List.of(InetAddress.getLoopbackAddress()))
                .withDtls(DtlsSettings.defaults().withSrtpProfiles(List.of(profile)));
        assertThat(exchangeVideo(settings)).isEqualTo(SrtpProtectionProfile.forName(profile));
    }

    @Test
    void twoOfOursAgreeOnAes256GcmByDefault() throws Exception {
        assertThat(DtlsSettings.defaults().srtpProfiles()).containsExactly("SRTP_AEAD_AES_256_GCM",
                "SRTP_AEAD_AES_128_GCM", "SRTP_AES128_CM_HMAC_SHA1_80", "SRTP_AES128_CM_HMAC_SHA1_32");
        RtcEngineSettings settings = RtcEngineSettings.defaults()
                .withBindAddresses(List.of(InetAddress.getLoopbackAddress()));
        assertThat(exchangeVideo(settings)).isEqualTo(SrtpProtectionProfile.AEAD_AES_256_GCM);
    }

    /** Connects two peers of an engine with these settings, sends video each way; the profile both negotiated. */
    private static int exchangeVideo(RtcEngineSettings settings) throws Exception {
        try (PeerPair pair = new PeerPair(RTCConfiguration::new, settings)) {
            BufferedTrack offered = new BufferedTrack(MediaKind.VIDEO, 64);
            BufferedTrack answered = new BufferedTrack(MediaKind.VIDEO, 64);
            pair.offerer.addTransceiver(offered, RTCRtpTransceiverDirection.SENDRECV);
            CompletableFuture<RTCTrackEvent> atAnswerer = new CompletableFuture<>();
            CompletableFuture<RTCTrackEvent> atOfferer = new CompletableFuture<>();
            pair.answerer.onTrack(atAnswerer::complete);
            pair.offerer.onTrack(atOfferer::complete);
            await(pair.offerer.setLocalDescription());
            await(pair.offerer.gatheringComplete());
            await(pair.answerer.setRemoteDescription(pair.offerer.getLocalDescription()));
            pair.answerer.addTrack(answered);
            await(pair.answerer.setLocalDescription());
            await(pair.answerer.gatheringComplete());
            await(pair.offerer.setRemoteDescription(pair.answerer.getLocalDescription()));
            // Media sent before DTLS is up has no keys and is not sent at all.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                    pair.offerer.getConnectionState() == RTCPeerConnectionState.CONNECTED
                    && pair.answerer.getConnectionState() == RTCPeerConnectionState.CONNECTED);

            sendAndCheck(offered, atAnswerer.get(10, TimeUnit.SECONDS).track(), 1);
            sendAndCheck(answered, atOfferer.get(10, TimeUnit.SECONDS).track(), 2);
            int offererProfile = negotiatedProfile(pair.offerer);
            assertThat(negotiatedProfile(pair.answerer)).isEqualTo(offererProfile);
            return offererProfile;
        }
    }

    private static void sendAndCheck(BufferedTrack source, MediaStreamTrack received, long seed) throws Exception {
        Random random = new Random(seed);
        for (int i = 0; i < FRAMES; i++) {
            byte[] frame = new byte[300 + random.nextInt(3000)];
            random.nextBytes(frame);
            frame[0] = (byte) (i == 0 ? frame[0] & 0xFE : frame[0] | 0x01);  // VP8 P bit: a keyframe first
            source.push(new EncodedFrame("video/VP8", 90_000, frame, 3000L * i, i == 0));
            Frame got = received.recv().get(10, TimeUnit.SECONDS);
            assertThat(got).isInstanceOfSatisfying(EncodedFrame.class,
                    coded -> assertThat(coded.data()).as("frame %d", coded.timestamp() / 3000).isEqualTo(frame));
        }
    }

    private static int negotiatedProfile(RTCPeerConnection connection) {
        RTCDtlsTransport dtls = connection.getTransceivers().get(0).getSender().getTransport();
        return dtls.core().dtls().endpoint().srtpKeyingMaterial().protectionProfile();
    }
}
