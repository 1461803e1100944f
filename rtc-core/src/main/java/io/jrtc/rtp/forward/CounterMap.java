package io.jrtc.rtp.forward;

/**
 * Rewrites a wrapping counter of {@code bits} bits (the RTP sequence number, 16; the VP8 picture id, 15 or 7; the
 * VP8 TL0PICIDX, 8) from a source's numbering to one continuous output numbering, as an SFU must when it switches
 * a viewer between sources or drops packets of a source (mediasoup's SeqManager does the same):
 * <ul>
 * <li>{@link #startSource()}: the next value comes from a new numbering; it gets the output after the highest one
 * given so far, and older values of the new source are refused.</li>
 * <li>{@link #drop(int)}: the newest value is not forwarded; the values after it move down by one, so the output
 * has no gap that a receiver would take for loss.</li>
 * <li>{@link #map(int)}: a value's output. A value seen again maps to the same output; a late (reordered) value
 * maps with the offset in force when it was sent; a dropped value, or one older than the history kept, is
 * refused ({@link #NOT_MAPPED}), so two different inputs never share an output.</li>
 * </ul>
 * Values are extended to 64 bits against the highest seen (RFC 3550 Appendix A.1), so wrap-around is transparent.
 */
public final class CounterMap {
    /** What {@link #map} returns for a value that must not be forwarded. */
    public static final int NOT_MAPPED = -1;
    /** Offset changes remembered for late values: a few seconds of video with a dropped temporal layer. */
    private static final int HISTORY = 256;

    private final int bits;
    private final long modulus;
    /** Ring of offset changes: from {@code from[i]} on (extended input), output = input + {@code offset[i]}. */
    private final long[] from = new long[HISTORY];
    private final long[] offset = new long[HISTORY];
    /** The first extended input of the dropped run that ends just before {@code from[i]}, or from[i] if none. */
    private final long[] droppedFrom = new long[HISTORY];
    private int newest = -1;
    private int entries;
    private boolean sourceStarted;
    private long highestIn;
    private boolean anyOut;
    private long highestOut = -1;

    public CounterMap(int bits) {
        if (bits < 1 || bits > 32) {
            throw new IllegalArgumentException("a counter has 1 to 32 bits, not " + bits);
        }
        this.bits = bits;
        this.modulus = 1L << bits;
    }

    public int bits() {
        return bits;
    }

    /** The next value starts a new source's numbering (a switch, or the first source). */
    public void startSource() {
        sourceStarted = false;
        entries = 0;
        newest = -1;
    }

    /** Continues the output after {@code lastOutput} (the previous map's highest), for a map made anew. */
    public void continueAfter(long lastOutput) {
        if (lastOutput >= 0) {
            anyOut = true;
            highestOut = lastOutput;
        }
    }

    /** The highest output given so far (extended), or -1. */
    public long highestOutput() {
        return anyOut ? highestOut : -1;
    }

    /** The output value for {@code value}, or {@link #NOT_MAPPED}. */
    public int map(int value) {
        long in = value & (modulus - 1);
        if (!sourceStarted) {
            sourceStarted = true;
            highestIn = in;
            push(in, (anyOut ? highestOut + 1 : in) - in, in);
            return out(in + offset[newest]);
        }
        long extended = extend(in);
        if (extended > highestIn) {
            highestIn = extended;
            return out(extended + offset[newest]);
        }
        return lateOutput(extended);
    }

    /** The newest value (and only a newer one than any seen) is not forwarded: later values move down by one. */
    public void drop(int value) {
        if (!sourceStarted) {
            return;  // nothing of this source was forwarded yet: its first forwarded value sets the offset
        }
        long extended = extend(value & (modulus - 1));
        if (extended <= highestIn) {
            return;  // a late value not forwarded leaves its slot empty: the outputs after it are given already
        }
        highestIn = extended;
        if (from[newest] == extended) {
            // the previous value was dropped too: the run's one history entry moves on
            from[newest] = extended + 1;
            offset[newest]--;
        } else {
            push(extended + 1, offset[newest] - 1, extended);
        }
    }

    private long extend(long in) {
        long half = modulus / 2;
        long delta = ((in - (highestIn & (modulus - 1))) % modulus + modulus) % modulus;
        if (delta >= half) {
            delta -= modulus;
        }
        return highestIn + delta;
    }

    private int lateOutput(long extended) {
        for (int i = 0, at = newest; i < entries; i++, at = (at + HISTORY - 1) % HISTORY) {
            if (extended >= from[at]) {
                return out(extended + offset[at]);
            }
            if (extended >= droppedFrom[at]) {
                return NOT_MAPPED;  // it was dropped: its slot went to the value after it
            }
        }
        return NOT_MAPPED;  // before this source started, or older than the history
    }

    private void push(long fromIn, long newOffset, long runStart) {
        newest = (newest + 1) % HISTORY;
        from[newest] = fromIn;
        offset[newest] = newOffset;
        droppedFrom[newest] = runStart;
        entries = Math.min(entries + 1, HISTORY);
    }

    private int out(long extendedOut) {
        if (!anyOut || extendedOut > highestOut) {
            anyOut = true;
            highestOut = extendedOut;
        }
        return (int) (extendedOut & (modulus - 1));
    }
}
