package io.jrtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every RTCP packet type: a byte literal parses to the expected fields and encodes back to the same bytes. */
class RtcpRoundTripTest {

    static <T extends RtcpPacket> T roundTrip(String hex, Class<T> type) throws RtpParseException {
        byte[] wire = Hex.bytes(hex);
        List<RtcpPacket> packets = RtcpCompound.parse(wire, 0, wire.length);
        assertThat(packets).hasSize(1);
        RtcpPacket parsed = packets.get(0);
        assertThat(parsed).isInstanceOf(type);
        assertThat(parsed.length()).isEqualTo(wire.length);
        assertThat(Hex.of(parsed.toBytes())).isEqualTo(Hex.of(wire));
        return type.cast(parsed);
    }

    private static final String REPORT_BLOCK = "55667788"  // SSRC of the reported source
            + "40 fffffe"     // fraction lost 64/256, cumulative lost -2 (signed 24-bit)
            + "0001ffff"      // extended highest sequence number: 1 cycle, seq 65535
            + "00000010"      // interarrival jitter 16
            + "a6b38000"      // LSR: middle 32 bits of the last SR's NTP timestamp
            + "00018000";     // DLSR 1.5 s in 1/65536 s

    @Test
    void senderReportWithOneBlock() throws Exception {
        SenderReport sr = roundTrip("81 c8 000c"  // V=2 P=0 RC=1, PT=200 SR, length 12 words + 1
                + "11223344"                       // sender SSRC
                + "e1d5a6b3 80000000"              // NTP timestamp, 0.5 s fraction
                + "0000a000"                       // RTP timestamp
                + "00000064 00003e80"              // 100 packets, 16000 octets
                + REPORT_BLOCK, SenderReport.class);
        assertThat(sr.ssrc()).isEqualTo(0x11223344);
        assertThat(sr.ntpTimestamp()).isEqualTo(0xe1d5a6b380000000L);
        assertThat(sr.rtpTimestamp()).isEqualTo(0xa000);
        assertThat(sr.packetCount()).isEqualTo(100);
        assertThat(sr.octetCount()).isEqualTo(16000);
        assertThat(sr.profileExtension()).isEmpty();
        assertThat(sr.reportBlocks()).containsExactly(new ReportBlock(0x55667788, 64, -2, 0x1ffff, 16, 0xa6b38000,
                0x18000));
        assertThat(NtpTimestamp.compact(sr.ntpTimestamp())).isEqualTo(0xa6b38000);
        assertThat(NtpTimestamp.compactToNanos(sr.reportBlocks().get(0).delaySinceLastSenderReport()))
                .isEqualTo(1_500_000_000L);
    }

    @Test
    void receiverReports() throws Exception {
        ReceiverReport empty = roundTrip("80 c9 0001 | 11223344", ReceiverReport.class);
        assertThat(empty.reportBlocks()).isEmpty();
        ReceiverReport withExtension = roundTrip("81 c9 0008 | 11223344 |" + REPORT_BLOCK
                + "deadbeef", ReceiverReport.class); // a profile-specific extension word after the block
        assertThat(withExtension.reportBlocks()).hasSize(1);
        assertThat(Hex.of(withExtension.profileExtension())).isEqualTo("deadbeef");
    }

    @Test
    void sourceDescriptions() throws Exception {
        SourceDescription cname = roundTrip("81 ca 0003"  // SC=1, PT=202 SDES, 4 words
                + "11223344 | 01 04 61626364"               // SSRC, CNAME "abcd"
                + "00 00", SourceDescription.class);        // null octet ending the items, padding
        assertThat(cname.chunks().get(0).cname()).isEqualTo("abcd");
        assertThat(SourceDescription.ofCname(0x11223344, "abcd")).usingRecursiveComparison().isEqualTo(cname);

        SourceDescription two = roundTrip("82 ca 0005"  // SC=2
                + "11223344 | 01 01 61 | 06 02 7879 | 00"   // CNAME "a", TOOL "xy", end
                + "55667788 | 00 000000", SourceDescription.class); // a chunk with no items: end and padding
        assertThat(two.chunks().get(0).items()).extracting(SdesItem::type).containsExactly(SdesItem.CNAME,
                SdesItem.TOOL);
        assertThat(two.chunks().get(0).items().get(1).text()).isEqualTo("xy");
        assertThat(two.chunks().get(1).items()).isEmpty();
        assertThat(two.chunks().get(1).cname()).isNull();
    }

    @Test
    void goodbyes() throws Exception {
        Goodbye plain = roundTrip("81 cb 0001 | 11223344", Goodbye.class);
        assertThat(plain.reason()).isNull();
        Goodbye reason = roundTrip("81 cb 0002 | 11223344 | 03 627965", Goodbye.class); // length 3, "bye"
        assertThat(reason.reasonText()).isEqualTo("bye");
        Goodbye two = roundTrip("82 cb 0003 | 11223344 55667788 | 01 78 0000", Goodbye.class); // "x", 2 padding
        assertThat(two.ssrcs()).containsExactly(0x11223344, 0x55667788);
        assertThat(two.reasonText()).isEqualTo("x");
    }

    @Test
    void applicationDefinedIsKeptRaw() throws Exception {
        ApplicationDefined app = roundTrip("82 cc 0003 | 11223344 | 6e616d65 | 01020304", // subtype 2, "name"
                ApplicationDefined.class);
        assertThat(app.subtype()).isEqualTo(2);
        assertThat(app.name()).isEqualTo(0x6e616d65);
        assertThat(Hex.of(app.data())).isEqualTo("01020304");
    }

    @Test
    void genericNack() throws Exception {
        GenericNack nack = roundTrip("81 cd 0003"   // FMT=1 generic NACK, PT=205 RTPFB
                + "11223344 | 55667788"            // packet sender, media source
                + "0064 0005", GenericNack.class);  // PID 100, BLP bits 0 and 2: 101 and 103 lost too
        assertThat(nack.items()).containsExactly(new GenericNack.Item(100, 5));
        assertThat(nack.lostSequenceNumbers()).containsExactly(100, 101, 103);
        assertThat(GenericNack.ofLost(0x11223344, 0x55667788, new int[] {100, 101, 103})).isEqualTo(nack);
    }

    @Test
    void pictureLossIndication() throws Exception {
        PictureLossIndication pli = roundTrip("81 ce 0002 | 11223344 | 55667788", PictureLossIndication.class);
        assertThat(pli).isEqualTo(new PictureLossIndication(0x11223344, 0x55667788));
    }

    @Test
    void fullIntraRequest() throws Exception {
        FullIntraRequest fir = roundTrip("84 ce 0004"  // FMT=4 FIR, PT=206 PSFB
                + "11223344 | 00000000"                // packet sender, media source unused (0)
                + "55667788 | 07 000000", FullIntraRequest.class); // requested SSRC, seq nr 7, reserved
        assertThat(fir.entries()).containsExactly(new FullIntraRequest.Entry(0x55667788, 7));
    }

    @Test
    void receiverEstimatedMaxBitrate() throws Exception {
        ReceiverEstimatedMaxBitrate remb = roundTrip("8f ce 0005"  // FMT=15 application layer feedback, PSFB
                + "11223344 | 00000000"                              // packet sender, media source 0
                + "52454d42"                                          // "REMB"
                + "01 | 0bd090"                                       // 1 SSRC, exp 2 mantissa 250000
                + "55667788", ReceiverEstimatedMaxBitrate.class);
        assertThat(remb.bitrate()).isEqualTo(1_000_000L);
        assertThat(remb.ssrcs()).containsExactly(0x55667788);
        assertThat(ReceiverEstimatedMaxBitrate.of(0x11223344, 1_000_000L, 0x55667788))
                .usingRecursiveComparison().isEqualTo(remb);
        assertThat(ReceiverEstimatedMaxBitrate.of(1, 262_143L).exponent()).isZero();
        assertThat(ReceiverEstimatedMaxBitrate.of(1, 262_144L).exponent()).isEqualTo(1);
    }

    @Test
    void unknownTypesAndFormatsAreKeptRaw() throws Exception {
        UnknownRtcpPacket xr = roundTrip("80 cf 0002 | 11223344 | 01020304", UnknownRtcpPacket.class); // PT 207
        assertThat(xr.packetType()).isEqualTo(207);
        UnknownRtcpPacket tmmbr = roundTrip("83 cd 0002 | 11223344 | 55667788", UnknownRtcpPacket.class);
        assertThat(tmmbr.countOrFormat()).isEqualTo(3);
        UnknownRtcpPacket afb = roundTrip("8f ce 0003 | 11223344 | 00000000 | 41424344", UnknownRtcpPacket.class);
        assertThat(afb.packetType()).isEqualTo(RtcpHeader.PSFB);
    }

    @Test
    void compoundAndReducedSizePackets() throws Exception {
        byte[] wire = Hex.bytes("80 c9 0001 11223344 | 81 ca 0003 11223344 01046162636400 00 | 81 ce 0002 11223344"
                + "55667788");
        List<RtcpPacket> packets = RtcpCompound.parse(wire, 0, wire.length);
        assertThat(packets).hasExactlyElementsOfTypes(ReceiverReport.class, SourceDescription.class,
                PictureLossIndication.class);
        assertThat(Hex.of(RtcpCompound.encode(packets))).isEqualTo(Hex.of(wire));
        byte[] reduced = Hex.bytes("81 cd 0003 11223344 55667788 0064 0000"); // RFC 5506: feedback alone
        assertThat(RtcpCompound.parse(reduced, 0, reduced.length).get(0)).isInstanceOf(GenericNack.class);
    }

    @Test
    void paddingIsRemovedOnParse() throws Exception {
        byte[] wire = Hex.bytes("a0 c9 0002 | 11223344 | 00000004"); // P=1: 4 padding bytes, last holds the count
        RtcpPacket parsed = RtcpCompound.parse(wire, 0, wire.length).get(0);
        assertThat(parsed).usingRecursiveComparison().isEqualTo(new ReceiverReport(0x11223344, List.of()));
        assertThat(Hex.of(parsed.toBytes())).isEqualTo("80c9000111223344");
    }

    @Test
    void malformedCompoundsAreRejected() {
        for (String hex : new String[] {
            "80 c9",                                  // shorter than a header
            "40 c9 0001 11223344",                    // version 1
            "80 c9 0002 11223344",                    // length beyond the datagram
            "80 c9 0001 11223344 00",                 // trailing byte
            "a0 c9 0001 11223344",                    // padding count 0x44 beyond the body
            "81 c9 0001 11223344",                    // RC=1 but no report block
            "81 ca 0002 11223344 01046162",           // SDES item beyond the packet
            "81 cb 0001 11223344 0000",               // BYE length not whole words
            "81 cb 0002 11223344 09 627965",          // BYE reason beyond the packet
            "81 cd 0002 11223344 55667788",           // NACK without items
            "81 ce 0003 11223344 55667788 00000000",  // PLI with an FCI
            "84 ce 0003 11223344 00000000 55667788",  // FIR entry cut short
            "8f ce 0004 11223344 00000000 52454d42 02000000", // REMB with 2 SSRCs but none present
        }) {
            byte[] wire = Hex.bytes(hex);
            assertThatThrownBy(() -> RtcpCompound.parse(wire, 0, wire.length)).as(hex)
                    .isInstanceOf(RtpParseException.class);
        }
    }

    @Test
    void modelsRejectValuesTheWireCannotCarry() {
        assertThatThrownBy(() -> new ReportBlock(0, 256, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportBlock(0, 0, 1 << 23, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GenericNack(0, 0, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SdesItem(0, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Goodbye(new int[32], null)).isInstanceOf(IllegalArgumentException.class);
    }
}
