package io.jrtc.turn;

import java.util.Arrays;
import java.util.Objects;

/**
 * A ChannelData message (RFC 8656 §12.4): a 2-byte channel number, a 2-byte length and the application data. It is
 * told apart from STUN, DTLS and RTP by its first byte, 0x40-0x4F (RFC 7983 §7). Over UDP the sender need not pad
 * the data to a multiple of four bytes (§12.5), so this codec writes no padding and accepts up to three bytes of it.
 */
public record ChannelData(int channelNumber, byte[] data) {
    public static final int HEADER_LENGTH = 4;
    /** The channel numbers a client may bind (RFC 8656 §12). */
    public static final int MIN_CHANNEL = 0x4000;
    public static final int MAX_CHANNEL = 0x4FFF;

    public ChannelData {
        requireChannel(channelNumber);
        Objects.requireNonNull(data, "data");
        if (data.length > 0xFFFF) {
            throw new IllegalArgumentException("ChannelData too long: " + data.length);
        }
        data = data.clone();
    }

    /** Quick demultiplexing test: at least a header, and a first byte in 0x40-0x4F. */
    public static boolean isChannelData(byte[] b, int off, int len) {
        if (b == null || off < 0 || len < HEADER_LENGTH || off > b.length - len) {
            return false;
        }
        int first = b[off] & 0xFF;
        return first >= 0x40 && first <= 0x4F;
    }

    public static ChannelData parse(byte[] b, int off, int len) throws TurnParseException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len < HEADER_LENGTH) {
            throw new TurnParseException("shorter than a ChannelData header: " + len);
        }
        int channel = ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
        if (channel < MIN_CHANNEL || channel > MAX_CHANNEL) {
            throw new TurnParseException("not a channel number: 0x" + Integer.toHexString(channel));
        }
        int length = ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
        int padding = len - HEADER_LENGTH - length;
        if (padding < 0) {
            throw new TurnParseException("ChannelData length " + length + " exceeds datagram " + len);
        }
        if (padding > 3) {
            throw new TurnParseException("ChannelData has " + padding + " bytes after its data");
        }
        return new ChannelData(channel, Arrays.copyOfRange(b, off + HEADER_LENGTH, off + HEADER_LENGTH + length));
    }

    /** Writes a ChannelData message straight from the caller's buffer, without padding. */
    public static byte[] encode(int channelNumber, byte[] data, int off, int len) {
        requireChannel(channelNumber);
        Objects.checkFromIndexSize(off, len, data.length);
        if (len > 0xFFFF) {
            throw new IllegalArgumentException("ChannelData too long: " + len);
        }
        byte[] out = new byte[HEADER_LENGTH + len];
        out[0] = (byte) (channelNumber >>> 8);
        out[1] = (byte) channelNumber;
        out[2] = (byte) (len >>> 8);
        out[3] = (byte) len;
        System.arraycopy(data, off, out, HEADER_LENGTH, len);
        return out;
    }

    public byte[] encode() {
        return encode(channelNumber, data, 0, data.length);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    private static void requireChannel(int channelNumber) {
        if (channelNumber < MIN_CHANNEL || channelNumber > MAX_CHANNEL) {
            throw new IllegalArgumentException("channel number must be 0x4000-0x4FFF: " + channelNumber);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelData c && c.channelNumber == channelNumber && Arrays.equals(c.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * channelNumber + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ChannelData[channel=0x" + Integer.toHexString(channelNumber) + ", " + data.length + " bytes]";
    }
}
