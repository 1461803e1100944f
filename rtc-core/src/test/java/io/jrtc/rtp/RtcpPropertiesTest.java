package io.jrtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** RTCP parsers throw nothing but {@link RtpParseException}, whatever the input; codecs round-trip. */
class RtcpPropertiesTest {

    static final List<byte[]> VALID_COMPOUNDS = List.of(
            Hex.bytes("81c8000c11223344e1d5a6b3800000000000a0000000006400003e805566778840fffffe0001ffff00000010"
                    + "a6b3800000018000 82ca0005112233440101610602787900556677880000000 0 82cb0003112233445566778801780000"),
            Hex.bytes("81cd00031122334455667788006400058 1ce00021122334455667788 84ce00041122334400000000556677880700"
                    + "0000 8fce00051122334400000000524 54d42010bd09055667788"),
            Hex.bytes("afcd0006112233445566778801000004fffff000e480fffc0a040001 8fcd000a1122334455667788fff60016"
                    + "000001ff20140002000102030405060708090a0b0c0d0e0f10111213"));

    @Property(tries = 1000)
    void randomBytesOnlyEverFailWithParseException(@ForAll @Size(max = 200) byte[] bytes) {
        try {
            RtcpCompound.parse(bytes, 0, bytes.length);
        } catch (RtpParseException expected) {
            // the one acceptable failure
        }
    }

    @Property(tries = 1000)
    void randomBodiesOfEachTypeOnlyEverFailWithParseException(@ForAll @IntRange(min = 200, max = 207) int type,
                                                              @ForAll @IntRange(max = 31) int count,
                                                              @ForAll @Size(max = 120) byte[] body) {
        try {
            RtcpCompound.parsePacket(count, type, body, 0, body.length);
        } catch (RtpParseException expected) {
            // the one acceptable failure
        }
    }

    @Property(tries = 1000)
    void truncatedOrCorruptedValidCompoundsOnlyFailWithParseException(@ForAll @IntRange(max = 2) int which,
                                                                      @ForAll @IntRange(max = 150) int cut,
                                                                      @ForAll @IntRange(max = 1200) int flipBit) {
        byte[] packet = VALID_COMPOUNDS.get(which).clone();
        if (flipBit / 8 < packet.length) {
            packet[flipBit / 8] ^= (byte) (1 << (flipBit % 8));
        }
        try {
            RtcpCompound.parse(packet, 0, Math.min(cut, packet.length));
        } catch (RtpParseException expected) {
            // the one acceptable failure
        }
    }

    @Property(tries = 50)
    void validCompoundsReencodeByteForByte(@ForAll @IntRange(max = 2) int which) throws RtpParseException {
        byte[] wire = VALID_COMPOUNDS.get(which);
        assertThat(Hex.of(RtcpCompound.encode(RtcpCompound.parse(wire, 0, wire.length)))).isEqualTo(Hex.of(wire));
    }

    @Property(tries = 1000)
    void generatedPacketsParseBackToThemselves(@ForAll("packets") RtcpPacket packet) throws RtpParseException {
        byte[] wire = packet.toBytes();
        assertThat(wire.length % 4).isZero();
        List<RtcpPacket> parsed = RtcpCompound.parse(wire, 0, wire.length);
        assertThat(parsed).singleElement().usingRecursiveComparison().isEqualTo(packet);
        assertThat(parsed.get(0).toBytes()).isEqualTo(wire);
    }

    @Property(tries = 200)
    void generatedCompoundsParseBackToThemselves(@ForAll @Size(min = 1, max = 4) List<@net.jqwik.api.From("packets")
            RtcpPacket> packets) throws RtpParseException {
        byte[] wire = RtcpCompound.encode(packets);
        List<RtcpPacket> parsed = RtcpCompound.parse(wire, 0, wire.length);
        assertThat(parsed).usingRecursiveFieldByFieldElementComparator().isEqualTo(packets);
    }

    @Property(tries = 500)
    void nackCompressionExpandsToTheLostNumbers(@ForAll @IntRange(max = 65535) int first,
                                                @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 40)
                                                        Integer> gaps) {
        int[] lost = new int[gaps.size()];
        int seq = first;
        for (int i = 0; i < lost.length; i++) {
            lost[i] = seq;
            seq = SequenceNumbers.add(seq, gaps.get(i));
        }
        assertThat(GenericNack.ofLost(1, 2, lost).lostSequenceNumbers()).containsExactly(lost);
    }

    @Provide
    Arbitrary<RtcpPacket> packets() {
        return RtcpArbitraries.packets();
    }
}
