package io.jrtc.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** VP9 (RFC 9628): the payload descriptor of §4.2, packetization, reassembly and keyframe detection. */
class Vp9PayloadFormatTest {

    /** §4.2: I=1 P=0 L=1 F=0 B=1 E=0 V=0 Z=0, M=1 with a 15-bit picture id, TID 2 U=1 SID 1 D=1, TL0PICIDX. */
    @Test
    void nonFlexibleModeDescriptorWithLayerIndices() throws CodecParseException {
        byte[] payload = {(byte) 0xA8, (byte) 0x81, 0x23, 0x53, 0x07, 0x55};
        Vp9PayloadDescriptor d = Vp9PayloadDescriptor.parse(payload, 0, payload.length);
        assertThat(d.pictureId()).isEqualTo(0x0123);
        assertThat(d.longPictureId()).isTrue();
        assertThat(d.temporalId()).isEqualTo(2);
        assertThat(d.switchingUp()).isTrue();
        assertThat(d.spatialId()).isEqualTo(1);
        assertThat(d.interLayer()).isTrue();
        assertThat(d.tl0PicIdx()).isEqualTo(7);
        assertThat(d.beginsFrame()).isTrue();
        assertThat(d.endsFrame()).isFalse();
        assertThat(Vp9PayloadDescriptor.headerLength(payload, 0, payload.length)).isEqualTo(5);
        // B=1 and P=0, but in spatial layer 1: neither a picture start nor a keyframe start
        assertThat(d.startsPicture()).isFalse();
        assertThat(Vp9PayloadFormat.isKeyframeStart(payload, 0, payload.length)).isFalse();
    }

    /** §4.2: flexible mode, P=1 with two reference indices (P_DIFF 1 with N=1, then P_DIFF 3). */
    @Test
    void flexibleModeDescriptorWithReferenceIndices() throws CodecParseException {
        byte[] payload = {(byte) 0xDC, 0x05, 0x03, 0x06, 0x11};
        Vp9PayloadDescriptor d = Vp9PayloadDescriptor.parse(payload, 0, payload.length);
        assertThat(d.flexible()).isTrue();
        assertThat(d.interPicture()).isTrue();
        assertThat(d.pictureId()).isEqualTo(5);
        assertThat(d.tl0PicIdx()).isEqualTo(Vp9PayloadDescriptor.ABSENT);
        assertThat(d.referenceDiffs()).containsExactly(1, 3);
        assertThat(Vp9PayloadDescriptor.headerLength(payload, 0, payload.length)).isEqualTo(4);
    }

    /** §4.2.1: the scalability structure with two spatial layers, their sizes and a picture group of one. */
    @Test
    void scalabilityStructureGivesTheLayerSizes() throws CodecParseException {
        byte[] payload = {(byte) 0x8A, 0x01, 0x38, 0x01, 0x40, 0x00, (byte) 0xB4, 0x02, (byte) 0x80, 0x01, 0x68,
            0x01, 0x04, 0x02, 0x42};
        Vp9PayloadDescriptor d = Vp9PayloadDescriptor.parse(payload, 0, payload.length);
        assertThat(d.resolutions()).containsExactly(new Vp9PayloadDescriptor.Resolution(320, 180),
                new Vp9PayloadDescriptor.Resolution(640, 360));
        assertThat(Vp9PayloadDescriptor.headerLength(payload, 0, payload.length)).isEqualTo(payload.length - 1);
        assertThat(Vp9PayloadFormat.isKeyframeStart(payload, 0, payload.length)).isTrue();
    }

    @Test
    void malformedDescriptorsAreRefused() {
        assertThatThrownBy(() -> Vp9PayloadDescriptor.parse(new byte[] {(byte) 0x80}, 0, 1))
                .isInstanceOf(CodecParseException.class).hasMessageContaining("truncated");
        byte[] fourDiffs = {0x50, 0x03, 0x03, 0x03, 0x02};
        assertThatThrownBy(() -> Vp9PayloadDescriptor.parse(fourDiffs, 0, fourDiffs.length))
                .isInstanceOf(CodecParseException.class).hasMessageContaining("three");
    }

    @Test
    void aRealKeyframeIsSentWithItsSizeAndComesBackWhole() throws CodecParseException {
        byte[] keyframe = CodecSamples.load(CodecSamples.VP9_KEYFRAME);
        assertThat(Vp9Frames.isKeyframe(keyframe)).isTrue();
        assertThat(Vp9Frames.keyframeSize(keyframe)).isEqualTo(new Vp9PayloadDescriptor.Resolution(320, 240));
        List<RtpPayload> payloads = new Vp9Packetizer(1100, 0x7FFF).packetize(keyframe, 0, keyframe.length);
        assertThat(payloads).hasSize(4).extracting(RtpPayload::marker).containsExactly(false, false, false, true);
        // I=1 P=0 B=1 V=1, M=1 picture id 0x7FFF, SS: N_S=0 Y=1 G=0, 320x240
        assertThat(payloads.get(0).data()).startsWith(0x8A, 0xFF, 0xFF, 0x10, 0x01, 0x40, 0x00, 0xF0);
        assertThat(payloads.get(3).data()[0]).isEqualTo((byte) 0x84);
        assertThat(new Vp9PayloadFormat().startsKeyframe(payloads.get(0).data(), 0, payloads.get(0).data().length))
                .isTrue();
        List<SentPacket> sent = SentPacket.send(List.of(keyframe), f -> payloads, 65534, 0);
        List<byte[]> received = SentPacket.drain(new FrameAssembler(new Vp9PayloadFormat()), sent);
        assertThat(received).containsExactly(keyframe);
    }

    @Test
    void spatialLayersOfOnePictureComeOutAsOneSuperframe() throws CodecParseException {
        byte[] base = {(byte) 0x82, 0x49, (byte) 0x83, 0x42, 0x00, 0x01};
        byte[] upper = {(byte) 0x86, 0x00, 0x40, 0x41};
        FrameAssembler assembler = new FrameAssembler(new Vp9PayloadFormat());
        byte[] first = concat(new byte[] {(byte) 0xAC, 0x01, 0x00, 0x00}, base);     // I L B E, SID 0
        byte[] second = concat(new byte[] {(byte) 0xED, 0x01, 0x03, 0x00}, upper);   // I P L B E Z, SID 1 D
        assembler.receive(0, 10, 900, false, first, 0, first.length);
        assembler.receive(0, 11, 900, true, second, 0, second.length);
        MediaFrame picture = assembler.poll();
        assertThat(picture.keyframe()).isTrue();
        assertThat(Vp9Frames.splitSuperframe(picture.data())).containsExactly(base, upper);
    }

    @Property(tries = 300)
    void descriptorsSurviveEncodingAndParsing(@ForAll("descriptors") Vp9PayloadDescriptor descriptor)
            throws CodecParseException {
        byte[] bytes = new byte[descriptor.length()];
        assertThat(descriptor.encode(bytes, 0)).isEqualTo(bytes.length);
        assertThat(Vp9PayloadDescriptor.parse(bytes, 0, bytes.length)).isEqualTo(descriptor);
        assertThat(Vp9PayloadDescriptor.headerLength(bytes, 0, bytes.length)).isEqualTo(bytes.length);
    }

    @Provide
    Arbitrary<Vp9PayloadDescriptor> descriptors() {
        Arbitrary<Boolean> bits = Arbitraries.of(true, false);
        Arbitrary<Integer> pictureIds = Arbitraries.integers().between(-1, 0x7FFF);
        Arbitrary<Integer> layers = Arbitraries.integers().between(-1, 63);
        Arbitrary<List<Integer>> diffs = Arbitraries.integers().between(1, 127).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<Vp9PayloadDescriptor.Resolution>> sizes = Combinators.combine(
                Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers().between(0, 0xFFFF))
                .as(Vp9PayloadDescriptor.Resolution::new).list().ofMaxSize(8).injectNull(0.5);
        return Combinators.combine(bits.list().ofSize(7), pictureIds, layers, Arbitraries.integers().between(0, 255),
                diffs, sizes).as((b, pictureId, layer, tl0, diff, size) -> {
                    boolean flexible = b.get(1);
                    boolean inter = b.get(0);
                    boolean longId = pictureId > 0x7F || pictureId >= 0 && b.get(5);
                    int tid = layer < 0 ? -1 : layer >>> 3;
                    int sid = layer < 0 ? -1 : layer & 7;
                    return new Vp9PayloadDescriptor(inter, flexible, b.get(2), b.get(3), b.get(4), pictureId, longId,
                            tid, layer >= 0 && b.get(6), sid, layer >= 0 && b.get(5),
                            layer >= 0 && !flexible ? tl0 : -1, flexible && inter ? diff : List.of(), size);
                });
    }

    @Property(tries = 60)
    void framesSurvivePacketizationAtAnySize(@ForAll long seed, @ForAll @IntRange(min = 20, max = 1300) int mtu) {
        Random random = new Random(seed);
        List<byte[]> frames = new ArrayList<>();
        byte[] keyframe = CodecSamples.load(CodecSamples.VP9_KEYFRAME);
        frames.add(keyframe);
        for (int i = 0; i < 20; i++) {
            byte[] frame = new byte[1 + random.nextInt(3000)];
            random.nextBytes(frame);
            frame[0] = (byte) 0x86;  // frame_marker 2, profile 0, inter frame
            frame[frame.length - 1] = 0;  // never a superframe index
            frames.add(frame);
        }
        Vp9Packetizer packetizer = new Vp9Packetizer(mtu, random.nextInt(0x8000));
        List<SentPacket> sent = SentPacket.send(frames, f -> packetizer.packetize(f, 0, f.length),
                random.nextInt(65536), random.nextInt());
        FrameAssembler assembler = new FrameAssembler(new Vp9PayloadFormat());
        List<byte[]> received = SentPacket.drain(assembler, sent);
        assertThat(SentPacket.digests(received)).containsExactlyElementsOf(SentPacket.digests(frames));
        long keyStarts = sent.stream().filter(p -> Vp9PayloadFormat.isKeyframeStart(p.payload(), 0,
                p.payload().length)).count();
        assertThat(keyStarts).isEqualTo(1);
    }

    @Test
    void superframesSplitAndJoinAsAnnexBSays() {
        byte[] a = {1, 2, 3};
        byte[] b = {4, 5};
        byte[] joined = Vp9Frames.joinSuperframe(List.of(a, b));
        // marker 0b110 11 001: four-byte sizes, two frames, at both ends of the index
        assertThat(joined).hasSize(5 + 10).endsWith(0xD9);
        assertThat(joined[5]).isEqualTo((byte) 0xD9);
        assertThat(Vp9Frames.splitSuperframe(joined)).containsExactly(a, b);
        byte[] notIndexed = {1, 2, (byte) 0xD9};
        assertThat(Vp9Frames.splitSuperframe(notIndexed)).containsExactly(notIndexed);
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] out = new byte[first.length + second.length];
        System.arraycopy(first, 0, out, 0, first.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }
}
