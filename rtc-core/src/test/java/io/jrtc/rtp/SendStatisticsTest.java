package io.jrtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sender report fields and the round-trip time from LSR/DLSR (RFC 3550 §6.4.1). */
class SendStatisticsTest {
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;
    private static final int SSRC = 0x0BAD_CAFE;

    @Test
    void senderReportCountsPayloadAndExtrapolatesTheRtpTimestamp() {
        SendStatistics stats = new SendStatistics(SSRC, 90_000, SECOND, 0xE000_0000_0000_0000L);
        assertThatThrownBy(() -> stats.senderReport(SECOND, List.of())).isInstanceOf(IllegalStateException.class);
        stats.handleSent(SECOND, 1000, 100);
        stats.handleSent(SECOND + 20 * MS, 2800, 50);
        ReportBlock block = new ReportBlock(7, 0, 0, 100, 0, 0, 0);
        SenderReport sr = stats.senderReport(SECOND + 520 * MS, List.of(block));
        assertThat(sr.ssrc()).isEqualTo(SSRC);
        assertThat(sr.packetCount()).isEqualTo(2);
        assertThat(sr.octetCount()).isEqualTo(150);
        assertThat(sr.rtpTimestamp()).isEqualTo(2800 + 45_000);                  // 0.5 s at 90 kHz
        assertThat(sr.ntpTimestamp()).isEqualTo(0xE000_0000_851E_B851L);          // 0.52 s after the origin
        assertThat(sr.reportBlocks()).containsExactly(block);
    }

    @Test
    void theRtpTimestampWrapsAt32Bits() {
        SendStatistics stats = new SendStatistics(SSRC, 8000, 0, 0);
        stats.handleSent(0, 0xFFFF_FF00, 10);
        assertThat(stats.rtpTimestamp(SECOND)).isEqualTo(8000 - 0x100);
    }

    @Test
    void roundTripTimeFromTheRfc3550Example() {
        // RFC 3550 §6.4.1 figure: A = 46864.500 s, LSR = 46853.125 s, DLSR = 5.250 s -> RTT 6.125 s. The figure
        // writes LSR as 0xb705:2030, but 46853.125 s is 0xb705:2000 (0x2030 would give 6.1243 s).
        SendStatistics stats = new SendStatistics(SSRC, 8000, 0, 0x0000_B710_8000_0000L);
        assertThat(stats.roundTripTime()).isEqualTo(-1);
        ReportBlock block = new ReportBlock(SSRC, 0, 0, 0, 0, 0xB705_2000, 0x0005_4000);
        assertThat(stats.handleReportBlock(0, block)).isEqualTo(6_125 * MS);
        assertThat(stats.roundTripTime()).isEqualTo(6_125 * MS);
    }

    @Test
    void blocksWithoutLsrOrWithANegativeResultLeaveTheEstimate() {
        SendStatistics stats = new SendStatistics(SSRC, 8000, 0, 0x0000_B710_8000_0000L);
        stats.handleReportBlock(0, new ReportBlock(SSRC, 0, 0, 0, 0, 0xB710_0000, 0x0000_4000));
        assertThat(stats.roundTripTime()).isEqualTo(250 * MS);
        assertThat(stats.handleReportBlock(0, new ReportBlock(SSRC, 0, 0, 0, 0, 0, 0))).isEqualTo(-1);
        assertThat(stats.handleReportBlock(0, new ReportBlock(SSRC, 0, 0, 0, 0, 0xB710_0000, 0x0001_0000)))
                .isEqualTo(-1);
        assertThat(stats.roundTripTime()).isEqualTo(250 * MS);
    }

    @Test
    void receiverAndSenderAgreeOnTheRoundTrip() {
        // The sender's SR reaches the receiver after 40 ms; its report block comes back 30 ms after that.
        SendStatistics sender = new SendStatistics(SSRC, 8000, 0, 0xDEAD_0000_0000_0000L);
        sender.handleSent(0, 0, 160);
        SenderReport sr = sender.senderReport(100 * MS, List.of());
        ReceiveStatistics receiver = new ReceiveStatistics(SSRC, 8000, 1);
        receiver.handlePacket(5_000 * MS, 1, 0);
        receiver.handleSenderReport(5_000 * MS, sr);
        ReportBlock block = receiver.reportBlock(5_030 * MS);
        long rtt = sender.handleReportBlock(100 * MS + 40 * MS + 30 * MS + 30 * MS, block);
        assertThat(rtt).isCloseTo(70 * MS, org.assertj.core.data.Offset.offset(100_000L));
    }
}
