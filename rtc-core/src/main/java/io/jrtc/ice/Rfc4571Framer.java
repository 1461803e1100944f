package io.jrtc.ice;

import java.util.Arrays;
import java.util.Objects;

/**
 * The framing of ICE-TCP (RFC 6544 §3): RFC 4571 §2, each packet (a STUN message, DTLS record, RTP or RTCP packet)
 * preceded by its length in two bytes, network order. Unlike TURN's framing the length says it all, so any packet
 * up to 65535 bytes goes through, and a stream can only be wrong by ending inside a frame.
 *
 * <p>Use: {@link #feed} each chunk read from the stream, then call {@link #next()} until it returns null. Outgoing
 * packets go through {@link #frame} first. One thread drives a framer.
 */
public final class Rfc4571Framer {
    /** The largest packet a frame carries (its length is 16 bits). */
    public static final int MAX_PACKET = 0xFFFF;
    private static final int LENGTH_FIELD = 2;
    private static final int INITIAL_CAPACITY = 4096;

    private byte[] buffer = new byte[INITIAL_CAPACITY];
    private int start;
    private int end;

    /** Appends bytes read from the stream; they are copied. */
    public void feed(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureRoom(len);
        System.arraycopy(b, off, buffer, end, len);
        end += len;
    }

    /** The next whole packet (without its length field; an empty one for a zero length), or null for now. */
    public byte[] next() {
        int available = end - start;
        if (available < LENGTH_FIELD) {
            return null;
        }
        int length = (buffer[start] & 0xFF) << 8 | buffer[start + 1] & 0xFF;
        if (available < LENGTH_FIELD + length) {
            return null;
        }
        byte[] packet = Arrays.copyOfRange(buffer, start + LENGTH_FIELD, start + LENGTH_FIELD + length);
        start += LENGTH_FIELD + length;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return packet;
    }

    /** Bytes received but not yet part of a whole frame. */
    public int buffered() {
        return end - start;
    }

    /** One packet as it goes on the stream: its two-byte length, then the packet. */
    public static byte[] frame(byte[] packet, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, packet.length);
        if (length > MAX_PACKET) {
            throw new IllegalArgumentException("an RFC 4571 frame carries at most 65535 bytes: " + length);
        }
        byte[] framed = new byte[LENGTH_FIELD + length];
        framed[0] = (byte) (length >>> 8);
        framed[1] = (byte) length;
        System.arraycopy(packet, offset, framed, LENGTH_FIELD, length);
        return framed;
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
