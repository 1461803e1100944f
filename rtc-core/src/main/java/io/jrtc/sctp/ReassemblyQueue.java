package io.jrtc.sctp;

import io.jrtc.sctp.wire.DataChunk;

/**
 * Reassembly of fragmented messages (RFC 9260 §6.9). Fragments live in a power-of-two ring indexed by TSN
 * (struct of arrays, nothing allocated per fragment beyond its payload). Without message interleaving a
 * message's fragments carry consecutive TSNs, so each maximal run of mergeable fragments is tracked by its two
 * end slots (length and byte count): adding a fragment merges with its neighbours in O(1), and a run holding
 * both a B and an E fragment is a complete message. Single-fragment messages never enter the ring.
 */
final class ReassemblyQueue {
    static final int ADDED = 0;
    static final int NO_SPACE = 1;
    static final int TOO_LARGE = 2;

    private static final int B = DataChunk.FLAG_BEGINNING;
    private static final int E = DataChunk.FLAG_ENDING;
    private static final int U = DataChunk.FLAG_UNORDERED;
    /** Doubled as TSNs further ahead arrive ({@link #MAX_CAPACITY} at most); a quiet association needs few. */
    private static final int INITIAL_CAPACITY = 16;
    /** Fragments are never held further than this many TSNs ahead; farther DATA is dropped unacknowledged. */
    static final int MAX_CAPACITY = 1 << 20;

    private final InboundStreams streams;
    private final long maxMessageSize;
    private byte[][] payloads;
    private int[] streamIds;
    private int[] ssns;
    private int[] ppids;
    private byte[] flags;
    private int[] runLength;
    private long[] runBytes;
    private int mask;
    /** No fragment is stored below this TSN; it never passes the receiver's cumulative TSN + 1. */
    private long base;
    private long storedBytes;
    private int storedCount;
    /** At least the largest TSN stored: where the search for the largest one starts. */
    private long highestStoredBound;

    ReassemblyQueue(InboundStreams streams, long maxMessageSize) {
        this.streams = streams;
        this.maxMessageSize = maxMessageSize;
        allocate(INITIAL_CAPACITY);
    }

    void start(long firstTsn) {
        base = firstTsn;
        highestStoredBound = firstTsn - 1;
    }

    /** Bytes of all fragments held for reassembly. */
    long storedBytes() {
        return storedBytes;
    }

    /** Bytes held for reassembly, except the message straddling the cumulative TSN (it is in order). */
    long bytesCountedAgainstWindow(long cumulativeTsn) {
        return storedBytes - (present(cumulativeTsn) ? runBytes[slot(cumulativeTsn)] : 0);
    }

    /** Whether {@code tsn} would continue the partially received message at the cumulative TSN. */
    boolean continuesHeadMessage(long tsn, long cumulativeTsn) {
        return tsn == cumulativeTsn + 1 && present(cumulativeTsn);
    }

    /** Stores a new (non-duplicate) fragment and delivers any message it completes. */
    int add(long tsn, DataChunk c, long cumulativeTsn) {
        int f = c.flags() & (B | E | U);
        byte[] payload = c.payload();
        if ((f & (B | E)) == (B | E)) {
            streams.onMessage(c.streamId(), c.ssn(), c.ppid(), payload, c.unordered());
            return ADDED;
        }
        if (!makeRoom(tsn, cumulativeTsn)) {
            return NO_SPACE;
        }
        int s = slot(tsn);
        payloads[s] = payload;
        streamIds[s] = c.streamId();
        ssns[s] = c.ssn();
        ppids[s] = c.ppid();
        flags[s] = (byte) f;
        storedBytes += payload.length;
        storedCount++;
        highestStoredBound = Math.max(highestStoredBound, tsn);
        long start = tsn;
        long end = tsn;
        long bytes = payload.length;
        if (mergeable(tsn - 1, tsn)) {
            int p = slot(tsn - 1);
            start = tsn - runLength[p];
            bytes += runBytes[p];
        }
        if (mergeable(tsn, tsn + 1)) {
            int n = slot(tsn + 1);
            end = tsn + runLength[n];
            bytes += runBytes[n];
        }
        markRun(start, end, bytes);
        if (maxMessageSize > 0 && bytes > maxMessageSize || bytes > Integer.MAX_VALUE - 16) {
            return TOO_LARGE;
        }
        if ((flags[slot(start)] & B) != 0 && (flags[slot(end)] & E) != 0) {
            assemble(start, end, (int) bytes);
        }
        return ADDED;
    }

    /**
     * RFC 9260 §6.2: drops the fragment with the largest TSN held for reordering if that TSN is above {@code tsn},
     * returning the TSN dropped, or -1 when no fragment is stored above {@code tsn}. The largest stored TSN ends its
     * run, so the rest of the run keeps its start and only loses its last fragment. The search walks down from a
     * bound that only grows when a fragment is added, so repeated calls scan each empty slot about once.
     */
    long dropHighestAbove(long tsn) {
        long floor = Math.max(tsn + 1, base);
        for (long x = Math.min(highestStoredBound, base + mask); x >= floor; x--) {
            int s = slot(x);
            if (payloads[s] == null) {
                continue;
            }
            int length = payloads[s].length;
            int run = runLength[s];
            if (run > 1) {
                markRun(x - run + 1, x - 1, runBytes[s] - length);
            }
            payloads[s] = null;
            storedBytes -= length;
            storedCount--;
            highestStoredBound = x - 1;
            return x;
        }
        highestStoredBound = Math.max(tsn, base - 1);
        return -1;
    }

    /**
     * RFC 3758 §3.6: the peer moved the cumulative TSN to {@code newCum}. Runs that can no longer complete are
     * dropped: those lacking their B fragment, and those ending below {@code newCum} without E. A run with B that
     * reaches {@code newCum} is the head of a message still being sent and stays.
     */
    void forwardTsn(long newCum) {
        if (storedCount == 0) {
            return;
        }
        long x = base;
        long limit = Math.min(newCum, base + mask);
        while (x <= limit) {
            int s = slot(x);
            if (payloads[s] == null) {
                x++;
                continue;
            }
            long end = x + runLength[s] - 1;
            if ((flags[s] & B) == 0 || end < newCum) {
                discard(x, end);
            }
            x = end + 1;
        }
    }

    private boolean present(long tsn) {
        return tsn >= base && tsn - base <= mask && payloads[slot(tsn)] != null;
    }

    private boolean mergeable(long a, long b) {
        if (!present(a) || !present(b)) {
            return false;
        }
        int sa = slot(a);
        int sb = slot(b);
        int fa = flags[sa];
        int fb = flags[sb];
        return (fa & E) == 0 && (fb & B) == 0 && streamIds[sa] == streamIds[sb] && (fa & U) == (fb & U)
                && ((fa & U) != 0 || ssns[sa] == ssns[sb]);
    }

    private void markRun(long start, long end, long bytes) {
        int len = (int) (end - start + 1);
        int s = slot(start);
        int e = slot(end);
        runLength[s] = len;
        runLength[e] = len;
        runBytes[s] = bytes;
        runBytes[e] = bytes;
    }

    private void assemble(long start, long end, int bytes) {
        int first = slot(start);
        int streamId = streamIds[first];
        int ssn = ssns[first];
        int ppid = ppids[first];
        boolean unordered = (flags[first] & U) != 0;
        byte[] message = new byte[bytes];
        int at = 0;
        for (long x = start; x <= end; x++) {
            int s = slot(x);
            byte[] p = payloads[s];
            System.arraycopy(p, 0, message, at, p.length);
            at += p.length;
            payloads[s] = null;
        }
        storedBytes -= bytes;
        storedCount -= (int) (end - start + 1);
        streams.onMessage(streamId, ssn, ppid, message, unordered);
    }

    private void discard(long start, long end) {
        for (long x = start; x <= end; x++) {
            int s = slot(x);
            storedBytes -= payloads[s].length;
            storedCount--;
            payloads[s] = null;
        }
    }

    private boolean makeRoom(long tsn, long cumulativeTsn) {
        if (tsn - base <= mask) {
            return true;
        }
        if (storedCount == 0) {
            base = cumulativeTsn + 1;
        } else {
            while (base <= cumulativeTsn && payloads[slot(base)] == null) {
                base++;
            }
        }
        if (tsn - base <= mask) {
            return true;
        }
        long needed = tsn - base + 1;
        if (needed > MAX_CAPACITY) {
            return false;
        }
        int capacity = mask + 1;
        while (capacity < needed) {
            capacity <<= 1;
        }
        grow(capacity);
        return true;
    }

    private void grow(int capacity) {
        byte[][] oldPayloads = payloads;
        int[] oldStreams = streamIds;
        int[] oldSsns = ssns;
        int[] oldPpids = ppids;
        byte[] oldFlags = flags;
        int[] oldRunLength = runLength;
        long[] oldRunBytes = runBytes;
        int oldMask = mask;
        allocate(capacity);
        for (long x = base; x <= base + oldMask; x++) {
            int o = (int) (x & oldMask);
            if (oldPayloads[o] == null) {
                continue;
            }
            int n = slot(x);
            payloads[n] = oldPayloads[o];
            streamIds[n] = oldStreams[o];
            ssns[n] = oldSsns[o];
            ppids[n] = oldPpids[o];
            flags[n] = oldFlags[o];
            runLength[n] = oldRunLength[o];
            runBytes[n] = oldRunBytes[o];
        }
    }

    private void allocate(int capacity) {
        payloads = new byte[capacity][];
        streamIds = new int[capacity];
        ssns = new int[capacity];
        ppids = new int[capacity];
        flags = new byte[capacity];
        runLength = new int[capacity];
        runBytes = new long[capacity];
        mask = capacity - 1;
    }

    private int slot(long tsn) {
        return (int) (tsn & mask);
    }
}
