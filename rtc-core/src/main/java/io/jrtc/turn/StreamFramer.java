package io.jrtc.turn;

import io.jrtc.stun.StunMessage;
import java.util.Arrays;
import java.util.Objects;

/**
 * Frames TURN messages on a byte stream (RFC 8656 §3.1 over TCP or TLS), without IO.
 *
 * <p>On a stream the boundaries of STUN messages and ChannelData are found from their headers: a STUN message is
 * its 20-byte header plus the length in bytes 2-3 (always a multiple of four, RFC 8489 §5); ChannelData is its
 * 4-byte header plus the length in bytes 2-3, padded to a multiple of four (RFC 8656 §12.5: over TCP and TLS the
 * padding is mandatory, and the receiver must skip it). The first two bits tell them apart: 00 for STUN, 01 for
 * ChannelData (channel numbers 0x4000-0x4FFF).
 *
 * <p>A frame whose header is neither means the stream lost its framing, which cannot be recovered (there is no
 * resynchronisation marker): {@link #next()} then throws {@link TurnParseException} and keeps throwing, and the
 * owner closes the connection.
 *
 * <p>Use: {@link #feed} each chunk read from the connection, then call {@link #next()} until it returns null.
 * Outgoing messages go through {@link #toStream} first. One thread drives a framer.
 */
public final class StreamFramer {
    private static final int CHANNEL_DATA_HEADER = ChannelData.HEADER_LENGTH;
    private static final int INITIAL_CAPACITY = 4096;

    private byte[] buffer = new byte[INITIAL_CAPACITY];
    private int start;
    private int end;
    private String desynchronised;

    /** Appends bytes read from the stream; they are copied. Frames become available through {@link #next()}. */
    public void feed(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (desynchronised != null || len == 0) {
            return;
        }
        ensureRoom(len);
        System.arraycopy(b, off, buffer, end, len);
        end += len;
    }

    /**
     * The next whole frame (a STUN message, or ChannelData without its padding), or null until more bytes arrive.
     *
     * @throws TurnParseException when the stream is desynchronised; every later call throws too
     */
    public byte[] next() throws TurnParseException {
        if (desynchronised != null) {
            throw new TurnParseException(desynchronised);
        }
        int available = end - start;
        if (available < CHANNEL_DATA_HEADER) {
            return null;
        }
        int first = buffer[start] & 0xFF;
        int length = ((buffer[start + 2] & 0xFF) << 8) | (buffer[start + 3] & 0xFF);
        int frameLength;
        int consumed;
        if (first < 0x40) {
            if (first > 0x01 || (length & 3) != 0) {
                return desynchronise("not a STUN header: first byte 0x" + Integer.toHexString(first)
                        + ", length " + length);
            }
            if (available < StunMessage.HEADER_LENGTH) {
                return null;
            }
            if (readInt(start + 4) != StunMessage.MAGIC_COOKIE) {
                return desynchronise("STUN header without the magic cookie");
            }
            frameLength = StunMessage.HEADER_LENGTH + length;
            consumed = frameLength;
        } else if (first <= 0x4F) {
            frameLength = CHANNEL_DATA_HEADER + length;
            consumed = (frameLength + 3) & ~3;
        } else {
            return desynchronise("neither STUN nor ChannelData: first byte 0x" + Integer.toHexString(first));
        }
        if (available < consumed) {
            return null;
        }
        byte[] frame = Arrays.copyOfRange(buffer, start, start + frameLength);
        start += consumed;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return frame;
    }

    /** Whether the stream lost its framing; the connection should be closed. */
    public boolean isDesynchronised() {
        return desynchronised != null;
    }

    /** Bytes received but not yet part of a whole frame. */
    public int buffered() {
        return end - start;
    }

    /**
     * A message from {@link TurnClient#pollTransmit()} as it goes on the stream: ChannelData padded to a multiple
     * of four bytes (RFC 8656 §12.5); STUN messages, always aligned, as they are (the same array).
     */
    public static byte[] toStream(byte[] message) {
        int first = message.length > 0 ? message[0] & 0xFF : 0;
        if (first < 0x40 || first > 0x4F || (message.length & 3) == 0) {
            return message;
        }
        return Arrays.copyOf(message, (message.length + 3) & ~3);
    }

    private byte[] desynchronise(String reason) throws TurnParseException {
        desynchronised = "TURN stream desynchronised: " + reason;
        buffer = new byte[0];
        start = 0;
        end = 0;
        throw new TurnParseException(desynchronised);
    }

    private int readInt(int at) {
        return ((buffer[at] & 0xFF) << 24) | ((buffer[at + 1] & 0xFF) << 16) | ((buffer[at + 2] & 0xFF) << 8)
                | (buffer[at + 3] & 0xFF);
    }

    private void ensureRoom(int len) {
        if (buffer.length - end >= len) {
            return;
        }
        int live = end - start;
        if (start > 0 && buffer.length - live >= len) {
            System.arraycopy(buffer, start, buffer, 0, live);
        } else {
            byte[] larger = new byte[Math.max(buffer.length * 2, live + len)];
            System.arraycopy(buffer, start, larger, 0, live);
            buffer = larger;
        }
        start = 0;
        end = live;
    }
}
