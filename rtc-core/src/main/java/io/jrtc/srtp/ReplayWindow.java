package io.jrtc.srtp;

/**
 * The replay list of RFC 3711 §3.3.2 as a sliding bitmap of the last {@value #SIZE} indices below and including the
 * highest one accepted. {@link #check} only looks; {@link #accept} records, and callers call it only once a packet
 * has authenticated, so forged packets cannot move the window. For SRTP the highest index also gives the receiver's
 * ROC and s_l of RFC 3711 §3.3.1: ROC is its upper 32 bits, s_l its lower 16.
 */
final class ReplayWindow {
    static final int SIZE = 128;

    private boolean empty = true;
    private long highest;
    /** Bit k set: index {@code highest - k} seen, for k in 0..63. */
    private long recent;
    /** Bit k set: index {@code highest - 64 - k} seen, for k in 0..63. */
    private long older;

    boolean isEmpty() {
        return empty;
    }

    /** The highest index accepted; meaningless while {@link #isEmpty()}. */
    long highest() {
        return highest;
    }

    /** Throws when {@code index} was accepted before or is too old to tell. */
    void check(long index) throws SrtpException {
        if (empty || index > highest) {
            return;
        }
        long behind = highest - index;
        if (behind >= SIZE) {
            throw new SrtpException(SrtpException.Reason.TOO_OLD, "index " + index + " is " + behind
                    + " behind " + highest);
        }
        if (isSet(behind)) {
            throw new SrtpException(SrtpException.Reason.REPLAYED, "index " + index);
        }
    }

    /** Records an index that passed {@link #check} and authentication. */
    void accept(long index) {
        if (empty) {
            empty = false;
            highest = index;
            recent = 1;
            older = 0;
        } else if (index > highest) {
            shift(index - highest);
            highest = index;
            recent |= 1;
        } else {
            long behind = highest - index;
            if (behind < 64) {
                recent |= 1L << behind;
            } else if (behind < SIZE) {
                older |= 1L << (behind - 64);
            }
        }
    }

    private boolean isSet(long behind) {
        return behind < 64 ? (recent >>> behind & 1) != 0 : (older >>> (behind - 64) & 1) != 0;
    }

    private void shift(long by) {
        if (by >= SIZE) {
            recent = 0;
            older = 0;
        } else if (by >= 64) {
            older = recent << (by - 64);
            recent = 0;
        } else {
            older = older << by | recent >>> (64 - by);
            recent <<= by;
        }
    }
}
