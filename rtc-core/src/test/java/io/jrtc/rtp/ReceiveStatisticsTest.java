package io.jrtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** RFC 3550 Appendix A.1 (probation, wrap), A.3 (loss) and A.8 (jitter); §6.4.1 LSR/DLSR. */
class ReceiveStatisticsTest {
    private static final long MS = 1_000_000L;
    private static final int SSRC = 0x1234_5678;

    /** Feeds {@code seqs} with RTP timestamps 160 apart and 20 ms arrivals, so no jitter arises. */
    private static void receive(ReceiveStatistics stats, int... seqs) {
        for (int seq : seqs) {
            stats.handlePacket(seq * 20 * MS, seq, seq * 160);
        }
    }

    @Test
    void jitterFollowsAppendixA8OnAHandComputedSequence() {
        ReceiveStatistics stats = new ReceiveStatistics(SSRC, 8000, 1);
        // 8 kHz, 20 ms packets (160 ticks); arrivals at 0, 20, 45, 60, 80 ms = 0, 160, 360, 480, 640 ticks.
        // Transit 0, 0, 40, 0, 0 so D = 0, 40, 40, 0 and J = 0, 2.5, 4.84375, 4.541015625.
        long[] arrivalsMs = {0, 20, 45, 60, 80};
        int[] expectedJitter = {0, 0, 2, 4, 4};
        for (int i = 0; i < arrivalsMs.length; i++) {
            stats.handlePacket(1_000_000_000_000L + arrivalsMs[i] * MS, i, 0x7FFF_FF00 + i * 160);
            assertThat(stats.jitter()).as("after packet %d", i).isEqualTo(expectedJitter[i]);
        }
        assertThat(stats.reportBlock(0).jitter()).isEqualTo(4);
    }

    @Test
    void jitterSurvivesTheRtpTimestampWrap() {
        ReceiveStatistics stats = new ReceiveStatistics(SSRC, 90_000, 1);
        for (int i = 0; i < 50; i++) {
            stats.handlePacket(i * 33_333_333L, i, 0xFFFF_F000 + i * 3000);
        }
        assertThat(stats.jitter()).isBetween(0, 1);
    }

    @Test
    void lossOverIntervalsWithDuplicatesAndReorderingAcrossTheWrap() {
        ReceiveStatistics stats = new ReceiveStatistics(SSRC, 8000, 1);
        // 65533 and 1 missing; 0 before 65535.
        receive(stats, 65530, 65531, 65532, 65534, 0, 65535, 2);
        ReportBlock first = stats.reportBlock(0);
        assertThat(first.extendedHighestSequenceNumber()).isEqualTo(65538);
        assertThat(stats.packetsExpected()).isEqualTo(9);
        assertThat(stats.packetsReceived()).isEqualTo(7);
        assertThat(first.cumulativeLost()).isEqualTo(2);
        assertThat(first.fractionLost()).isEqualTo(2 * 256 / 9);

        // 1 arrives late, 3 twice, 5 missing: more received than expected in this interval.
        receive(stats, 1, 3, 3, 4, 6);
        ReportBlock second = stats.reportBlock(0);
        assertThat(second.extendedHighestSequenceNumber()).isEqualTo(65542);
        assertThat(second.cumulativeLost()).isEqualTo(1);
        assertThat(second.fractionLost()).isZero();

        receive(stats, 7, 9, 10);
        ReportBlock third = stats.reportBlock(0);
        assertThat(third.cumulativeLost()).isEqualTo(2);
        assertThat(third.fractionLost()).isEqualTo(64);

        ReportBlock idle = stats.reportBlock(0);
        assertThat(idle.fractionLost()).isZero();
        assertThat(idle.cumulativeLost()).isEqualTo(2);
    }

    @Test
    void recoveredPacketsCountAsReceivedButLeaveTheJitterAlone() {
        ReceiveStatistics stats = new ReceiveStatistics(SSRC, 8000, 1);
        receive(stats, 1, 3);
        assertThat(stats.cumulativeLost()).isEqualTo(1);
        assertThat(stats.handleRecoveredPacket(900 * MS, 2)).isTrue();   // very late, as a retransmission is
        assertThat(stats.cumulativeLost()).isZero();
        assertThat(stats.jitter()).isZero();
    }

    @Test
    void aRestartedSourceStartsItsTransitTimeOver() {
        ReceiveStatistics stats = new ReceiveStatistics(SSRC, 8000, 1);
        receive(stats, 1, 2, 3);
        stats.handlePacket(80 * MS, 30_000, 0x4000_0000);
        stats.handlePacket(100 * MS, 30_001, 0x4000_0000 + 160);
        assertThat(stats.packetsReceived()).isEqualTo(1);
        assertThat(stats.jitter()).isZero();
        stats.handlePacket(120 * MS, 30_002, 0x4000_0000 + 320);
        assertThat(stats.jitter()).isZero();
    }

    @Test
    void duplicatesMakeCumulativeLostNegative() {
        ReceiveStatistics stats = new ReceiveStatistics(SSRC, 8000, 1);
        receive(stats, 10, 11, 11, 11, 12);
        assertThat(stats.reportBlock(0).cumulativeLost()).isEqualTo(-2);
    }

    @Test
    void cumulativeLostIsClampedToSigned24Bits() {
        ReceiveStatistics stats = new ReceiveStatistics(SSRC, 8000, 1);
        int seq = 0;
        for (int i = 0; i < 3000; i++, seq = (seq + 2999) & 0xFFFF) {
            stats.handlePacket(i, seq, 0);
        }
        assertThat(stats.packetsExpected() - stats.packetsReceived()).isGreaterThan((1 << 23) - 1);
        ReportBlock block = stats.reportBlock(0);
        assertThat(block.cumulativeLost()).isEqualTo((1 << 23) - 1);
        assertThat(block.fractionLost()).isEqualTo(255);
    }

    @Test
    void aNewSourceIsOnProbationUntilTwoPacketsInSequence() {
        ReceiveStatistics stats = new ReceiveStatistics(SSRC, 8000);
        assertThat(stats.handlePacket(0, 100, 0)).isFalse();
        assertThat(stats.valid()).isFalse();
        assertThatThrownBy(() -> stats.reportBlock(0)).isInstanceOf(IllegalStateException.class);
        assertThat(stats.handlePacket(0, 300, 0)).isFalse();      // not in sequence: probation starts over
        assertThat(stats.valid()).isFalse();
        assertThat(stats.handlePacket(0, 301, 160)).isTrue();
        assertThat(stats.valid()).isTrue();
        assertThat(stats.packetsExpected()).isEqualTo(1);
        assertThat(stats.packetsReceived()).isEqualTo(1);
        assertThat(stats.extendedHighestSequenceNumber()).isEqualTo(301);
    }

    @Test
    void aLargeJumpCountsOnlyWhenTheNextPacketConfirmsARestart() {
        ReceiveStatistics stats = new ReceiveStatistics(SSRC, 8000, 1);
        receive(stats, 10, 11, 12);
        assertThat(stats.handlePacket(0, 20_000, 0)).isFalse();
        assertThat(stats.handlePacket(0, 13, 0)).isTrue();
        assertThat(stats.packetsExpected()).isEqualTo(4);
        assertThat(stats.handlePacket(0, 40_000, 0)).isFalse();
        assertThat(stats.handlePacket(0, 40_001, 0)).isTrue();
        assertThat(stats.extendedHighestSequenceNumber()).isEqualTo(40_001);
        assertThat(stats.packetsExpected()).isEqualTo(1);
        assertThat(stats.packetsReceived()).isEqualTo(1);
    }

    @Test
    void lsrAndDlsrComeFromTheLastSenderReportAndItsArrival() {
        ReceiveStatistics stats = new ReceiveStatistics(SSRC, 8000, 1);
        receive(stats, 1, 2);
        ReportBlock before = stats.reportBlock(0);
        assertThat(before.lastSenderReport()).isZero();
        assertThat(before.delaySinceLastSenderReport()).isZero();

        long ntp = 0xE3A1_B705_2030_1234L;
        SenderReport sr = new SenderReport(SSRC, ntp, 0, 2, 320, java.util.List.of());
        stats.handleSenderReport(5_000 * MS, sr);
        ReportBlock block = stats.reportBlock(5_000 * MS + 5_250 * MS);
        assertThat(block.lastSenderReport()).isEqualTo(0xB705_2030);
        assertThat(block.delaySinceLastSenderReport()).isEqualTo(0x0005_4000);   // 5.25 s in 1/65536 s
        assertThat(block.ssrc()).isEqualTo(SSRC);
        assertThatThrownBy(() -> stats.handleSenderReport(0, new SenderReport(SSRC + 1, ntp, 0, 0, 0,
                java.util.List.of()))).isInstanceOf(IllegalArgumentException.class);
    }
}
