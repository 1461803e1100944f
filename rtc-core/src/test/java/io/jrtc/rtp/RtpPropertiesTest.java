package io.jrtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The RTP parser throws nothing but {@link RtpParseException}; writer and parser round-trip. */
class RtpPropertiesTest {

    static final List<byte[]> VALID_PACKETS = List.of(
            Hex.bytes("b2e0ffffffffffff111111112222222233333333bede0003120a0b0c3101024085000000cafe000003"),
            Hex.bytes("90600001000000020000000310050007 0f00 00 1011000102030405060708090a0b0c0d0e0f10 010141 000000 77"),
            Hex.bytes("80 6f 1234 0000abcd deadbeef 010203"));

    /** Touches everything a parsed header offers, as a receiver would. */
    private static void readEverything(RtpHeader h) {
        for (int i = 0; i < h.csrcCount(); i++) {
            h.csrc(i);
        }
        h.extensions();
        for (int id = 0; id < 256; id += 5) {
            h.extensionOffset(id);
        }
        AbsSendTimeExtension.read(h, 1);
        TransportSequenceNumberExtension.read(h, 3);
        SdesMidExtension.read(h, 2);
        AudioLevelExtension.readLevel(h, 4);
        assertThat(h.payloadLength()).isNotNegative();
        assertThat(h.payloadOffset() + h.payloadLength() + h.paddingLength()).isEqualTo(h.offset() + h.length());
    }

    @Property(tries = 1000)
    void randomBytesOnlyEverFailWithParseException(@ForAll @Size(max = 120) byte[] bytes,
                                                   @ForAll boolean looksLikeRtp) {
        if (looksLikeRtp && bytes.length > 0) {
            bytes[0] = (byte) (0x80 | (bytes[0] & 0x3F));
        }
        try {
            readEverything(RtpHeader.parse(bytes, 0, bytes.length));
        } catch (RtpParseException expected) {
            // the one acceptable failure
        }
    }

    @Property(tries = 500)
    void truncatedOrCorruptedValidPacketsOnlyFailWithParseException(@ForAll @IntRange(max = 2) int which,
                                                                    @ForAll @IntRange(max = 80) int cut,
                                                                    @ForAll @IntRange(max = 700) int flipBit) {
        byte[] packet = VALID_PACKETS.get(which).clone();
        if (flipBit / 8 < packet.length) {
            packet[flipBit / 8] ^= (byte) (1 << (flipBit % 8));
        }
        try {
            readEverything(RtpHeader.parse(packet, 0, Math.min(cut, packet.length)));
        } catch (RtpParseException expected) {
            // the one acceptable failure
        }
    }

    @Property(tries = 500)
    void validPacketsRewriteByteForByte(@ForAll @IntRange(max = 2) int which) throws RtpParseException {
        byte[] wire = VALID_PACKETS.get(which);
        RtpHeader h = RtpHeader.parse(wire, 0, wire.length);
        byte[] out = new byte[wire.length];
        new RtpHeaderWriter().copyFrom(h).write(out, 0, wire, h.payloadOffset(), h.payloadLength(),
                h.paddingLength());
        assertThat(out).isEqualTo(wire);
    }

    record Model(boolean marker, int payloadType, int sequenceNumber, int timestamp, int ssrc, int[] csrcs,
                 List<RtpHeaderExtension> extensions, boolean twoByte, byte[] payload, int padding) {
    }

    @Provide
    Arbitrary<Model> models() {
        Arbitrary<RtpHeaderExtension> extension = Combinators.combine(Arbitraries.integers().between(1, 255),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(20)).as(RtpHeaderExtension::new);
        Arbitrary<RtpHeaderExtension> oneByteExtension = Combinators.combine(Arbitraries.integers().between(1, 14),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(16)).as(RtpHeaderExtension::new);
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 127),
                Arbitraries.integers().between(0, 65535), Arbitraries.integers(), Arbitraries.integers(),
                Arbitraries.integers().array(int[].class).ofMaxSize(15),
                Arbitraries.oneOf(extension.list().ofMaxSize(5), oneByteExtension.list().ofMaxSize(5)),
                Arbitraries.of(true, false)).flatAs((m, pt, seq, ts, ssrc, csrcs, extensions, twoByte) ->
                Combinators.combine(Arbitraries.bytes().array(byte[].class).ofMaxSize(50),
                        Arbitraries.integers().between(0, 255)).as((payload, padding) ->
                        new Model(m, pt, seq, ts, ssrc, csrcs, extensions, twoByte, payload, padding)));
    }

    @Property(tries = 500)
    void writtenModelsParseBackToThemselves(@ForAll("models") Model model) throws RtpParseException {
        RtpHeaderWriter writer = new RtpHeaderWriter().marker(model.marker()).payloadType(model.payloadType())
                .sequenceNumber(model.sequenceNumber()).timestamp(model.timestamp()).ssrc(model.ssrc());
        Arrays.stream(model.csrcs()).forEach(writer::addCsrc);
        if (model.twoByte()) {
            writer.twoByteExtensions(3);
        }
        model.extensions().forEach(e -> writer.addExtension(e.id(), e.value(), 0, e.value().length));
        byte[] out = new byte[writer.packetLength(model.payload().length, model.padding()) + 3];
        int n = writer.write(out, 3, model.payload(), 0, model.payload().length, model.padding());
        RtpHeader h = RtpHeader.parse(out, 3, n);
        assertThat(h.marker()).isEqualTo(model.marker());
        assertThat(h.payloadType()).isEqualTo(model.payloadType());
        assertThat(h.sequenceNumber()).isEqualTo(model.sequenceNumber());
        assertThat(h.timestamp()).isEqualTo(model.timestamp());
        assertThat(h.ssrc()).isEqualTo(model.ssrc());
        int[] csrcs = new int[h.csrcCount()];
        Arrays.setAll(csrcs, h::csrc);
        assertThat(csrcs).isEqualTo(model.csrcs());
        assertThat(h.extensions()).usingRecursiveFieldByFieldElementComparator().isEqualTo(model.extensions());
        assertThat(Arrays.copyOfRange(out, h.payloadOffset(), h.payloadOffset() + h.payloadLength()))
                .isEqualTo(model.payload());
        assertThat(h.paddingLength()).isEqualTo(model.padding());
        if (!model.extensions().isEmpty()) {
            RtpHeaderExtension first = model.extensions().get(0);
            assertThat(h.extensionLength(first.id())).isEqualTo(first.value().length);
        }
    }
}
