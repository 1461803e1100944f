package io.jrtc.rtp;

import static io.jrtc.rtp.TransportWideFeedback.MISSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Transport-wide CC feedback: each chunk type and both delta sizes, as byte literals both ways. */
class TransportWideFeedbackTest {

    private static TransportWideFeedback roundTrip(String hex) throws RtpParseException {
        return RtcpRoundTripTest.roundTrip(hex, TransportWideFeedback.class);
    }

    private static void assertEncodes(TransportWideFeedback model, String hex) {
        assertThat(Hex.of(model.toBytes())).isEqualTo(Hex.of(Hex.bytes(hex)));
    }

    @Test
    void runLengthChunkWithSmallDeltas() throws Exception {
        String hex = "af cd 0006"           // V=2 P=1 FMT=15, PT=205 RTPFB, 7 words
                + "11223344 | 55667788"      // packet sender, media source
                + "0001 | 0003"              // base sequence number 1, 3 packet statuses
                + "000010 | 05"              // reference time 16 x 64 ms, feedback packet count 5
                + "2003"                     // run-length chunk: status 1 (small delta) x 3
                + "04 08 00"                 // deltas 1 ms, 2 ms, 0
                + "00 00 03";                // padding, the last byte counting it
        TransportWideFeedback fb = roundTrip(hex);
        assertThat(fb.baseSequenceNumber()).isEqualTo(1);
        assertThat(fb.referenceTime()).isEqualTo(16);
        assertThat(fb.referenceTimeMicros()).isEqualTo(1_024_000L);
        assertThat(fb.feedbackPacketCount()).isEqualTo(5);
        assertThat(fb.deltasBySequence()).containsExactly(4, 8, 0);
        assertEncodes(TransportWideFeedback.fromDeltas(0x11223344, 0x55667788, 1, 16, 5, new int[] {4, 8, 0}), hex);
    }

    @Test
    void oneBitStatusVector() throws Exception {
        String hex = "af cd 0006 | 11223344 | 55667788"
                + "0100 | 000e | 000000 | 00"   // base 256, 14 statuses, reference 0, fb count 0
                + "ac01"                        // 1-bit vector: 1 0 1 1 0 0 0 0 0 0 0 0 0 1
                + "01 02 03 ff"                 // four small deltas
                + "00 02";                      // padding of 2
        TransportWideFeedback fb = roundTrip(hex);
        int[] expected = {1, MISSING, 2, 3, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING,
            MISSING, 255};
        assertThat(fb.deltasBySequence()).containsExactly(expected);
        assertEncodes(TransportWideFeedback.fromDeltas(0x11223344, 0x55667788, 256, 0, 0, expected), hex);
    }

    @Test
    void twoBitStatusVectorWithLargeAndNegativeDeltas() throws Exception {
        String hex = "af cd 0006 | 11223344 | 55667788"
                + "0100 | 0004 | fffff0 | 00"   // base 256, 4 statuses, reference -16 x 64 ms
                + "e480"                        // 2-bit vector: 2 1 0 2, three unused slots
                + "fffc | 0a | 0400"            // large -4 (-1 ms), small 10, large 1024 (256 ms)
                + "01";                         // padding of 1
        TransportWideFeedback fb = roundTrip(hex);
        assertThat(fb.referenceTime()).isEqualTo(-16);
        assertThat(fb.statuses()).containsExactly(2, 1, 0, 2);
        assertThat(fb.deltasBySequence()).containsExactly(-4, 10, MISSING, 1024);
        assertEncodes(TransportWideFeedback.fromDeltas(0x11223344, 0x55667788, 256, -16, 0,
                new int[] {-4, 10, MISSING, 1024}), hex);
    }

    @Test
    void runOfLargeDeltasOfSevenOrMore() throws Exception {
        String hex = "af cd 0009 | 11223344 | 55667788"
                + "0000 | 0008 | 000000 | 00"
                + "4008"                                      // run-length chunk: status 2 (large) x 8
                + "ffff ffff ffff ffff ffff ffff ffff ffff"   // eight deltas of -1 tick
                + "00 02";
        TransportWideFeedback fb = roundTrip(hex);
        assertThat(fb.deltasBySequence()).containsOnly(-1).hasSize(8);
    }

    @Test
    void runsCrossingTheSequenceNumberWrap() throws Exception {
        String hex = "8f cd 000a | 11223344 | 55667788"
                + "fff6 | 0016 | 000001 | ff"   // base 65526, 22 statuses, reference 1, fb count 255
                + "2014"                        // run: 20 received with small deltas, 65526..9 across the wrap
                + "0002"                        // run: 2 not received (10, 11)
                + "000102030405060708090a0b0c0d0e0f10111213"; // deltas 0..19; no padding needed
        TransportWideFeedback fb = roundTrip(hex);
        assertThat(fb.sequenceNumber(9)).isEqualTo(65535);
        assertThat(fb.sequenceNumber(10)).isZero();
        assertThat(fb.sequenceNumber(21)).isEqualTo(11);
        int[] deltas = fb.deltasBySequence();
        assertThat(deltas[10]).isEqualTo(10);
        assertThat(deltas[20]).isEqualTo(MISSING);
        assertThat(deltas[21]).isEqualTo(MISSING);
    }

    @Test
    void longRunsSplitAtTheThirteenBitLimit() throws Exception {
        int[] deltas = new int[8200];
        java.util.Arrays.fill(deltas, MISSING);
        deltas[8199] = 0;
        TransportWideFeedback fb = TransportWideFeedback.fromDeltas(1, 2, 0, 0, 0, deltas);
        byte[] wire = fb.toBytes();
        // header 4 + SSRCs 8 + 8, then a run of 8191 not received, then a 1-bit vector of 9 (8 not received,
        // then the one received), then its delta
        assertThat(Hex.of(wire, 20, 4)).isEqualTo("1fff" + "8020");
        TransportWideFeedback parsed = (TransportWideFeedback) RtcpCompound.parse(wire, 0, wire.length).get(0);
        assertThat(parsed.deltasBySequence()).containsExactly(deltas);
    }

    @Test
    void malformedFeedbackIsRejected() {
        for (String hex : new String[] {
            "8f cd 0004 11223344 55667788 0000 0001 000000 00",           // no chunk for the one status
            "8f cd 0005 11223344 55667788 0000 0001 000000 00 6001 0000", // reserved status 3 in a run
            "8f cd 0005 11223344 55667788 0000 0001 000000 00 2002 0000", // run longer than the status count
            "8f cd 0005 11223344 55667788 0000 0002 000000 00 4002 0000", // large deltas cut short
            "8f cd 0006 11223344 55667788 0000 0001 000000 00 2001 01000000 00000000", // bytes after the deltas
        }) {
            byte[] wire = Hex.bytes(hex);
            assertThatThrownBy(() -> RtcpCompound.parse(wire, 0, wire.length)).as(hex)
                    .isInstanceOf(RtpParseException.class);
        }
    }

    @Test
    void modelRejectsDeltasItsStatusesCannotCarry() {
        assertThatThrownBy(() -> new TransportWideFeedback(0, 0, 0, 0, 0, new byte[] {1}, new int[] {256}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportWideFeedback(0, 0, 0, 0, 0, new byte[] {1}, new int[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransportWideFeedback.fromDeltas(0, 0, 0, 0, 0, new int[] {40_000}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
