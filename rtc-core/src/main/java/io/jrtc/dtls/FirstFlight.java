package io.jrtc.dtls;

/**
 * Recognises the datagram that opens a DTLS 1.2 handshake, a ClientHello (RFC 6347 §4.1 record header, §4.2.2
 * handshake header), without parsing it: a server takes a handshake thread only once one has arrived. The check
 * reads headers only; BouncyCastle still parses and may reject the hello.
 */
public final class FirstFlight {
    /** RFC 6347 §4.1: type (1), version (2), epoch (2), sequence number (6), length (2). */
    static final int RECORD_HEADER = 13;
    /** RFC 6347 §4.2.2: msg_type (1), length (3), message_seq (2), fragment_offset (3), fragment_length (3). */
    static final int HANDSHAKE_HEADER = 12;
    private static final int CONTENT_HANDSHAKE = 22;
    private static final int CLIENT_HELLO = 1;
    /** DTLS versions are 0xFExx (1.0 is FEFF, 1.2 FEFD), the one's complement of TLS's. */
    private static final int DTLS_MAJOR = 0xFE;

    private FirstFlight() {
    }

    /**
     * Whether the datagram's first record is an epoch-0 handshake record, long enough for the length it declares,
     * that carries the start of a ClientHello.
     */
    public static boolean isClientHello(byte[] data, int offset, int length) {
        if (length < RECORD_HEADER + HANDSHAKE_HEADER) {
            return false;
        }
        int recordLength = (data[offset + 11] & 0xFF) << 8 | data[offset + 12] & 0xFF;
        return (data[offset] & 0xFF) == CONTENT_HANDSHAKE
            && (data[offset + 1] & 0xFF) == DTLS_MAJOR
            && data[offset + 3] == 0 && data[offset + 4] == 0
            && recordLength >= HANDSHAKE_HEADER && recordLength <= length - RECORD_HEADER
            && (data[offset + RECORD_HEADER] & 0xFF) == CLIENT_HELLO
            && fragmentOffset(data, offset + RECORD_HEADER) == 0;
    }

    private static int fragmentOffset(byte[] data, int handshake) {
        return (data[handshake + 6] & 0xFF) << 16 | (data[handshake + 7] & 0xFF) << 8 | data[handshake + 8] & 0xFF;
    }
}
