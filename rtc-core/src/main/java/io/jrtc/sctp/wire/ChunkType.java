package io.jrtc.sctp.wire;

/** Chunk type codes (RFC 9260 §3.2, RFC 3758, RFC 6525, RFC 8260). */
public final class ChunkType {
    public static final int DATA = 0;
    public static final int INIT = 1;
    public static final int INIT_ACK = 2;
    public static final int SACK = 3;
    public static final int HEARTBEAT = 4;
    public static final int HEARTBEAT_ACK = 5;
    public static final int ABORT = 6;
    public static final int SHUTDOWN = 7;
    public static final int SHUTDOWN_ACK = 8;
    public static final int ERROR = 9;
    public static final int COOKIE_ECHO = 10;
    public static final int COOKIE_ACK = 11;
    public static final int SHUTDOWN_COMPLETE = 14;
    public static final int RE_CONFIG = 0x82;
    public static final int FORWARD_TSN = 0xC0;

    private ChunkType() {
    }

    /** RFC 9260 §3.2: what the upper two bits of an unrecognized chunk type ask the receiver to do. */
    public enum UnrecognizedAction {
        STOP, STOP_AND_REPORT, SKIP, SKIP_AND_REPORT;

        public static UnrecognizedAction of(int type) {
            return values()[(type >>> 6) & 3];
        }

        public boolean skip() {
            return this == SKIP || this == SKIP_AND_REPORT;
        }

        public boolean report() {
            return this == STOP_AND_REPORT || this == SKIP_AND_REPORT;
        }
    }

    static void writeHeader(byte[] dst, int off, int type, int flags, int length) {
        dst[off] = (byte) type;
        dst[off + 1] = (byte) flags;
        NetworkBytes.put16(dst, off + 2, length);
    }
}
