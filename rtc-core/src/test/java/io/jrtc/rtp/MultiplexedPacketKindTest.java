package io.jrtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** First-byte demultiplexing (RFC 7983 §7) and RTP/RTCP by packet type (RFC 5761 §4). */
class MultiplexedPacketKindTest {

    private static MultiplexedPacketKind kind(String hex) {
        byte[] b = Hex.bytes(hex);
        return MultiplexedPacketKind.classify(b, 0, b.length);
    }

    @Test
    void firstByteRanges() {
        assertThat(kind("00 01")).isEqualTo(MultiplexedPacketKind.STUN);
        assertThat(kind("03")).isEqualTo(MultiplexedPacketKind.STUN);
        assertThat(kind("10")).isEqualTo(MultiplexedPacketKind.ZRTP);
        assertThat(kind("16 fe fd")).isEqualTo(MultiplexedPacketKind.DTLS);
        assertThat(kind("3f")).isEqualTo(MultiplexedPacketKind.DTLS);
        assertThat(kind("40 00")).isEqualTo(MultiplexedPacketKind.TURN_CHANNEL);
        assertThat(kind("4f")).isEqualTo(MultiplexedPacketKind.TURN_CHANNEL);
        assertThat(kind("04")).isEqualTo(MultiplexedPacketKind.UNKNOWN);
        assertThat(kind("50")).isEqualTo(MultiplexedPacketKind.UNKNOWN);
        assertThat(kind("c0 60")).isEqualTo(MultiplexedPacketKind.UNKNOWN);
        assertThat(kind("")).isEqualTo(MultiplexedPacketKind.UNKNOWN);
    }

    @Test
    void rtcpPacketTypesSitWherePayloadTypes64To95Would() {
        assertThat(kind("80 60")).isEqualTo(MultiplexedPacketKind.RTP);          // PT 96
        assertThat(kind("80 e0")).isEqualTo(MultiplexedPacketKind.RTP);          // PT 96 with marker
        assertThat(kind("80 00")).isEqualTo(MultiplexedPacketKind.RTP);          // PT 0
        assertThat(kind("80 7f")).isEqualTo(MultiplexedPacketKind.RTP);          // PT 127
        assertThat(kind("80 c8")).isEqualTo(MultiplexedPacketKind.RTCP);         // SR 200
        assertThat(kind("8f cd")).isEqualTo(MultiplexedPacketKind.RTCP);         // RTPFB 205
        assertThat(kind("80 c0")).isEqualTo(MultiplexedPacketKind.RTCP);         // 192, lowest of the range
        assertThat(kind("80 df")).isEqualTo(MultiplexedPacketKind.RTCP);         // 223, highest
        assertThat(kind("80")).isEqualTo(MultiplexedPacketKind.RTP);             // no second byte: not RTCP
    }
}
