package io.jrtc.rtp;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An RTCP packet of a type (or feedback FMT) this package does not model, kept raw so it can be forwarded; the
 * body excludes padding, which {@link #encode} adds back when the body is not whole 32-bit words.
 */
public record UnknownRtcpPacket(int countOrFormat, int packetType, byte[] body) implements RtcpPacket {

    public UnknownRtcpPacket {
        if (countOrFormat < 0 || countOrFormat > 31 || packetType < 0 || packetType > 255) {
            throw new IllegalArgumentException("count is 5 bits and packet type 8 bits");
        }
        body = body.clone();
    }

    @Override
    public int length() {
        return RtcpHeader.packetLength(body.length);
    }

    @Override
    public int encode(byte[] dst, int off) {
        System.arraycopy(body, 0, dst, off + HEADER_LENGTH, body.length);
        return RtcpHeader.seal(dst, off, countOrFormat, packetType, body.length);
    }

    static UnknownRtcpPacket parse(int countOrFormat, int packetType, byte[] b, int off, int len) {
        return new UnknownRtcpPacket(countOrFormat, packetType, Arrays.copyOfRange(b, off, off + len));
    }

    @Override
    public String toString() {
        return "UnknownRtcpPacket[type=" + packetType + ", count=" + countOrFormat + ", body="
                + HexFormat.of().formatHex(body) + "]";
    }
}
