package io.jrtc.sctp;

import io.jrtc.sctp.wire.Chunk;
import io.jrtc.sctp.wire.Crc32c;
import io.jrtc.sctp.wire.NetworkBytes;
import io.jrtc.sctp.wire.SctpPacket;

import java.util.Arrays;

/**
 * Assembles one outgoing packet in a reused buffer: common header, chunks padded to 4 bytes, CRC32c. A chunk
 * larger than the MTU is still accepted as the only chunk (a large cookie, say); DTLS carries it whole.
 */
final class PacketBuilder {
    private final int mtu;
    private final byte[] buffer = new byte[SctpPacket.COMMON_HEADER_LENGTH + 65536 + 4];
    private final Crc32c crc = new Crc32c();
    private int position;

    PacketBuilder(int mtu) {
        this.mtu = mtu;
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
        chunk.encode(buffer, position);
        advance(len);
        return true;
    }

    /** Direct access for chunks written in place (DATA from a message slice). */
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
