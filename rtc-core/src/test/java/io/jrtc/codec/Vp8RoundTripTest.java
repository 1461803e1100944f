package io.jrtc.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** VP8 frames through {@link Vp8Packetizer} and back through {@link FrameAssembler} (RFC 7741 §4). */
class Vp8RoundTripTest {

    static List<byte[]> randomFrames(Random random, int count, int maxSize) {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] frame = new byte[1 + random.nextInt(maxSize)];
            random.nextBytes(frame);
            // the P bit of the payload header (RFC 7741 §4.3): a keyframe now and then, the first always
            frame[0] = (byte) (i == 0 || random.nextInt(8) == 0 ? frame[0] & ~1 : frame[0] | 1);
            frames.add(frame);
        }
        return frames;
    }

    @Test
    void frameIsSplitToFitWithStartBitOnlyOnTheFirstPacket() throws Exception {
        Vp8Packetizer packetizer = new Vp8Packetizer(100, 0x7FFF);
        byte[] frame = new byte[250];
        List<RtpPayload> payloads = packetizer.packetize(frame, 0, frame.length);
        assertThat(payloads).hasSize(3);
        for (int i = 0; i < payloads.size(); i++) {
            byte[] data = payloads.get(i).data();
            assertThat(data.length).isLessThanOrEqualTo(100);
            Vp8PayloadDescriptor d = Vp8PayloadDescriptor.parse(data, 0, data.length);
            assertThat(d.startOfPartition()).isEqualTo(i == 0);
            assertThat(d.partitionIndex()).isZero();
            assertThat(d.pictureId()).isEqualTo(0x7FFF);
            assertThat(payloads.get(i).marker()).isEqualTo(i == payloads.size() - 1);
        }
        // first payload: X=1 S=1 PID=0 | I=1 | M=1 PictureID 0x7FFF, then 84 frame bytes (250 split 84/83/83)
        assertThat(payloads.get(0).data()).startsWith(0x90, 0x80, 0xFF, 0xFF).hasSize(88);
        assertThat(packetizer.nextPictureId()).isZero();
    }

    @Property(tries = 60)
    void inOrderDeliveryReturnsEveryFrame(@ForAll long seed, @ForAll @IntRange(min = 20, max = 1300) int mtu) {
        Random random = new Random(seed);
        List<byte[]> frames = randomFrames(random, 30, 3000);
        Vp8Packetizer packetizer = new Vp8Packetizer(mtu, random.nextInt(0x8000));
        List<SentPacket> sent = SentPacket.send(frames, f -> packetizer.packetize(f, 0, f.length),
                random.nextInt(65536), random.nextInt());
        List<byte[]> received = SentPacket.drain(new FrameAssembler(new Vp8PayloadFormat()), sent);
        assertThat(SentPacket.digests(received)).containsExactlyElementsOf(SentPacket.digests(frames));
    }

    @Property(tries = 60)
    void reorderingAndDuplicationLoseNothing(@ForAll long seed) {
        Random random = new Random(seed);
        List<byte[]> frames = randomFrames(random, 40, 2000);
        for (int i = 1; i < frames.size(); i++) {
            frames.get(i)[0] |= 1;
        }
        Vp8Packetizer packetizer = new Vp8Packetizer(300, 0);
        List<SentPacket> sent = SentPacket.send(frames, f -> packetizer.packetize(f, 0, f.length),
                65500, 0);
        // the first frame arrives first: a receiver cannot tell a reordered stream start from a join mid-stream
        int firstFrameEnd = 0;
        while (sent.get(firstFrameEnd).frameIndex() == 0) {
            firstFrameEnd++;
        }
        List<SentPacket> arriving = new ArrayList<>(sent.subList(0, firstFrameEnd));
        arriving.add(sent.get(0));
        arriving.addAll(SentPacket.reorderWithin(SentPacket.shuffleWithinFramesAndDuplicate(
                sent.subList(firstFrameEnd, sent.size()), random), 6, random));
        FrameAssembler assembler = new FrameAssembler(new Vp8PayloadFormat());
        List<byte[]> received = SentPacket.drain(assembler, arriving);
        assertThat(SentPacket.digests(received)).containsExactlyElementsOf(SentPacket.digests(frames));
        assertThat(assembler.droppedFrames()).isZero();
    }

    @Property(tries = 60)
    void aLostPacketLosesExactlyItsFrame(@ForAll long seed) {
        Random random = new Random(seed);
        List<byte[]> frames = randomFrames(random, 40, 2500);
        Vp8Packetizer packetizer = new Vp8Packetizer(500, 0);
        List<SentPacket> sent = SentPacket.send(frames, f -> packetizer.packetize(f, 0, f.length),
                random.nextInt(65536), 0);
        Set<Integer> lostFrames = new HashSet<>();
        List<SentPacket> survivors = new ArrayList<>();
        for (SentPacket p : sent) {
            if (random.nextInt(15) == 0) {
                lostFrames.add(p.frameIndex());
            } else {
                survivors.add(p);
            }
        }
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            if (!lostFrames.contains(i)) {
                expected.add(frames.get(i));
            }
        }
        List<SentPacket> arriving = SentPacket.shuffleWithinFramesAndDuplicate(survivors, random);
        List<byte[]> received = SentPacket.drain(new FrameAssembler(new Vp8PayloadFormat(), 512, 64), arriving);
        assertThat(SentPacket.digests(received)).containsExactlyElementsOf(SentPacket.digests(expected));
    }

    @Test
    void keyframeFlagFollowsThePBit() {
        Random random = new Random(7);
        List<byte[]> frames = randomFrames(random, 20, 2000);
        Vp8Packetizer packetizer = new Vp8Packetizer(400, 0);
        FrameAssembler assembler = new FrameAssembler(new Vp8PayloadFormat());
        for (SentPacket p : SentPacket.send(frames, f -> packetizer.packetize(f, 0, f.length), 0, 0)) {
            assembler.receive(0, p.sequenceNumber(), p.timestamp(), p.marker(), p.payload(), 0, p.payload().length);
        }
        for (byte[] frame : frames) {
            MediaFrame out = assembler.poll();
            assertThat(out.data()).isEqualTo(frame);
            assertThat(out.keyframe()).isEqualTo(Vp8PayloadFormat.isKeyframe(frame, 0, frame.length));
        }
    }
}
