package io.jrtc.rtp.cc;

import io.jrtc.rtp.SequenceNumbers;
import io.jrtc.rtp.TransportWideFeedback;
import java.util.ArrayList;
import java.util.List;

/**
 * The sending side of transport-wide congestion control (draft-holmer-rmcat-transport-wide-cc-extensions-01 §2):
 * one counter for every RTP packet on a transport (media, retransmissions, padding), and what was sent under each
 * number for long enough that the receiver's feedback (§3.1) can be matched to it. Each packet is reported once;
 * a number fed back again, or too old to be held, is ignored.
 */
public final class SentPacketHistory {
    /** Packets remembered: several seconds at thousands of packets a second, well under the 16-bit wrap. */
    static final int CAPACITY = 1 << 14;

    private final long[] sendTimes = new long[CAPACITY];
    private final int[] sizes = new int[CAPACITY];
    private final int[] clusters = new int[CAPACITY];
    private final boolean[] reported = new boolean[CAPACITY];
    private long next;

    /**
     * Numbers a packet of {@code size} bytes sent at {@code now} (part of probe {@code probeClusterId} or
     * {@link ProbeCluster#NONE}); returns its 16-bit transport-wide sequence number.
     */
    public int onSent(long now, int size, int probeClusterId) {
        int slot = (int) (next % CAPACITY);
        sendTimes[slot] = now;
        sizes[slot] = size;
        clusters[slot] = probeClusterId;
        reported[slot] = false;
        return (int) (next++ & 0xFFFF);
    }

    /** How many packets were numbered so far. */
    public long packetsSent() {
        return next;
    }

    /**
     * The packets {@code feedback} reports on that we still hold and that were not reported before, in sequence
     * order, each with its arrival time in the receiver's clock (reference time plus the running sum of deltas,
     * §3.1) or {@link PacketResult#LOST}.
     */
    public List<PacketResult> onFeedback(TransportWideFeedback feedback) {
        List<PacketResult> results = new ArrayList<>(feedback.packetStatusCount());
        if (next == 0) {
            return results;
        }
        long highest = next - 1;
        long base = highest + SequenceNumbers.distance((int) (highest & 0xFFFF), feedback.baseSequenceNumber());
        long arrival = feedback.referenceTimeMicros() * 1000;
        int[] deltas = feedback.deltasBySequence();
        for (int i = 0; i < deltas.length; i++) {
            long sequence = base + i;
            boolean received = deltas[i] != TransportWideFeedback.MISSING;
            if (received) {
                arrival += deltas[i] * TransportWideFeedback.DELTA_TICK_MICROS * 1000;
            }
            if (sequence < 0 || sequence > highest || sequence <= highest - CAPACITY) {
                continue;
            }
            int slot = (int) (sequence % CAPACITY);
            if (reported[slot]) {
                continue;
            }
            if (received) {
                reported[slot] = true;
            }
            results.add(new PacketResult(sequence, sendTimes[slot], sizes[slot], clusters[slot],
                    received ? arrival : PacketResult.LOST));
        }
        return results;
    }
}
