package io.jrtc.sctp;

import io.jrtc.sctp.wire.Chunk;
import io.jrtc.sctp.wire.Crc32c;
import io.jrtc.sctp.wire.NetworkBytes;
import io.jrtc.sctp.wire.SctpPacket;

import java.util.Arrays;

/**
 * Assembles one outgoing packet in a reused buffer: common header, chunks padded to 4 bytes, CRC32c. A chunk
 * larger than the MTU is still accepted as the only chunk (a large cookie, say); DTLS carries it whole. The buffer
 * holds an MTU-sized packet and grows only for such a chunk: one sized for the largest chunk (64 KiB) was more than
 * half of what a quiet connection held.
 */
final class PacketBuilder {
    private final int mtu;
    private byte[] buffer;
    private final Crc32c crc = new Crc32c();
    private int position;

    PacketBuilder(int mtu) {
        this.mtu = mtu;
        // The MTU and the padding of its last chunk.
        this.buffer = new byte[Math.max(mtu, SctpPacket.COMMON_HEADER_LENGTH) + 4];
    }

    void begin(int sourcePort, int destinationPort, int verificationTag) {
        SctpPacket.writeHeader(buffer, 0, sourcePort, destinationPort, verificationTag);
        position = SctpPacket.COMMON_HEADER_LENGTH;
    }

    boolean isEmpty() {
        return position == SctpPacket.COMMON_HEADER_LENGTH;
    }

    /** Bytes left before the MTU. */
    int remaining() {
        return mtu - position;
    }

    boolean fits(int chunkLength) {
        return NetworkBytes.padded(chunkLength) <= remaining();
    }

    /** Adds a chunk if it fits (or is the first); false otherwise. */
    boolean add(Chunk chunk) {
        int len = chunk.length();
        if (!fits(len) && !isEmpty()) {
            return false;
        }
        ensureCapacity(position + NetworkBytes.padded(len));
        chunk.encode(buffer, position);
        advance(len);
        return true;
    }

    private void ensureCapacity(int end) {
        if (end > buffer.length) {
            buffer = Arrays.copyOf(buffer, end);
        }
    }

    /** Direct access for chunks written in place (DATA from a message slice, within the MTU). */
    byte[] buffer() {
        return buffer;
    }

    int position() {
        return position;
    }

    /** Accounts for {@code chunkLength} bytes written at {@link #position()}, padding them. */
    void advance(int chunkLength) {
        int padded = NetworkBytes.padded(chunkLength);
        Arrays.fill(buffer, position + chunkLength, position + padded, (byte) 0);
        position += padded;
    }

    byte[] finish() {
        crc.seal(buffer, 0, position);
        return Arrays.copyOf(buffer, position);
    }
}
