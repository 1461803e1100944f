package io.jrtc.rtp.cc;

/**
 * Groups packets into bursts and measures how far apart consecutive groups left and arrived
 * (draft-ietf-rmcat-gcc-02 §5.2): a group is the packets sent within {@link #GROUP_NANOS} of its first, plus
 * packets that arrive within {@link #GROUP_NANOS} of the previous one faster than they were sent (a burst the
 * network released at once, as a token bucket does). Fed in sending order.
 */
final class InterArrival {
    static final long GROUP_NANOS = 5_000_000L;
    /** An arrival gap this long means the path paused or the receiver's clock jumped: start again. */
    private static final long RESET_NANOS = 3_000_000_000L;

    /** How the group that just completed differs from the one before it. */
    record Deltas(long sendDelta, long arrivalDelta, long arrivalTime) {
    }

    private Group current;
    private Group previous;

    /** Adds a received packet; returns the deltas of the group it completed, or null. */
    Deltas onPacket(long sendTime, long arrivalTime) {
        if (current == null) {
            current = new Group(sendTime, arrivalTime);
            return null;
        }
        if (sendTime < current.firstSend) {
            return null;  // sent before the current group started: a reordered retransmission, not a signal
        }
        if (belongsToCurrent(sendTime, arrivalTime)) {
            current.add(sendTime, arrivalTime);
            return null;
        }
        Deltas deltas = null;
        if (previous != null) {
            long arrivalDelta = current.lastArrival - previous.lastArrival;
            if (arrivalDelta < 0 || arrivalDelta > RESET_NANOS) {
                previous = null;
                current = new Group(sendTime, arrivalTime);
                return null;
            }
            deltas = new Deltas(current.lastSend - previous.lastSend, arrivalDelta, current.lastArrival);
        }
        previous = current;
        current = new Group(sendTime, arrivalTime);
        return deltas;
    }

    private boolean belongsToCurrent(long sendTime, long arrivalTime) {
        if (sendTime - current.firstSend <= GROUP_NANOS) {
            return true;
        }
        long arrivalDelta = arrivalTime - current.lastArrival;
        long sendDelta = sendTime - current.lastSend;
        return arrivalDelta >= 0 && arrivalDelta < GROUP_NANOS && arrivalDelta < sendDelta;
    }

    private static final class Group {
        final long firstSend;
        long lastSend;
        long lastArrival;

        Group(long sendTime, long arrivalTime) {
            firstSend = sendTime;
            lastSend = sendTime;
            lastArrival = arrivalTime;
        }

        void add(long sendTime, long arrivalTime) {
            lastSend = Math.max(lastSend, sendTime);
            lastArrival = Math.max(lastArrival, arrivalTime);
        }
    }
}
