package io.jrtc.rtp;

import java.util.Arrays;
import java.util.HexFormat;

/** Application-defined RTCP (RFC 3550 §6.7): subtype, SSRC, a 4-character name and opaque data, kept raw. */
public record ApplicationDefined(int subtype, int ssrc, int name, byte[] data) implements RtcpPacket {

    public ApplicationDefined {
        if (subtype < 0 || subtype > 31) {
            throw new IllegalArgumentException("subtype is 5 bits");
        }
        RtcpHeader.requireWords(data, "APP data");
        data = data.clone();
    }

    @Override
    public int packetType() {
        return RtcpHeader.APP;
    }

    @Override
    public int countOrFormat() {
        return subtype;
    }

    @Override
    public int length() {
        return RtcpHeader.packetLength(8 + data.length);
    }

    @Override
    public int encode(byte[] dst, int off) {
        WireBytes.put32(dst, off + 4, ssrc);
        WireBytes.put32(dst, off + 8, name);
        System.arraycopy(data, 0, dst, off + 12, data.length);
        return RtcpHeader.seal(dst, off, subtype, RtcpHeader.APP, 8 + data.length);
    }

    static ApplicationDefined parse(int subtype, byte[] b, int off, int len) throws RtpParseException {
        RtpParseException.require(len >= 8 && (len & 3) == 0, "APP not SSRC, name and whole words of data");
        return new ApplicationDefined(subtype, WireBytes.i32(b, off), WireBytes.i32(b, off + 4),
                Arrays.copyOfRange(b, off + 8, off + len));
    }

    @Override
    public String toString() {
        return "ApplicationDefined[subtype=" + subtype + ", ssrc=" + Integer.toUnsignedString(ssrc) + ", name="
                + Integer.toHexString(name) + ", data=" + HexFormat.of().formatHex(data) + "]";
    }
}
