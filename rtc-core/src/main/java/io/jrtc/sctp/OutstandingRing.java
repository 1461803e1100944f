package io.jrtc.sctp;

/**
 * The chunks between the cumulative ack and the next TSN, in a power-of-two ring indexed by TSN: O(1) lookup and
 * append, and the {@link OutstandingChunk} objects are reused as TSNs wrap round the ring.
 */
final class OutstandingRing {
    /**
     * Starts small and doubles as the chunks in flight need: a quiet association (most of a service's thousands)
     * has a few in flight, and a ring of 1,024 that its TSNs wrap round ends up holding 1,024 recycled chunks.
     */
    private OutstandingChunk[] ring = new OutstandingChunk[16];
    private int mask = ring.length - 1;

    OutstandingChunk get(long tsn) {
        return ring[(int) (tsn & mask)];
    }

    /** A (recycled) chunk for {@code tsn}, growing the ring if {@code [first, tsn]} no longer fits. */
    OutstandingChunk claim(long first, long tsn) {
        if (tsn - first >= ring.length) {
            grow(first, tsn);
        }
        int slot = (int) (tsn & mask);
        OutstandingChunk c = ring[slot];
        if (c == null) {
            c = new OutstandingChunk();
            ring[slot] = c;
        }
        return c;
    }

    private void grow(long first, long tsn) {
        OutstandingChunk[] bigger = new OutstandingChunk[ring.length * 2];
        int biggerMask = bigger.length - 1;
        for (long t = first; t < tsn; t++) {
            bigger[(int) (t & biggerMask)] = ring[(int) (t & mask)];
        }
        ring = bigger;
        mask = biggerMask;
    }
}
