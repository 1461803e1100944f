package io.jrtc.sctp.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A variable-length parameter (RFC 9260 §3.2.1) as carried by INIT, INIT ACK and HEARTBEAT: a type and an
 * opaque value. Known types are interpreted by the helpers below; the others travel as they are.
 */
public record Parameter(int type, byte[] value) {
    public static final int HEARTBEAT_INFO = 1;
    public static final int IPV4_ADDRESS = 5;
    public static final int IPV6_ADDRESS = 6;
    public static final int STATE_COOKIE = 7;
    public static final int UNRECOGNIZED_PARAMETER = 8;
    public static final int COOKIE_PRESERVATIVE = 9;
    public static final int HOST_NAME_ADDRESS = 11;
    public static final int SUPPORTED_ADDRESS_TYPES = 12;
    /** RFC 5061 §4.2.7. */
    public static final int SUPPORTED_EXTENSIONS = 0x8008;
    /** RFC 3758 §3.1. */
    public static final int FORWARD_TSN_SUPPORTED = 0xC000;

    public int length() {
        return 4 + value.length;
    }

    /** Writes the parameter without trailing padding; returns its length. */
    public int encode(byte[] dst, int off) {
        NetworkBytes.put16(dst, off, type);
        NetworkBytes.put16(dst, off + 2, length());
        System.arraycopy(value, 0, dst, off + 4, value.length);
        return length();
    }

    public byte[] toBytes() {
        byte[] out = new byte[length()];
        encode(out, 0);
        return out;
    }

    /** RFC 9260 §3.2.1: what the upper two bits of an unrecognized parameter type ask for. */
    public ChunkType.UnrecognizedAction unrecognizedAction() {
        return ChunkType.UnrecognizedAction.values()[(type >>> 14) & 3];
    }

    public static Parameter supportedExtensions(int... chunkTypes) {
        byte[] v = new byte[chunkTypes.length];
        for (int i = 0; i < chunkTypes.length; i++) {
            v[i] = (byte) chunkTypes[i];
        }
        return new Parameter(SUPPORTED_EXTENSIONS, v);
    }

    public static Parameter forwardTsnSupported() {
        return new Parameter(FORWARD_TSN_SUPPORTED, new byte[0]);
    }

    /** Length of a list of parameters, each padded except the last. */
    public static int listLength(List<Parameter> parameters) {
        int total = 0;
        for (int i = 0; i < parameters.size(); i++) {
            int len = parameters.get(i).length();
            total += i == parameters.size() - 1 ? len : NetworkBytes.padded(len);
        }
        return total;
    }

    /** Writes a list of parameters, zero padding between them; returns {@link #listLength(List)}. */
    public static int encodeList(List<Parameter> parameters, byte[] dst, int off) {
        int at = off;
        for (int i = 0; i < parameters.size(); i++) {
            int len = parameters.get(i).encode(dst, at);
            int step = i == parameters.size() - 1 ? len : NetworkBytes.padded(len);
            Arrays.fill(dst, at + len, at + step, (byte) 0);
            at += step;
        }
        return at - off;
    }

    /** A list of parameters as bytes (e.g. quoted in an Unrecognized Parameters error cause). */
    public static byte[] encodeListToBytes(List<Parameter> parameters) {
        byte[] out = new byte[listLength(parameters)];
        encodeList(parameters, out, 0);
        return out;
    }

    /** Parses consecutive parameters filling {@code len} bytes (the last one's padding may be missing). */
    public static List<Parameter> parseList(byte[] b, int off, int len) throws SctpParseException {
        List<Parameter> out = new ArrayList<>();
        int at = off;
        int end = off + len;
        while (end - at >= 4) {
            int type = NetworkBytes.u16(b, at);
            int plen = NetworkBytes.u16(b, at + 2);
            SctpParseException.require(plen >= 4 && plen <= end - at, "bad parameter length");
            out.add(new Parameter(type, Arrays.copyOfRange(b, at + 4, at + plen)));
            at += Math.min(NetworkBytes.padded(plen), end - at);
        }
        SctpParseException.require(at == end, "trailing bytes after parameters");
        return out;
    }

    /** The first parameter of a type, or null. */
    public static Parameter find(List<Parameter> parameters, int type) {
        for (Parameter p : parameters) {
            if (p.type == type) {
                return p;
            }
        }
        return null;
    }

    /** Whether a Supported Extensions parameter in the list names a chunk type. */
    public static boolean supportsExtension(List<Parameter> parameters, int chunkType) {
        Parameter p = find(parameters, SUPPORTED_EXTENSIONS);
        if (p == null) {
            return false;
        }
        for (byte t : p.value) {
            if ((t & 0xFF) == chunkType) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "Parameter[type=" + type + ", length=" + value.length + "]";
    }
}
