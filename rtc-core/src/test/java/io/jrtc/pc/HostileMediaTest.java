package io.jrtc.pc;

import static io.jrtc.pc.PeerPair.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.media.AudioMeasurements;
import io.jrtc.media.BufferedTrack;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.ToneAudioTrack;
import io.jrtc.pc.internal.media.RtpSession;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A peer that authenticated (a WHIP publisher, say) and then sends garbage inside valid SRTP: random RTP headers,
 * extension blocks and payloads on the negotiated payload types, and random RTCP. The receiving side drops what it
 * cannot use, keeps its loop alive, and the genuine media on the same connection keeps flowing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileMediaTest {
    private static final int[] PAYLOAD_TYPES = {111, 0, 8, 96, 97, 102, 103, 104, 105, 127, 35};

    @Test
    void garbageInsideSrtpHarmsNothing() throws Exception {
        try (PeerPair pair = new PeerPair()) {
            pair.offerer.addTrack(new ToneAudioTrack(440, 8000));
            pair.offerer.addTransceiver(new BufferedTrack(MediaKind.VIDEO, 4), RTCRtpTransceiverDirection.SENDONLY);
            List<RTCTrackEvent> arrived = new CopyOnWriteArrayList<>();
            pair.answerer.onTrack(arrived::add);
            pair.negotiate();
            await().atMost(Duration.ofSeconds(20)).until(() -> arrived.size() == 2
                    && pair.offerer.getConnectionState() == RTCPeerConnectionState.CONNECTED);

            RTCDtlsTransport attacker = pair.offerer.getTransceivers().get(0).getSender().getTransport();
            Random random = new Random(42);
            byte[] packet = new byte[1500];
            for (int batch = 0; batch < 40; batch++) {
                // Batches of 500 with a breath between them: the garbage has to reach the receiver, not the
                // floor of a full socket buffer.
                await(attacker.core().context().onLoop(() -> {
                    RtpSession rtp = attacker.core().session();
                    for (int i = 0; i < 500; i++) {
                        int length = randomRtp(random, packet);
                        if (random.nextInt(4) == 0) {
                            packet[1] = (byte) (200 + random.nextInt(8));  // an RTCP packet type: the RTCP path
                            rtp.sendRtcp(packet, length);
                        } else {
                            rtp.sendRtp(packet, length);
                        }
                    }
                    attacker.core().context().pump().run();  // flush
                    return null;
                }));
                Thread.sleep(2);
            }

            RTCDtlsTransport victim = pair.answerer.getTransceivers().get(0).getReceiver().getTransport();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    await(victim.core().context().onLoop(() -> victim.core().session().unroutablePackets())))
                    .as("garbage that reached the receiving side").isGreaterThan(100));

            MediaStreamTrack audio = arrived.stream().filter(e -> e.track().getKind() == MediaKind.AUDIO)
                    .findFirst().orElseThrow().track();
            assertThat(AudioMeasurements.dominantFrequency(audio)).isBetween(400.0, 480.0);
            assertThat(pair.answerer.getConnectionState()).isEqualTo(RTCPeerConnectionState.CONNECTED);
            assertThat(await(pair.answerer.getStats()).ofType("inbound-rtp")).isNotEmpty();
        }
    }

    /** A random RTP packet: version 2, random flags, CSRCs, extension block, payload type and payload. */
    private static int randomRtp(Random random, byte[] packet) {
        int length = 12 + random.nextInt(1200);
        random.nextBytes(packet);
        packet[0] = (byte) (0x80 | (packet[0] & 0x3F));
        packet[1] = (byte) ((packet[1] & 0x80) | PAYLOAD_TYPES[random.nextInt(PAYLOAD_TYPES.length)]);
        if (random.nextBoolean()) {
            packet[12] = (byte) 0xBE;  // a one-byte extension profile, with a random length after it
            packet[13] = (byte) 0xDE;
        }
        return length;
    }
}
