package io.jrtc.media.file;

/**
 * The Ogg page checksum (RFC 3533 §6): CRC-32 with generator polynomial 0x04C11DB7, initial value 0, no bit
 * reflection and no final XOR, over the whole page with its checksum field set to zero.
 */
final class OggCrc {
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int bit = 0; bit < 8; bit++) {
                r = (r & 0x8000_0000) != 0 ? (r << 1) ^ 0x04C1_1DB7 : r << 1;
            }
            TABLE[i] = r;
        }
    }

    private OggCrc() {
    }

    static int update(int crc, byte[] data, int off, int len) {
        for (int i = off; i < off + len; i++) {
            crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ data[i]) & 0xFF];
        }
        return crc;
    }
}
