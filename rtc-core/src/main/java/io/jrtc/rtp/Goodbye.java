package io.jrtc.rtp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Goodbye (RFC 3550 §6.6): up to 31 leaving SSRC/CSRCs and an optional reason (null when absent). */
public record Goodbye(int[] ssrcs, byte[] reason) implements RtcpPacket {

    public Goodbye {
        ssrcs = ssrcs.clone();
        RtcpHeader.requireCount(ssrcs.length, "sources");
        if (reason != null && reason.length > 255) {
            throw new IllegalArgumentException("a BYE reason is at most 255 bytes");
        }
    }

    public static Goodbye of(int ssrc, String reason) {
        return new Goodbye(new int[] {ssrc}, reason == null ? null : reason.getBytes(StandardCharsets.UTF_8));
    }

    /** The reason as text, or null when absent. */
    public String reasonText() {
        return reason == null ? null : new String(reason, StandardCharsets.UTF_8);
    }

    @Override
    public int packetType() {
        return RtcpHeader.BYE;
    }

    @Override
    public int countOrFormat() {
        return ssrcs.length;
    }

    @Override
    public int length() {
        return RtcpHeader.packetLength(bodyLength());
    }

    /** The reason's length byte and text are padded with zeros to 32 bits (RFC 3550 §6.6). */
    private int bodyLength() {
        return 4 * ssrcs.length + (reason == null ? 0 : WireBytes.padded(1 + reason.length));
    }

    @Override
    public int encode(byte[] dst, int off) {
        int at = off + HEADER_LENGTH;
        for (int ssrc : ssrcs) {
            WireBytes.put32(dst, at, ssrc);
            at += 4;
        }
        if (reason != null) {
            dst[at] = (byte) reason.length;
            System.arraycopy(reason, 0, dst, at + 1, reason.length);
            Arrays.fill(dst, at + 1 + reason.length, off + HEADER_LENGTH + bodyLength(), (byte) 0);
        }
        return RtcpHeader.seal(dst, off, ssrcs.length, RtcpHeader.BYE, bodyLength());
    }

    static Goodbye parse(int count, byte[] b, int off, int len) throws RtpParseException {
        RtpParseException.require(len >= 4 * count, "BYE shorter than its sources");
        int[] ssrcs = new int[count];
        for (int i = 0; i < count; i++) {
            ssrcs[i] = WireBytes.i32(b, off + 4 * i);
        }
        int at = off + 4 * count;
        int end = off + len;
        if (at == end) {
            return new Goodbye(ssrcs, null);
        }
        int reasonLength = b[at] & 0xFF;
        RtpParseException.require(reasonLength < end - at, "BYE reason beyond the packet");
        RtpParseException.require(WireBytes.padded(1 + reasonLength) == end - at, "BYE bytes after the reason");
        return new Goodbye(ssrcs, Arrays.copyOfRange(b, at + 1, at + 1 + reasonLength));
    }

    @Override
    public String toString() {
        return "Goodbye[ssrcs=" + Arrays.toString(ssrcs) + ", reason=" + reasonText() + "]";
    }
}
