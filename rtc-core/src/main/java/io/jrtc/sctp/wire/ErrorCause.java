package io.jrtc.sctp.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An error cause (RFC 9260 §3.3.10) carried by ABORT and ERROR chunks: a code and cause-specific information. */
public record ErrorCause(int code, byte[] info) {
    public static final int INVALID_STREAM_IDENTIFIER = 1;
    public static final int MISSING_MANDATORY_PARAMETER = 2;
    public static final int STALE_COOKIE = 3;
    public static final int OUT_OF_RESOURCE = 4;
    public static final int UNRECOGNIZED_CHUNK_TYPE = 6;
    public static final int INVALID_MANDATORY_PARAMETER = 7;
    public static final int UNRECOGNIZED_PARAMETERS = 8;
    public static final int NO_USER_DATA = 9;
    public static final int COOKIE_WHILE_SHUTTING_DOWN = 10;
    public static final int USER_INITIATED_ABORT = 12;
    public static final int PROTOCOL_VIOLATION = 13;

    public int length() {
        return 4 + info.length;
    }

    public int encode(byte[] dst, int off) {
        NetworkBytes.put16(dst, off, code);
        NetworkBytes.put16(dst, off + 2, length());
        System.arraycopy(info, 0, dst, off + 4, info.length);
        return length();
    }

    public static ErrorCause userInitiatedAbort(String reason) {
        return new ErrorCause(USER_INITIATED_ABORT, reason.getBytes(StandardCharsets.UTF_8));
    }

    public static ErrorCause protocolViolation(String text) {
        return new ErrorCause(PROTOCOL_VIOLATION, text.getBytes(StandardCharsets.UTF_8));
    }

    public static ErrorCause invalidStreamIdentifier(int streamId) {
        byte[] v = new byte[4];
        NetworkBytes.put16(v, 0, streamId);
        return new ErrorCause(INVALID_STREAM_IDENTIFIER, v);
    }

    public static ErrorCause noUserData(int tsn) {
        byte[] v = new byte[4];
        NetworkBytes.put32(v, 0, tsn);
        return new ErrorCause(NO_USER_DATA, v);
    }

    public static ErrorCause staleCookie(long stalenessMicros) {
        byte[] v = new byte[4];
        NetworkBytes.put32(v, 0, Math.min(stalenessMicros, 0xFFFF_FFFFL));
        return new ErrorCause(STALE_COOKIE, v);
    }

    /** Reports an unrecognized chunk by quoting it whole. */
    public static ErrorCause unrecognizedChunk(byte[] chunk) {
        return new ErrorCause(UNRECOGNIZED_CHUNK_TYPE, chunk);
    }

    /** Human-readable text: the reason of a user abort or protocol violation, otherwise the code name. */
    public String describe() {
        return switch (code) {
            case USER_INITIATED_ABORT, PROTOCOL_VIOLATION -> new String(info, StandardCharsets.UTF_8);
            case INVALID_STREAM_IDENTIFIER -> "invalid stream identifier";
            case MISSING_MANDATORY_PARAMETER -> "missing mandatory parameter";
            case STALE_COOKIE -> "stale cookie";
            case OUT_OF_RESOURCE -> "out of resource";
            case UNRECOGNIZED_CHUNK_TYPE -> "unrecognized chunk type";
            case INVALID_MANDATORY_PARAMETER -> "invalid mandatory parameter";
            case UNRECOGNIZED_PARAMETERS -> "unrecognized parameters";
            case NO_USER_DATA -> "no user data";
            case COOKIE_WHILE_SHUTTING_DOWN -> "cookie received while shutting down";
            default -> "error cause " + code;
        };
    }

    static int listLength(List<ErrorCause> causes) {
        int total = 0;
        for (int i = 0; i < causes.size(); i++) {
            int len = causes.get(i).length();
            total += i == causes.size() - 1 ? len : NetworkBytes.padded(len);
        }
        return total;
    }

    static int encodeList(List<ErrorCause> causes, byte[] dst, int off) {
        int at = off;
        for (int i = 0; i < causes.size(); i++) {
            int len = causes.get(i).encode(dst, at);
            int step = i == causes.size() - 1 ? len : NetworkBytes.padded(len);
            Arrays.fill(dst, at + len, at + step, (byte) 0);
            at += step;
        }
        return at - off;
    }

    static List<ErrorCause> parseList(byte[] b, int off, int len) throws SctpParseException {
        List<ErrorCause> out = new ArrayList<>();
        int at = off;
        int end = off + len;
        while (end - at >= 4) {
            int code = NetworkBytes.u16(b, at);
            int clen = NetworkBytes.u16(b, at + 2);
            SctpParseException.require(clen >= 4 && clen <= end - at, "bad error cause length");
            out.add(new ErrorCause(code, Arrays.copyOfRange(b, at + 4, at + clen)));
            at += Math.min(NetworkBytes.padded(clen), end - at);
        }
        SctpParseException.require(at == end, "trailing bytes after error causes");
        return out;
    }

    @Override
    public String toString() {
        return "ErrorCause[" + describe() + "]";
    }
}
