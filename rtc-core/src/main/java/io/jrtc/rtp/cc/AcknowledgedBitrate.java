package io.jrtc.rtp.cc;

import java.util.ArrayDeque;

/**
 * The rate at which the receiver got our packets, over the last {@link #WINDOW_NANOS} of its arrival times: what
 * the path delivered, which bounds how far the rate controller may raise its estimate and where it drops to on
 * overuse (draft-ietf-rmcat-gcc-02 §5.5, R_hat).
 */
final class AcknowledgedBitrate {
    static final long WINDOW_NANOS = 500_000_000L;
    /** Less than this much of a window says little about a rate. */
    private static final long MIN_SPAN_NANOS = 150_000_000L;

    private final ArrayDeque<long[]> arrivals = new ArrayDeque<>();
    private long bytes;
    private long firstArrival = Long.MIN_VALUE;

    void onReceived(long arrivalTime, int size) {
        if (firstArrival == Long.MIN_VALUE) {
            firstArrival = arrivalTime;
        }
        arrivals.addLast(new long[] {arrivalTime, size});
        bytes += size;
        while (arrivals.peekFirst()[0] <= arrivalTime - WINDOW_NANOS) {
            bytes -= arrivals.removeFirst()[1];
        }
    }

    /** Bits per second, or -1 while too little has arrived to say. */
    long bitrate() {
        if (arrivals.isEmpty()) {
            return -1;
        }
        long last = arrivals.peekLast()[0];
        long span = Math.min(WINDOW_NANOS, last - firstArrival);
        return span < MIN_SPAN_NANOS ? -1 : bytes * 8 * 1_000_000_000L / span;
    }
}
