package io.jrtc.sctp.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An SCTP packet (RFC 9260 §3): common header (ports, verification tag, CRC32c checksum) and chunks. Over DTLS
 * (RFC 8261) one packet is one DTLS record, without IP or UDP headers.
 */
public record SctpPacket(int sourcePort, int destinationPort, int verificationTag, List<Chunk> chunks) {

    public static final int COMMON_HEADER_LENGTH = 12;

    public SctpPacket {
        chunks = List.copyOf(chunks);
    }

    /** Encoded length: header plus every chunk padded to 4 bytes. */
    public int length() {
        int total = COMMON_HEADER_LENGTH;
        for (Chunk c : chunks) {
            total += NetworkBytes.padded(c.length());
        }
        return total;
    }

    /** Encodes the packet with a valid checksum. */
    public byte[] encode() {
        byte[] out = new byte[length()];
        writeHeader(out, 0, sourcePort, destinationPort, verificationTag);
        int at = COMMON_HEADER_LENGTH;
        for (Chunk c : chunks) {
            at += NetworkBytes.padded(c.encode(out, at));
        }
        new Crc32c().seal(out, 0, out.length);
        return out;
    }

    /** Writes the common header with a zero checksum. */
    public static void writeHeader(byte[] dst, int off, int sourcePort, int destinationPort, int verificationTag) {
        NetworkBytes.put16(dst, off, sourcePort);
        NetworkBytes.put16(dst, off + 2, destinationPort);
        NetworkBytes.put32(dst, off + 4, verificationTag);
        Arrays.fill(dst, off + 8, off + 12, (byte) 0);
    }

    /**
     * Parses header and chunks. The checksum is not checked here ({@link Crc32c#verify}); a missing padding after
     * the last chunk is tolerated.
     */
    public static SctpPacket parse(byte[] b, int off, int len) throws SctpParseException {
        SctpParseException.require(off >= 0 && len >= COMMON_HEADER_LENGTH && off + len <= b.length,
                "packet shorter than the common header");
        List<Chunk> chunks = new ArrayList<>(4);
        int at = off + COMMON_HEADER_LENGTH;
        int end = off + len;
        while (end - at >= Chunk.HEADER_LENGTH) {
            int type = b[at] & 0xFF;
            int flags = b[at + 1] & 0xFF;
            int clen = NetworkBytes.u16(b, at + 2);
            SctpParseException.require(clen >= Chunk.HEADER_LENGTH && clen <= end - at, "bad chunk length");
            chunks.add(parseChunk(type, flags, b, at + Chunk.HEADER_LENGTH, clen - Chunk.HEADER_LENGTH));
            at += Math.min(NetworkBytes.padded(clen), end - at);
        }
        SctpParseException.require(at == end, "trailing bytes after the last chunk");
        return new SctpPacket(NetworkBytes.u16(b, off), NetworkBytes.u16(b, off + 2), NetworkBytes.i32(b, off + 4),
                chunks);
    }

    /** Parses one chunk's value; {@code off}/{@code len} cover the bytes after the 4-byte chunk header. */
    public static Chunk parseChunk(int type, int flags, byte[] b, int off, int len) throws SctpParseException {
        SctpParseException.require(off >= 0 && len >= 0 && off <= b.length - len, "chunk beyond the buffer");
        return switch (type) {
            case ChunkType.DATA -> DataChunk.parse(flags, b, off, len);
            case ChunkType.INIT -> InitChunk.parse(b, off, len);
            case ChunkType.INIT_ACK -> InitAckChunk.parse(b, off, len);
            case ChunkType.SACK -> SackChunk.parse(b, off, len);
            case ChunkType.HEARTBEAT -> HeartbeatChunk.parse(b, off, len);
            case ChunkType.HEARTBEAT_ACK -> HeartbeatAckChunk.parse(b, off, len);
            case ChunkType.ABORT -> AbortChunk.parse(flags, b, off, len);
            case ChunkType.SHUTDOWN -> ShutdownChunk.parse(b, off, len);
            case ChunkType.SHUTDOWN_ACK -> new ShutdownAckChunk();
            case ChunkType.ERROR -> ErrorChunk.parse(b, off, len);
            case ChunkType.COOKIE_ECHO -> CookieEchoChunk.parse(b, off, len);
            case ChunkType.COOKIE_ACK -> new CookieAckChunk();
            case ChunkType.SHUTDOWN_COMPLETE -> new ShutdownCompleteChunk((flags & 1) != 0);
            case ChunkType.FORWARD_TSN -> ForwardTsnChunk.parse(b, off, len);
            case ChunkType.RE_CONFIG -> ReConfigChunk.parse(b, off, len);
            default -> UnknownChunk.parse(type, flags, b, off, len);
        };
    }
}
