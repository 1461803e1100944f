package io.jrtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransportFeedbackGeneratorTest {
    private static final long MS = 1_000_000L;
    private static final int OURS = 0x1111;
    private static final int MEDIA = 0x2222;

    @Test
    void reportsEachArrivalOnceWithItsTimeAndTheGapsAsLost() throws RtpParseException {
        TransportFeedbackGenerator generator = new TransportFeedbackGenerator(OURS);
        long start = 5_000 * MS;
        for (int seq = 100; seq < 110; seq++) {
            if (seq != 104) {
                generator.handleReceive(start + (seq - 100) * 3 * MS, MEDIA, seq);
            }
        }
        assertThat(generator.pollTimeout()).isEqualTo(start + TransportFeedbackGenerator.INTERVAL_NANOS);
        generator.handleTimeout(start + 50 * MS);
        assertThat(generator.pollTransmit()).isNull();
        generator.handleTimeout(start + 100 * MS);

        TransportWideFeedback feedback = roundTrip(generator.pollTransmit());
        assertThat(generator.pollTransmit()).isNull();
        assertThat(feedback.senderSsrc()).isEqualTo(OURS);
        assertThat(feedback.mediaSsrc()).isEqualTo(MEDIA);
        assertThat(feedback.baseSequenceNumber()).isEqualTo(100);
        assertThat(feedback.packetStatusCount()).isEqualTo(10);
        int[] deltas = feedback.deltasBySequence();
        assertThat(deltas[4]).isEqualTo(TransportWideFeedback.MISSING);
        // 3 ms apart = 12 ticks of 250 us; the gap doubles the next one
        assertThat(deltas[1]).isEqualTo(12);
        assertThat(deltas[5]).isEqualTo(24);
        assertThat(generator.pollTimeout()).isEqualTo(Long.MAX_VALUE);

        generator.handleReceive(start + 200 * MS, MEDIA, 110);
        generator.handleReceive(start + 201 * MS, MEDIA, 104);  // too late: already reported lost
        generator.handleTimeout(start + 300 * MS);
        TransportWideFeedback next = roundTrip(generator.pollTransmit());
        assertThat(next.baseSequenceNumber()).isEqualTo(110);
        assertThat(next.packetStatusCount()).isEqualTo(1);
        assertThat(next.feedbackPacketCount()).isEqualTo(feedback.feedbackPacketCount() + 1);
    }

    @Test
    void aLongBurstIsSplitAcrossFeedbackPacketsAcrossTheSequenceWrap() throws RtpParseException {
        TransportFeedbackGenerator generator = new TransportFeedbackGenerator(OURS);
        for (int i = 0; i < 1000; i++) {
            generator.handleReceive(i * MS / 10, MEDIA, (65_000 + i) & 0xFFFF);
        }
        generator.handleTimeout(Long.MAX_VALUE / 2);
        List<TransportWideFeedback> all = new ArrayList<>();
        for (TransportWideFeedback f = generator.pollTransmit(); f != null; f = generator.pollTransmit()) {
            all.add(roundTrip(f));
        }
        assertThat(all).hasSize(4);
        assertThat(all.stream().mapToInt(TransportWideFeedback::packetStatusCount).sum()).isEqualTo(1000);
        assertThat(all.get(1).baseSequenceNumber()).isEqualTo((65_000 + TransportFeedbackGenerator.MAX_STATUSES)
                & 0xFFFF);
        assertThat(all).allSatisfy(f -> assertThat(f.length()).isLessThan(1200));
    }

    private static TransportWideFeedback roundTrip(TransportWideFeedback feedback) throws RtpParseException {
        byte[] wire = RtcpCompound.encode(List.of(feedback));
        return (TransportWideFeedback) RtcpCompound.parse(wire, 0, wire.length).get(0);
    }
}
