package io.jrtc.rtp;

/**
 * Transport-wide sequence number ({@value #URI}, draft-holmer-rmcat-transport-wide-cc-extensions-01 §2): a
 * 16-bit number counting every packet on the transport, which transport-wide CC feedback refers to.
 */
public final class TransportSequenceNumberExtension {
    public static final String URI =
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    public static final int LENGTH = 2;

    private TransportSequenceNumberExtension() {
    }

    /** The sequence number in element {@code id}, or -1 when absent or not 2 bytes long. */
    public static int read(RtpHeader header, int id) {
        int at = header.extensionOffset(id);
        return at < 0 || header.extensionLength(id) != LENGTH ? -1 : WireBytes.u16(header.buffer(), at);
    }

    public static void write(RtpHeaderWriter writer, int id, int sequenceNumber) {
        writer.addExtension(id, sequenceNumber & 0xFFFF, LENGTH);
    }
}
