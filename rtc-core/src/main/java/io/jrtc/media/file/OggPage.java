package io.jrtc.media.file;

import java.io.IOException;

/**
 * One Ogg page (RFC 3533 §6): "OggS", version 0, header type flags, granule position, bitstream serial number,
 * page sequence number, CRC, the segment table (lacing values) and the body the table measures. Packets are laced
 * into 255-byte segments; a lacing value under 255 ends a packet.
 */
public record OggPage(int flags, long granulePosition, int serialNumber, long sequenceNumber, byte[] segmentTable,
                      byte[] body) {
    /** The first packet on this page continues one from the previous page. */
    public static final int CONTINUED = 0x01;
    /** First page of a logical bitstream. */
    public static final int BEGINNING_OF_STREAM = 0x02;
    /** Last page of a logical bitstream. */
    public static final int END_OF_STREAM = 0x04;
    public static final int HEADER_LENGTH = 27;

    public OggPage {
        if ((flags & ~0x07) != 0) {
            throw new IllegalArgumentException("unknown Ogg header type flags " + flags);
        }
        if (segmentTable.length > 255) {
            throw new IllegalArgumentException("an Ogg page holds at most 255 segments");
        }
        int total = 0;
        for (byte lacing : segmentTable) {
            total += lacing & 0xFF;
        }
        if (total != body.length) {
            throw new IllegalArgumentException("segment table measures " + total + " bytes, body has "
                    + body.length);
        }
    }

    /** Reads one page and checks its CRC. */
    static OggPage read(LittleEndianInput in) throws IOException {
        byte[] header = in.bytes(HEADER_LENGTH, "Ogg page header");
        MediaFileFormatException.require(header[0] == 'O' && header[1] == 'g' && header[2] == 'g'
                && header[3] == 'S', "no Ogg capture pattern");
        MediaFileFormatException.require(header[4] == 0, "Ogg version " + header[4]);
        int flags = header[5] & 0xFF;
        MediaFileFormatException.require((flags & ~0x07) == 0, "unknown Ogg header type flags " + flags);
        byte[] table = in.bytes(header[26] & 0xFF, "Ogg segment table");
        int bodyLength = 0;
        for (byte lacing : table) {
            bodyLength += lacing & 0xFF;
        }
        byte[] body = in.bytes(bodyLength, "Ogg page body");
        long crc = LittleEndianInput.u32(header, 22);
        OggPage page = new OggPage(flags, LittleEndianInput.u32(header, 6) | LittleEndianInput.u32(header, 10) << 32,
                (int) LittleEndianInput.u32(header, 14), LittleEndianInput.u32(header, 18), table, body);
        MediaFileFormatException.require((page.crc() & 0xFFFF_FFFFL) == crc, "Ogg page CRC mismatch");
        return page;
    }

    public byte[] encode() {
        byte[] page = new byte[HEADER_LENGTH + segmentTable.length + body.length];
        WavWriter.ascii(page, 0, "OggS");
        page[5] = (byte) flags;
        LittleEndianInput.putU64(page, 6, granulePosition);
        LittleEndianInput.putU32(page, 14, serialNumber);
        LittleEndianInput.putU32(page, 18, sequenceNumber);
        page[26] = (byte) segmentTable.length;
        System.arraycopy(segmentTable, 0, page, HEADER_LENGTH, segmentTable.length);
        System.arraycopy(body, 0, page, HEADER_LENGTH + segmentTable.length, body.length);
        LittleEndianInput.putU32(page, 22, OggCrc.update(0, page, 0, page.length));
        return page;
    }

    /** The checksum of this page as encoded. */
    int crc() {
        byte[] encoded = encode();
        return (int) LittleEndianInput.u32(encoded, 22);
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }
}
