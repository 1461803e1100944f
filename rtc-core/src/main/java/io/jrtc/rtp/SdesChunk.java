package io.jrtc.rtp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One SDES chunk (RFC 3550 §6.5): an SSRC or CSRC and its items, ended by a null octet and padded to 32 bits.
 */
public record SdesChunk(int ssrc, List<SdesItem> items) {

    public SdesChunk {
        items = List.copyOf(items);
    }

    /** The CNAME item's text (RFC 3550 §6.5.1), or null without one. */
    public String cname() {
        for (SdesItem item : items) {
            if (item.type() == SdesItem.CNAME) {
                return item.text();
            }
        }
        return null;
    }

    /** Encoded length: SSRC, items, at least one null octet, padded to a multiple of 4. */
    public int length() {
        int length = 4;
        for (SdesItem item : items) {
            length += 2 + item.value().length;
        }
        return WireBytes.padded(length + 1);
    }

    int encode(byte[] dst, int off) {
        WireBytes.put32(dst, off, ssrc);
        int at = off + 4;
        for (SdesItem item : items) {
            dst[at] = (byte) item.type();
            dst[at + 1] = (byte) item.value().length;
            System.arraycopy(item.value(), 0, dst, at + 2, item.value().length);
            at += 2 + item.value().length;
        }
        int length = length();
        Arrays.fill(dst, at, off + length, (byte) 0);
        return length;
    }

    /**
     * Parses a chunk starting at {@code off} (32-bit aligned within the packet) before {@code end}; returns it and
     * leaves the offset after its padding in {@code next[0]}.
     */
    static SdesChunk parse(byte[] b, int off, int end, int[] next) throws RtpParseException {
        RtpParseException.require(end - off >= 4, "SDES chunk without its SSRC");
        List<SdesItem> items = new ArrayList<>(2);
        int at = off + 4;
        while (true) {
            RtpParseException.require(at < end, "SDES chunk without its null octet");
            int type = b[at] & 0xFF;
            if (type == 0) {
                break;
            }
            RtpParseException.require(end - at >= 2, "SDES item header beyond the packet");
            int len = b[at + 1] & 0xFF;
            RtpParseException.require(len <= end - at - 2, "SDES item beyond the packet");
            items.add(new SdesItem(type, Arrays.copyOfRange(b, at + 2, at + 2 + len)));
            at += 2 + len;
        }
        int padded = off + WireBytes.padded(at + 1 - off);
        RtpParseException.require(padded <= end, "SDES chunk padding beyond the packet");
        next[0] = padded;
        return new SdesChunk(WireBytes.i32(b, off), items);
    }
}
