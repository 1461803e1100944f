package io.jrtc.datachannel;

/** SCTP payload protocol identifiers used by WebRTC data channels (RFC 8831 §8, RFC 8832 §8.1). */
public final class Ppid {
    /** DCEP control messages. */
    public static final int DCEP = 50;
    public static final int STRING = 51;
    /** Deprecated partial binary; received messages are treated as {@link #BINARY}. */
    public static final int BINARY_PARTIAL = 52;
    public static final int BINARY = 53;
    /** Deprecated partial string; received messages are treated as {@link #STRING}. */
    public static final int STRING_PARTIAL = 54;
    /** An empty string, sent as one 0x00 byte because SCTP cannot carry empty user messages. */
    public static final int STRING_EMPTY = 56;
    /** An empty binary message, sent as one 0x00 byte. */
    public static final int BINARY_EMPTY = 57;

    private Ppid() {
    }
}
