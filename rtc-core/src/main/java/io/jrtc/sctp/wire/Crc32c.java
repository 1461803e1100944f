package io.jrtc.sctp.wire;

import java.util.zip.CRC32C;

/**
 * The SCTP checksum (RFC 9260 Appendix B): CRC32c over the whole packet with the checksum field taken as zero.
 * The JDK's CRC32C is intrinsified; the value goes on the wire least significant byte first, as Appendix B's
 * bit-reflected description and every deployed stack place it.
 */
public final class Crc32c {
    /** Offset of the checksum in the common header. */
    public static final int CHECKSUM_OFFSET = 8;
    private static final byte[] ZEROS = new byte[4];

    private final CRC32C crc = new CRC32C();

    /** Plain CRC32c of a byte range (the iSCSI/RFC 3720 definition). */
    public int compute(byte[] b, int off, int len) {
        crc.reset();
        crc.update(b, off, len);
        return (int) crc.getValue();
    }

    /** Checksum of an SCTP packet as if its checksum field were zero. */
    public int packetChecksum(byte[] packet, int off, int len) {
        crc.reset();
        crc.update(packet, off, CHECKSUM_OFFSET);
        crc.update(ZEROS, 0, 4);
        crc.update(packet, off + CHECKSUM_OFFSET + 4, len - CHECKSUM_OFFSET - 4);
        return (int) crc.getValue();
    }

    /** Whether the packet's checksum field matches its content. */
    public boolean verify(byte[] packet, int off, int len) {
        if (len < SctpPacket.COMMON_HEADER_LENGTH) {
            return false;
        }
        return stored(packet, off) == packetChecksum(packet, off, len);
    }

    /** Computes and stores the checksum of a packet in place. */
    public void seal(byte[] packet, int off, int len) {
        int value = packetChecksum(packet, off, len);
        int at = off + CHECKSUM_OFFSET;
        packet[at] = (byte) value;
        packet[at + 1] = (byte) (value >>> 8);
        packet[at + 2] = (byte) (value >>> 16);
        packet[at + 3] = (byte) (value >>> 24);
    }

    private static int stored(byte[] packet, int off) {
        int at = off + CHECKSUM_OFFSET;
        return (packet[at] & 0xFF) | (packet[at + 1] & 0xFF) << 8 | (packet[at + 2] & 0xFF) << 16
                | (packet[at + 3] & 0xFF) << 24;
    }
}
