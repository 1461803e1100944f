package io.jrtc.pc.internal.media;

/**
 * When the first packet of each recent frame (RTP timestamp) arrived, for W3C {@code jitterBufferDelay}: the time a
 * frame waits for its last packet, reordering and retransmissions included. A ring of the last frames, looked up
 * only when a packet starts another frame, since a frame's packets come together; on the receiver's loop.
 */
final class FrameArrivals {
    /** Frames a jitter buffer holds at once, well beyond: a video frame waits for at most 250 later packets. */
    private static final int FRAMES = 64;

    private final int[] timestamps = new int[FRAMES];
    private final long[] arrivals = new long[FRAMES];
    private int next;
    private int count;
    private boolean any;
    private int lastTimestamp;

    void onPacket(long now, int rtpTimestamp) {
        if (any && rtpTimestamp == lastTimestamp) {
            return;
        }
        any = true;
        lastTimestamp = rtpTimestamp;
        if (indexOf(rtpTimestamp) >= 0) {
            return;  // a late packet of a frame already seen
        }
        timestamps[next] = rtpTimestamp;
        arrivals[next] = now;
        next = (next + 1) % FRAMES;
        count = Math.min(FRAMES, count + 1);
    }

    /** When the frame's first packet arrived; {@code otherwise} when it is no longer known. */
    long firstArrival(int rtpTimestamp, long otherwise) {
        int index = indexOf(rtpTimestamp);
        return index < 0 ? otherwise : arrivals[index];
    }

    private int indexOf(int rtpTimestamp) {
        for (int i = 1; i <= count; i++) {
            int index = (next - i + FRAMES) % FRAMES;
            if (timestamps[index] == rtpTimestamp) {
                return index;
            }
        }
        return -1;
    }
}
