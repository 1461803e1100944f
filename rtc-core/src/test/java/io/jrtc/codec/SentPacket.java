package io.jrtc.codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** An RTP packet as a test sender produced it, with the index of the frame it belongs to. */
record SentPacket(int sequenceNumber, int timestamp, boolean marker, byte[] payload, int frameIndex) {

    /** Packetizes each frame with consecutive sequence numbers from {@code firstSequence} (wrapping). */
    static List<SentPacket> send(List<byte[]> frames, Function<byte[], List<RtpPayload>> packetizer,
                                 int firstSequence, int firstTimestamp) {
        List<SentPacket> packets = new ArrayList<>();
        int seq = firstSequence;
        for (int f = 0; f < frames.size(); f++) {
            for (RtpPayload p : packetizer.apply(frames.get(f))) {
                packets.add(new SentPacket(seq & 0xFFFF, firstTimestamp + 3000 * f, p.marker(), p.data(), f));
                seq++;
            }
        }
        return packets;
    }

    /** Shuffles each frame's packets among themselves and repeats some: frames still arrive in order. */
    static List<SentPacket> shuffleWithinFramesAndDuplicate(List<SentPacket> packets, Random random) {
        List<SentPacket> out = new ArrayList<>();
        int i = 0;
        while (i < packets.size()) {
            int j = i;
            while (j < packets.size() && packets.get(j).frameIndex() == packets.get(i).frameIndex()) {
                j++;
            }
            List<SentPacket> frame = new ArrayList<>(packets.subList(i, j));
            for (SentPacket p : packets.subList(i, j)) {
                if (random.nextInt(10) == 0) {
                    frame.add(p);
                }
            }
            Collections.shuffle(frame, random);
            out.addAll(frame);
            i = j;
        }
        return out;
    }

    /** Moves packets up to {@code window} places away from where they were sent. */
    static List<SentPacket> reorderWithin(List<SentPacket> packets, int window, Random random) {
        List<SentPacket> out = new ArrayList<>(packets);
        for (int i = 0; i + 1 < out.size(); i++) {
            int j = Math.min(out.size() - 1, i + random.nextInt(window + 1));
            Collections.swap(out, i, j);
        }
        return out;
    }

    static List<byte[]> drain(FrameAssembler assembler, List<SentPacket> arriving) {
        List<byte[]> frames = new ArrayList<>();
        for (SentPacket p : arriving) {
            assembler.receive(0, p.sequenceNumber(), p.timestamp(), p.marker(), p.payload(), 0, p.payload().length);
            poll(assembler, frames);
        }
        while (assembler.skipIncompleteFrame()) {
            poll(assembler, frames);
        }
        poll(assembler, frames);
        return frames;
    }

    /** Short stand-ins for frames, so a failed comparison prints lengths and hashes instead of whole frames. */
    static List<String> digests(List<byte[]> frames) {
        List<String> out = new ArrayList<>();
        for (byte[] f : frames) {
            out.add(f.length + ":" + Integer.toHexString(java.util.Arrays.hashCode(f)));
        }
        return out;
    }

    private static void poll(FrameAssembler assembler, List<byte[]> into) {
        for (MediaFrame f = assembler.poll(); f != null; f = assembler.poll()) {
            into.add(f.data());
        }
    }
}
