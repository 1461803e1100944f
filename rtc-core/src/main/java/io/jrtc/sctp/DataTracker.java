package io.jrtc.sctp;

import io.jrtc.sctp.wire.SackChunk;

/**
 * Which TSNs the receiver holds (RFC 9260 §6.2): the cumulative TSN plus the intervals received beyond it, and
 * the duplicates seen since the last SACK. Builds SACKs with gap ack blocks straight from the intervals.
 */
final class DataTracker {
    static final int MAX_DUPLICATES_REPORTED = 32;

    private final TsnIntervalSet beyondCumulative = new TsnIntervalSet();
    private final int[] duplicates = new int[MAX_DUPLICATES_REPORTED];
    private int duplicateCount;
    private long cumulativeTsn;
    private long highest;

    /** The peer's initial TSN is the first expected one; unwrapped TSNs start at 2^32 to stay positive. */
    void start(int peerInitialTsn) {
        cumulativeTsn = (1L << 32) + (peerInitialTsn & 0xFFFF_FFFFL) - 1;
        highest = cumulativeTsn;
        beyondCumulative.clear();
        duplicateCount = 0;
    }

    long cumulativeTsn() {
        return cumulativeTsn;
    }

    long highestReceived() {
        return highest;
    }

    long unwrap(int rawTsn) {
        return SerialNumbers.unwrapTsn(cumulativeTsn, rawTsn);
    }

    boolean isReceived(long tsn) {
        return tsn <= cumulativeTsn || beyondCumulative.contains(tsn);
    }

    boolean hasGaps() {
        return !beyondCumulative.isEmpty();
    }

    void recordDuplicate(int rawTsn) {
        if (duplicateCount < duplicates.length) {
            duplicates[duplicateCount++] = rawTsn;
        }
    }

    void add(long tsn) {
        if (tsn == cumulativeTsn + 1) {
            cumulativeTsn = beyondCumulative.removeFirstIfStartsAt(tsn + 1);
            if (cumulativeTsn < tsn) {
                cumulativeTsn = tsn;
            }
        } else {
            beyondCumulative.add(tsn);
        }
        highest = Math.max(highest, tsn);
    }

    /**
     * RFC 9260 §6.2: gives up a TSN received beyond the cumulative TSN (its data was dropped to make room), so the
     * next SACK no longer reports it and the sender retransmits it. The highest TSN received stays: the data was
     * received, and a full window still takes nothing above it.
     */
    void renege(long tsn) {
        if (tsn > cumulativeTsn) {
            beyondCumulative.remove(tsn);
        }
    }

    /** RFC 3758 §3.6: treat everything up to {@code newCum} as received. */
    void forwardTo(long newCum) {
        if (newCum <= cumulativeTsn) {
            return;
        }
        beyondCumulative.removeUpTo(newCum);
        cumulativeTsn = beyondCumulative.removeFirstIfStartsAt(newCum + 1);
        if (cumulativeTsn < newCum) {
            cumulativeTsn = newCum;
        }
        highest = Math.max(highest, cumulativeTsn);
    }

    /**
     * A SACK for the current state, at most {@code maxLength} bytes: gap blocks beyond what fits, or beyond the
     * 16-bit offset range, are left out (the sender learns of them from later SACKs). Clears the duplicate list.
     */
    SackChunk buildSack(long advertisedWindow, int maxLength) {
        int room = Math.max(0, (maxLength - SackChunk.FIXED_LENGTH - 4 * duplicateCount) / 4);
        int blocks = Math.min(room, beyondCumulative.intervalCount());
        int[] gaps = new int[2 * blocks];
        int[] filled = {0};
        long cum = cumulativeTsn;
        beyondCumulative.forEachInterval(blocks, (first, last) -> {
            if (last - cum <= 0xFFFF) {
                gaps[filled[0]++] = (int) (first - cum);
                gaps[filled[0]++] = (int) (last - cum);
            }
        });
        int[] dups = new int[duplicateCount];
        System.arraycopy(duplicates, 0, dups, 0, duplicateCount);
        duplicateCount = 0;
        int[] usedGaps = filled[0] == gaps.length ? gaps : java.util.Arrays.copyOf(gaps, filled[0]);
        return new SackChunk((int) cum, advertisedWindow, usedGaps, dups);
    }
}
