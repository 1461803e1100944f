package io.jrtc.rtp;

/**
 * A token bucket for the bytes a sender resends on NACKs (RFC 4585 §6.2.1, RFC 4588 §3): each media byte sent adds
 * {@code ratio} tokens, each resent byte takes one, and the bucket holds at most {@code ratio} times the bytes the
 * history currently keeps. Tokens come only from media, so whatever the NACKs ask, the bytes resent never exceed
 * {@code ratio} times the media bytes sent, and the rate follows the media rate rather than a fixed figure; the
 * cap stops a quiet stream from saving up for a burst larger than its own history.
 * <p>
 * A ratio of {@link Double#POSITIVE_INFINITY} pays for everything; 0 pays for nothing.
 */
public final class RetransmissionBudget {
    private final double ratio;
    private long bytesHeld;
    private double tokens;
    private long bytesResent;

    /**
     * @throws IllegalArgumentException for a negative or NaN ratio
     */
    public RetransmissionBudget(double ratio) {
        if (!(ratio >= 0)) {
            throw new IllegalArgumentException("the retransmission budget is a ratio of at least 0");
        }
        this.ratio = ratio;
    }

    /** A media packet of {@code length} bytes went into the history, replacing one of {@code replacedLength}. */
    void handleMediaSent(int length, int replacedLength) {
        bytesHeld += length - replacedLength;
        if (!Double.isInfinite(ratio)) {
            tokens = Math.min(tokens + ratio * length, ratio * bytesHeld);
        }
    }

    /** Takes {@code length} tokens for a resend when there are that many; false leaves the bucket as it was. */
    boolean tryResend(int length) {
        if (Double.isInfinite(ratio)) {
            bytesResent += length;
            return true;
        }
        if (tokens < length) {
            return false;
        }
        tokens -= length;
        bytesResent += length;
        return true;
    }

    /** Bytes resent so far, RTX overhead included. */
    public long bytesResent() {
        return bytesResent;
    }

    public double ratio() {
        return ratio;
    }
}
