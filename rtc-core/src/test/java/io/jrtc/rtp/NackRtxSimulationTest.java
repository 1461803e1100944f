package io.jrtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Sender and receiver joined by a lossy link on a virtual clock: NACKs (RFC 4585 §6.2.1) answered with RTX
 * (RFC 4588) from the retransmission buffer recover every lost packet, across the sequence number wrap.
 */
class NackRtxSimulationTest {
    private static final long MS = 1_000_000L;
    private static final long ONE_WAY = 25 * MS;
    private static final int MEDIA_SSRC = 0x1111_2222;
    private static final int RTX_SSRC = 0x3333_4444;
    private static final int PACKETS = 205;   // the last is not lost: NACK cannot see a lost tail

    private record InFlight<T>(long arrival, T what) {
    }

    private final List<InFlight<byte[]>> toReceiver = new ArrayList<>();
    private final List<InFlight<GenericNack>> toSender = new ArrayList<>();

    @Test
    void everyLostPacketIsRecoveredByRtx() throws RtpParseException {
        RetransmissionBuffer history = new RetransmissionBuffer(128, Duration.ofSeconds(1));
        RtxEncoder rtxEncoder = new RtxEncoder(RTX_SSRC, Map.of(96, 97), 100);
        RtxDecoder rtxDecoder = new RtxDecoder(MEDIA_SSRC, Map.of(97, 96));
        NackGenerator nacks = new NackGenerator(9, MEDIA_SSRC);
        nacks.roundTripTime(2 * ONE_WAY);
        ReceiveStatistics stats = new ReceiveStatistics(MEDIA_SSRC, 90_000, 1);
        Set<Integer> received = new HashSet<>();
        int retransmissions = 0;

        for (long now = 0; now < 6_000 * MS; now += MS) {
            int sent = (int) (now / (20 * MS));
            if (now % (20 * MS) == 0 && sent < PACKETS) {
                int seq = (65_500 + sent) & 0xFFFF;
                byte[] packet = RetransmissionBufferTest.packet(seq, 96, 50);
                history.handleSent(now, packet, 0, packet.length);
                if (sent % 7 != 3) {                        // one in seven originals is lost
                    toReceiver.add(new InFlight<>(now + ONE_WAY, packet));
                }
            }
            for (InFlight<GenericNack> nack : due(toSender, now)) {
                for (byte[] original : history.packetsFor(now, nack.what(), 2 * ONE_WAY)) {
                    byte[] rtx = rtxEncoder.wrap(original, 0, original.length);
                    if (retransmissions++ % 3 != 0) {       // every third retransmission is lost too
                        toReceiver.add(new InFlight<>(now + ONE_WAY, rtx));
                    }
                }
            }
            for (InFlight<byte[]> arrival : due(toReceiver, now)) {
                RtpHeader header = RtpHeader.parse(arrival.what(), 0, arrival.what().length);
                if (header.ssrc() == RTX_SSRC) {
                    byte[] original = rtxDecoder.unwrap(header);
                    header = RtpHeader.parse(original, 0, original.length);
                    stats.handleRecoveredPacket(now, header.sequenceNumber());
                } else {
                    stats.handlePacket(now, header);
                }
                nacks.handleReceive(now, header);
                received.add(header.sequenceNumber());
            }
            if (nacks.pollTimeout() <= now) {
                nacks.handleTimeout(now);
            }
            for (GenericNack nack = nacks.pollTransmit(); nack != null; nack = nacks.pollTransmit()) {
                toSender.add(new InFlight<>(now + ONE_WAY, nack));
            }
        }

        assertThat(received).hasSize(PACKETS);
        assertThat(nacks.missingCount()).isZero();
        assertThat(nacks.packetsAbandoned()).isZero();
        assertThat(stats.cumulativeLost()).isZero();
        assertThat(stats.extendedHighestSequenceNumber()).isEqualTo(65_500 + PACKETS - 1);
        assertThat(retransmissions).isGreaterThan(PACKETS / 7);
        assertThat(rtxDecoder.packetsDropped()).isZero();
    }

    private static <T> List<InFlight<T>> due(List<InFlight<T>> inFlight, long now) {
        List<InFlight<T>> arrived = new ArrayList<>();
        inFlight.removeIf(item -> item.arrival() <= now && arrived.add(item));
        return arrived;
    }
}
