package io.jrtc.sctp;

/**
 * Serial number arithmetic (RFC 1982) as SCTP uses it for TSNs (32 bits) and stream sequence numbers (16 bits).
 * TSNs are handled internally as "unwrapped" 64-bit counters so comparisons are plain {@code <}.
 */
final class SerialNumbers {
    private SerialNumbers() {
    }

    /** The unwrapped TSN nearest to {@code reference} whose low 32 bits are {@code raw}. */
    static long unwrapTsn(long reference, int raw) {
        return reference + (int) (raw - (int) reference);
    }

    /** Whether 16-bit {@code a} is after {@code b} in serial order. */
    static boolean ssnAfter(int a, int b) {
        int diff = (a - b) & 0xFFFF;
        return diff != 0 && diff < 0x8000;
    }

    static int nextSsn(int ssn) {
        return (ssn + 1) & 0xFFFF;
    }
}
