package io.jrtc.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** AV1 (the AV1 RTP specification §4): aggregation header, OBU elements, fragments and keyframe detection. */
class Av1PayloadFormatTest {
    /** A sequence header OBU without a size field (type 1), as RTP carries it. */
    private static final byte[] SEQUENCE_HEADER = {0x08, 0x00, 0x00, 0x00, 0x02, (byte) 0xAF};
    /** A frame OBU (type 6) with an extension byte: temporal_id 1, spatial_id 0. */
    private static final byte[] FRAME = {0x34, 0x20, 0x10, 0x11, 0x12};

    /** §4.4: W = 2, the first element with its leb128 length, the last running to the end; N = 1. */
    @Test
    void twoElementsWithWTwoMakeOneKeyframeTemporalUnit() throws CodecParseException {
        byte[] packet = concat(new byte[] {0x28, 0x06}, SEQUENCE_HEADER, FRAME);
        Av1PayloadFormat format = new Av1PayloadFormat();
        assertThat(format.inspect(packet, 0, packet.length))
                .isEqualTo(Depacketizer.FRAME_START | Depacketizer.KEYFRAME);
        assertThat(Av1PayloadFormat.isKeyframeStart(packet, 0, packet.length)).isTrue();
        FrameAssembler assembler = new FrameAssembler(format);
        assembler.receive(0, 7, 3000, true, packet, 0, packet.length);
        MediaFrame unit = assembler.poll();
        assertThat(unit.keyframe()).isTrue();
        // low-overhead format: temporal delimiter, then each OBU with has_size_field set and its size
        assertThat(unit.data()).containsExactly(0x12, 0x00, 0x0A, 0x05, 0x00, 0x00, 0x00, 0x02, 0xAF,
                0x36, 0x20, 0x03, 0x10, 0x11, 0x12);
    }

    /** §4.4: an OBU fragmented over two packets, Y = 1 on the first and Z = 1 on the second. */
    @Test
    void aFragmentedObuIsJoined() throws CodecParseException {
        byte[] first = {0x40 | 0x10, 0x08, 0x00, 0x00};    // Y=1 W=1: one element, the OBU's first 3 bytes
        byte[] second = {(byte) 0x80 | 0x10, 0x00, 0x02, (byte) 0xAF}; // Z=1 W=1: the rest
        Av1PayloadFormat format = new Av1PayloadFormat();
        assertThat(format.inspect(second, 0, second.length) & Depacketizer.FRAME_START).isZero();
        FrameAssembler assembler = new FrameAssembler(format);
        assembler.receive(0, 1, 0, false, first, 0, first.length);
        assembler.receive(0, 2, 0, true, second, 0, second.length);
        assertThat(assembler.poll().data()).containsExactly(0x12, 0x00, 0x0A, 0x05, 0x00, 0x00, 0x00, 0x02, 0xAF);
    }

    @Test
    void malformedPacketsAreRefused() {
        Av1PayloadFormat format = new Av1PayloadFormat();
        byte[] zAndN = {(byte) 0x88, 0x08};
        assertThatThrownBy(() -> format.inspect(zAndN, 0, zAndN.length)).hasMessageContaining("Z and N");
        byte[] tooLong = {0x00, 0x05, 0x08};
        assertThatThrownBy(() -> format.inspect(tooLong, 0, tooLong.length)).hasMessageContaining("beyond");
        byte[] missing = {0x30, 0x01, 0x08};  // W = 3 but one element
        assertThatThrownBy(() -> format.inspect(missing, 0, missing.length)).hasMessageContaining("fewer");
        assertThat(Av1PayloadFormat.isKeyframeStart(zAndN, 0, zAndN.length)).isFalse();
    }

    @Test
    void aRealTemporalUnitGoesOutWithoutItsDelimiterAndComesBackWhole() {
        byte[] unit = CodecSamples.load(CodecSamples.AV1_KEYFRAME);
        List<RtpPayload> payloads = new Av1Packetizer(200).packetize(unit, 0, unit.length);
        assertThat(payloads).hasSize(3);
        assertThat(payloads.get(0).data()[0]).isEqualTo((byte) (Av1PayloadFormat.N | Av1PayloadFormat.Y));
        assertThat(payloads.get(1).data()[0]).isEqualTo((byte) (Av1PayloadFormat.Z | Av1PayloadFormat.Y));
        assertThat(payloads.get(2).data()[0]).isEqualTo((byte) Av1PayloadFormat.Z);
        // N=1 Y=1 W=0, then the sequence header, its size field gone: element length 12, OBU header 0x08
        assertThat(payloads.get(0).data()).startsWith(0x48, 0x0C, 0x08, 0x00, 0x00, 0x00, 0x02);
        assertThat(payloads).allSatisfy(p -> assertThat(p.data().length).isLessThanOrEqualTo(200));
        List<SentPacket> sent = SentPacket.send(List.of(unit), f -> payloads, 65535, 0);
        assertThat(SentPacket.drain(new FrameAssembler(new Av1PayloadFormat()), sent)).containsExactly(unit);
    }

    @Property(tries = 80)
    void temporalUnitsSurvivePacketizationAtAnySize(@ForAll long seed,
                                                     @ForAll @IntRange(min = 100, max = 1300) int mtu) {
        Random random = new Random(seed);
        List<byte[]> units = new ArrayList<>();
        units.add(CodecSamples.load(CodecSamples.AV1_KEYFRAME));
        for (int i = 0; i < 10; i++) {
            units.add(randomTemporalUnit(random));
        }
        Av1Packetizer packetizer = new Av1Packetizer(mtu);
        List<SentPacket> sent = SentPacket.send(units, u -> packetizer.packetize(u, 0, u.length),
                random.nextInt(65536), random.nextInt());
        assertThat(sent).allSatisfy(p -> assertThat(p.payload().length).isLessThanOrEqualTo(mtu));
        List<byte[]> received = SentPacket.drain(new FrameAssembler(new Av1PayloadFormat()), sent);
        assertThat(SentPacket.digests(received)).containsExactlyElementsOf(SentPacket.digests(units));
        assertThat(sent.stream().filter(p -> Av1PayloadFormat.isKeyframeStart(p.payload(), 0, p.payload().length)))
                .hasSize(1);
    }

    /** A delimiter and one to three frame or metadata OBUs with sizes, with or without extension bytes. */
    static byte[] randomTemporalUnit(Random random) {
        List<byte[]> obus = new ArrayList<>();
        obus.add(Av1Obus.TEMPORAL_DELIMITER);
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            boolean extension = random.nextBoolean();
            int type = random.nextBoolean() ? 6 : 5;
            byte[] payload = new byte[random.nextInt(2500)];
            random.nextBytes(payload);
            int header = extension ? 2 : 1;
            byte[] obu = new byte[header + Av1Obus.leb128Length(payload.length) + payload.length];
            obu[0] = (byte) (type << 3 | (extension ? 0x04 : 0) | 0x02);
            if (extension) {
                obu[1] = (byte) (random.nextInt(8) << 5 | random.nextInt(4) << 3);
            }
            int at = Av1Obus.writeLeb128(payload.length, obu, header);
            System.arraycopy(payload, 0, obu, at, payload.length);
            obus.add(obu);
        }
        return concat(obus.toArray(new byte[0][]));
    }

    @Property(tries = 300)
    void leb128RoundTrips(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int value) throws CodecParseException {
        byte[] bytes = new byte[Av1Obus.leb128Length(value)];
        assertThat(Av1Obus.writeLeb128(value, bytes, 0)).isEqualTo(bytes.length);
        long read = Av1Obus.readLeb128(bytes, 0, bytes.length);
        assertThat(read >>> 8).isEqualTo(value);
        assertThat(read & 0xFF).isEqualTo(bytes.length);
    }

    static byte[] concat(byte[]... parts) {
        int total = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[total];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
