package io.jrtc.rtp;

/**
 * Extends received 16-bit sequence numbers to 64 bits by counting wrap-arounds (RFC 3550 Appendix A.1: the
 * "cycles" count kept next to the highest sequence number seen). A number is placed in the cycle that puts it
 * nearest to the highest seen so far, so reordered packets from just before a wrap keep their old cycle.
 * One instance per SSRC; not thread-safe, like the machines that use it.
 */
public final class SequenceNumberExtender {
    private boolean started;
    private long highest;

    /** Returns the extended form of {@code seq} and advances the highest seen if it is newer. */
    public long extend(int seq) {
        int low = seq & 0xFFFF;
        if (!started) {
            started = true;
            highest = low;
            return low;
        }
        long extended = highest + SequenceNumbers.distance(SequenceNumbers.truncate(highest), low);
        if (extended > highest) {
            highest = extended;
        }
        return extended;
    }

    /** Whether any sequence number was seen. */
    public boolean started() {
        return started;
    }

    /** The highest extended sequence number seen, as RR report blocks carry it (RFC 3550 §6.4.1). */
    public long highest() {
        return highest;
    }

    /** How many times the 16-bit sequence number wrapped (the upper bits of {@link #highest()}). */
    public long cycles() {
        return highest >> 16;
    }
}
