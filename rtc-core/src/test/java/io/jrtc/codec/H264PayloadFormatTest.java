package io.jrtc.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** H.264 packetization-mode 1 (RFC 6184): layouts of §5.6, §5.7.1, §5.8 and round trips through the assembler. */
class H264PayloadFormatTest {
    private static final byte[] SPS = {0x67, 0x42, (byte) 0xC0, 0x1F};    // F=0 NRI=11 Type=7
    private static final byte[] PPS = {0x68, (byte) 0xCE, 0x3C, (byte) 0x80}; // F=0 NRI=11 Type=8
    private static final byte[] IDR = {0x65, (byte) 0x88, (byte) 0x84, 0x21, (byte) 0xA0}; // NRI=11 Type=5

    @Test
    void smallNalUnitsAreAggregatedIntoOneStapA() {
        List<RtpPayload> payloads = new H264Packetizer(1200).packetize(List.of(SPS, PPS, IDR));
        assertThat(payloads).hasSize(1);
        assertThat(payloads.get(0).marker()).isTrue();
        assertThat(payloads.get(0).data()).containsExactly(
                0x78,                               // STAP-A NAL header: F=0 NRI=11 Type=24
                0x00, 0x04,                         // NALU 1 size
                0x67, 0x42, 0xC0, 0x1F,             // SPS
                0x00, 0x04,                         // NALU 2 size
                0x68, 0xCE, 0x3C, 0x80,             // PPS
                0x00, 0x05,                         // NALU 3 size
                0x65, 0x88, 0x84, 0x21, 0xA0);      // IDR slice
    }

    @Test
    void largeNalUnitsAreFragmentedIntoFuA() {
        byte[] idr = new byte[9];
        idr[0] = 0x45;                                   // F=0 NRI=10 Type=5
        for (int i = 1; i < idr.length; i++) {
            idr[i] = (byte) (0xB0 + i);
        }
        List<RtpPayload> payloads = new H264Packetizer(5).packetize(List.of(idr));
        assertThat(payloads).extracting(RtpPayload::marker).containsExactly(false, false, true);
        // 8 body bytes over 3 fragments of at most 3: 3, 3, 2
        assertThat(payloads.get(0).data()).containsExactly(
                0x5C,                                    // FU indicator: F=0 NRI=10 Type=28
                0x85,                                    // FU header: S=1 E=0 R=0 Type=5
                0xB1, 0xB2, 0xB3);
        assertThat(payloads.get(1).data()).containsExactly(0x5C, 0x05, 0xB4, 0xB5, 0xB6);   // S=0 E=0
        assertThat(payloads.get(2).data()).containsExactly(0x5C, 0x45, 0xB7, 0xB8);         // S=0 E=1
    }

    @Test
    void depacketizedFramesAreAnnexBAccessUnitsWithKeyframeFlag() {
        FrameAssembler assembler = new FrameAssembler(new H264PayloadFormat());
        byte[] stream = H264NalUnits.joinAnnexB(List.of(SPS, PPS, IDR));
        List<RtpPayload> payloads = new H264Packetizer(6).packetizeAnnexB(stream, 0, stream.length);
        int seq = 100;
        for (RtpPayload p : payloads) {
            assembler.receive(0, seq++, 90_000, p.marker(), p.data(), 0, p.data().length);
        }
        MediaFrame frame = assembler.poll();
        assertThat(frame.data()).isEqualTo(stream);
        assertThat(frame.keyframe()).isTrue();
        assertThat(H264NalUnits.isSelfContainedKeyframe(frame.data(), 0, frame.data().length)).isTrue();
        byte[] idrOnly = H264NalUnits.joinAnnexB(List.of(IDR));
        assertThat(H264NalUnits.isSelfContainedKeyframe(idrOnly, 0, idrOnly.length)).isFalse();
        assertThat(H264NalUnits.splitAnnexB(new byte[] {0, 0, 1, 0x41, (byte) 0x9A, 0, 0, 0, 0, 1, 0x41, 0x01, 0},
                0, 13)).containsExactly(new byte[] {0x41, (byte) 0x9A}, new byte[] {0x41, 0x01});
    }

    @Test
    void malformedFuSequencesAreDropped() {
        H264PayloadFormat format = new H264PayloadFormat();
        FrameAssembler assembler = new FrameAssembler(format, 64, 8);
        byte[] sliceStart = {0x41, (byte) 0x80};                // non-IDR slice, first_mb_in_slice = 0
        assembler.receive(0, 1, 1, true, sliceStart, 0, 2);
        // FU-A continuation (S=0 E=1) with no start fragment, inside a frame of its own
        assembler.receive(0, 2, 2, true, new byte[] {0x5C, 0x41, 1, 2}, 0, 4);
        assembler.receive(0, 3, 3, true, sliceStart, 0, 2);
        // FU-A start without an end fragment before the marker
        assembler.receive(0, 4, 4, false, sliceStart, 0, 2);
        assembler.receive(0, 5, 4, true, new byte[] {0x5C, (byte) 0x81, (byte) 0x80, 2}, 0, 4);
        assembler.receive(0, 6, 5, true, sliceStart, 0, 2);
        List<Integer> timestamps = new ArrayList<>();
        for (MediaFrame f = assembler.poll(); f != null; f = assembler.poll()) {
            timestamps.add(f.rtpTimestamp());
        }
        assertThat(timestamps).containsExactly(1, 3, 5);
        assertThat(assembler.droppedFrames()).isEqualTo(2);
        assertThatThrownBy(() -> format.inspect(new byte[] {0x5C, (byte) 0xC5, 1}, 0, 3))
                .isInstanceOf(CodecParseException.class);       // S and E both set
        assertThatThrownBy(() -> format.inspect(new byte[] {0x7A, 0, 1}, 0, 3))
                .isInstanceOf(CodecParseException.class);       // STAP-B (type 26 is MTAP16; 25) not in mode 1
        assertThatThrownBy(() -> format.inspect(new byte[] {0x78, 0x00, 0x05, 0x67}, 0, 4))
                .isInstanceOf(CodecParseException.class);       // STAP-A size beyond the payload
    }

    /** Access units as a WebRTC encoder makes them: SPS+PPS+IDR now and then, else non-IDR slices. */
    static List<byte[]> randomAccessUnits(Random random, int count) {
        List<byte[]> units = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<byte[]> nals = new ArrayList<>();
            boolean idr = i == 0 || random.nextInt(10) == 0;
            if (idr) {
                nals.add(SPS);
                nals.add(PPS);
            }
            int slices = 1 + random.nextInt(3);
            for (int s = 0; s < slices; s++) {
                byte[] nal = new byte[2 + random.nextInt(random.nextBoolean() ? 60 : 4000)];
                random.nextBytes(nal);
                for (int b = 0; b < nal.length; b++) {
                    nal[b] = nal[b] == 0 ? 1 : nal[b];   // no start code emulation in the body
                }
                nal[0] = (byte) (idr ? 0x65 : 0x41);
                // first_mb_in_slice 0 only in the first slice; never a zero byte, which at the end of a NAL unit
                // would be trailing_zero_8bits of the byte stream (H.264 B.1), not part of the unit, while a real
                // NAL unit ends with its rbsp_stop_one_bit
                nal[1] = (byte) (s == 0 ? nal[1] | 0x80 : (nal[1] & 0x7F) == 0 ? 0x01 : nal[1] & 0x7F);
                nals.add(nal);
            }
            units.add(H264NalUnits.joinAnnexB(nals));
        }
        return units;
    }

    /** Frames stay within the assembler's capacity: at 100 bytes a 12 kB access unit is about 125 packets. */
    @Property(tries = 40)
    void aLostPacketLosesExactlyItsAccessUnit(@ForAll long seed, @ForAll @IntRange(min = 100, max = 1200) int mtu) {
        Random random = new Random(seed);
        List<byte[]> units = randomAccessUnits(random, 30);
        H264Packetizer packetizer = new H264Packetizer(mtu);
        List<SentPacket> sent = SentPacket.send(units, u -> packetizer.packetizeAnnexB(u, 0, u.length),
                random.nextInt(65536), 0);
        Set<Integer> lost = new HashSet<>();
        List<SentPacket> survivors = new ArrayList<>(sent.subList(0, 1));
        for (SentPacket p : sent.subList(1, sent.size())) {
            if (random.nextInt(20) == 0) {
                lost.add(p.frameIndex());
            } else {
                survivors.add(p);
            }
        }
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            if (!lost.contains(i)) {
                expected.add(units.get(i));
            }
        }
        List<SentPacket> arriving = SentPacket.shuffleWithinFramesAndDuplicate(survivors, random);
        List<byte[]> received = SentPacket.drain(new FrameAssembler(new H264PayloadFormat(), 1024, 256), arriving);
        assertThat(SentPacket.digests(received)).containsExactlyElementsOf(SentPacket.digests(expected));
    }
}
