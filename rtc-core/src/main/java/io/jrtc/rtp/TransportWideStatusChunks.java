package io.jrtc.rtp;

/**
 * Packet status chunks of transport-wide CC feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01
 * §3.1.1-§3.1.3): 16-bit words that are either a run of one status (13-bit length) or a vector of 14 one-bit or
 * 7 two-bit statuses. Encoding is greedy: a run when it covers at least 14 packets or all that remain, else a
 * one-bit vector when the next 14 are "not received" or "small delta", else a run of at least 7, else a two-bit
 * vector.
 */
final class TransportWideStatusChunks {
    static final int NOT_RECEIVED = 0;
    static final int SMALL_DELTA = 1;
    static final int LARGE_DELTA = 2;
    private static final int MAX_RUN = 0x1FFF;
    private static final int ONE_BIT_CAPACITY = 14;
    private static final int TWO_BIT_CAPACITY = 7;

    private TransportWideStatusChunks() {
    }

    /** Bytes the chunks for {@code statuses} take. */
    static int encodedLength(byte[] statuses) {
        int chunks = 0;
        for (int i = 0; i < statuses.length; i += (int) (nextChunk(statuses, i) >>> 16)) {
            chunks++;
        }
        return 2 * chunks;
    }

    /** Writes the chunks for {@code statuses} at {@code off}; returns the bytes written. */
    static int encode(byte[] statuses, byte[] dst, int off) {
        int at = off;
        for (int i = 0; i < statuses.length; ) {
            long chunk = nextChunk(statuses, i);
            WireBytes.put16(dst, at, (int) chunk & 0xFFFF);
            at += 2;
            i += (int) (chunk >>> 16);
        }
        return at - off;
    }

    /** (symbols consumed << 16 | chunk word) of the chunk that starts at {@code i}. */
    private static long nextChunk(byte[] statuses, int i) {
        int remaining = statuses.length - i;
        int run = runLength(statuses, i, Math.min(remaining, MAX_RUN));
        if (run == remaining || run >= ONE_BIT_CAPACITY) {
            return ((long) run << 16) | (statuses[i] << 13) | run;
        }
        int oneBitCount = Math.min(ONE_BIT_CAPACITY, remaining);
        if (allAtMostSmall(statuses, i, oneBitCount)) {
            return ((long) oneBitCount << 16) | vector(statuses, i, oneBitCount, 1);
        }
        if (run >= TWO_BIT_CAPACITY) {
            return ((long) run << 16) | (statuses[i] << 13) | run;
        }
        int twoBitCount = Math.min(TWO_BIT_CAPACITY, remaining);
        return ((long) twoBitCount << 16) | vector(statuses, i, twoBitCount, 2);
    }

    private static int runLength(byte[] statuses, int i, int max) {
        int n = 1;
        while (n < max && statuses[i + n] == statuses[i]) {
            n++;
        }
        return n;
    }

    private static boolean allAtMostSmall(byte[] statuses, int i, int count) {
        for (int k = 0; k < count; k++) {
            if (statuses[i + k] > SMALL_DELTA) {
                return false;
            }
        }
        return true;
    }

    /** A status vector chunk; unused trailing symbol slots stay 0. */
    private static int vector(byte[] statuses, int i, int count, int bitsPerSymbol) {
        int capacity = bitsPerSymbol == 1 ? ONE_BIT_CAPACITY : TWO_BIT_CAPACITY;
        int word = 0x8000 | (bitsPerSymbol == 2 ? 0x4000 : 0);
        for (int k = 0; k < count; k++) {
            word |= statuses[i + k] << (bitsPerSymbol * (capacity - 1 - k));
        }
        return word;
    }

    /**
     * Reads chunks from {@code at} until {@code statuses} is full; returns the offset after the last chunk. Symbols
     * a final vector holds beyond the packet status count are ignored.
     */
    static int decode(byte[] b, int at, int end, byte[] statuses) throws RtpParseException {
        for (int filled = 0; filled < statuses.length; at += 2) {
            RtpParseException.require(end - at >= 2, "packet status chunks beyond the packet");
            int word = WireBytes.u16(b, at);
            filled = (word & 0x8000) == 0 ? decodeRun(word, statuses, filled) : decodeVector(word, statuses, filled);
        }
        return at;
    }

    private static int decodeRun(int word, byte[] statuses, int filled) throws RtpParseException {
        int symbol = (word >>> 13) & 3;
        int run = word & MAX_RUN;
        RtpParseException.require(symbol != 3, "reserved packet status");
        RtpParseException.require(run >= 1 && run <= statuses.length - filled, "run length beyond the status count");
        for (int k = 0; k < run; k++) {
            statuses[filled + k] = (byte) symbol;
        }
        return filled + run;
    }

    private static int decodeVector(int word, byte[] statuses, int filled) throws RtpParseException {
        int bitsPerSymbol = (word & 0x4000) == 0 ? 1 : 2;
        int capacity = bitsPerSymbol == 1 ? ONE_BIT_CAPACITY : TWO_BIT_CAPACITY;
        int count = Math.min(capacity, statuses.length - filled);
        int mask = (1 << bitsPerSymbol) - 1;
        for (int k = 0; k < count; k++) {
            int symbol = (word >>> (bitsPerSymbol * (capacity - 1 - k))) & mask;
            RtpParseException.require(symbol != 3, "reserved packet status");
            statuses[filled + k] = (byte) symbol;
        }
        return filled + count;
    }
}
