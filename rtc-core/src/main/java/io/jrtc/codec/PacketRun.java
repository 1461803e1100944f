package io.jrtc.codec;

/**
 * The payloads of one frame's packets in sequence-number order, as the {@link FrameAssembler} lends them to a
 * {@link Depacketizer}: a view valid only during {@link Depacketizer#assemble(PacketRun)}.
 */
public interface PacketRun {
    /** How many packets the frame has. */
    int size();

    /** The array holding packet {@code index}'s payload, starting at offset 0. */
    byte[] payload(int index);

    /** The length of packet {@code index}'s payload. */
    int length(int index);

    /** The total of all payload lengths. */
    default int totalLength() {
        int total = 0;
        for (int i = 0; i < size(); i++) {
            total += length(i);
        }
        return total;
    }
}
