package io.jrtc.rtp.cc;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Spreads what we send over time so that a burst (a keyframe, many viewers' packets at once) does not fill the
 * bottleneck's queue and read as congestion: a byte budget refilled every {@link #INTERVAL_NANOS} at the pacing
 * rate ({@link #PACING_FACTOR} times the target, as libwebrtc paces), media leaving in order while the budget
 * lasts. A probe cluster goes out at its own rate, with media when some waits and padding otherwise. A queue
 * that would take longer than {@link #MAX_QUEUE_NANOS} to drain is drained faster: pacing must not become delay.
 * Sans-IO: {@link #enqueue} and {@link #poll} take the time; the caller writes padding of the size asked for.
 */
public final class Pacer {
    public static final long INTERVAL_NANOS = 5_000_000L;
    static final double PACING_FACTOR = 2.5;
    /**
     * The longest a packet waits: sources that do not follow the target (forwarded media, pushed frames) must not
     * be delayed by seconds (libwebrtc allows 2 s, its encoders adapt); pacing smooths bursts, it is no buffer.
     */
    static final long MAX_QUEUE_NANOS = 100_000_000L;
    /** The largest padding-only packet (RFC 3550 §5.1: the padding count is one byte). */
    public static final int MAX_PADDING = 255;
    private static final int MIN_PADDING = 50;

    /** A packet to send now: a queued media packet, or (with {@code packet} null) padding of {@code length}. */
    public record Outgoing(byte[] packet, int length, int probeClusterId) {
        public boolean isPadding() {
            return packet == null;
        }
    }

    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    private final ArrayDeque<ProbeCluster> probes = new ArrayDeque<>();
    private long pacingRate;
    private long budget;
    private long lastRefill = Long.MIN_VALUE;
    private long queuedBytes;
    private ProbeCluster probe;
    private long probeStart;
    private long probeBytes;
    private int probePackets;

    public Pacer(long targetBitrate) {
        setTargetBitrate(targetBitrate);
    }

    /** Paces at {@link #PACING_FACTOR} times the congestion controller's target from now on. */
    public void setTargetBitrate(long bitrate) {
        pacingRate = (long) (bitrate * PACING_FACTOR);
    }

    /** Queues a copy of a packet, with {@code room} spare bytes after it (for a trailer added on the way out). */
    public void enqueue(byte[] packet, int length, int room) {
        queue.add(new Outgoing(Arrays.copyOf(packet, length + room), length, ProbeCluster.NONE));
        queuedBytes += length;
    }

    /** Sends {@code cluster} after any probe already under way. */
    public void addProbe(ProbeCluster cluster) {
        probes.add(cluster);
    }

    /** The next packet to send at {@code now}, or null until {@link #pollTimeout()}. */
    public Outgoing poll(long now) {
        refill(now);
        if (probe == null && !probes.isEmpty()) {
            probe = probes.poll();
            probeStart = now;
            probeBytes = 0;
            probePackets = 0;
        }
        if (probe != null) {
            return nextProbePacket(now);
        }
        if (queue.isEmpty() || budget <= 0 && !overdue()) {
            return null;
        }
        Outgoing next = queue.poll();
        queuedBytes -= next.length();
        budget -= next.length();
        return next;
    }

    /** When {@link #poll} may have something: now while a probe or a sendable packet waits, else never. */
    public long pollTimeout() {
        if (probe != null || !probes.isEmpty()) {
            return probe == null ? lastRefill : probeStart + probeBytes * 8_000_000_000L / probe.bitrate();
        }
        if (queue.isEmpty()) {
            return Long.MAX_VALUE;
        }
        return budget > 0 || overdue() ? lastRefill : lastRefill + INTERVAL_NANOS;
    }

    /** Bytes waiting. */
    public long queuedBytes() {
        return queuedBytes;
    }

    private boolean overdue() {
        return pacingRate > 0 && queuedBytes * 8_000_000_000L / pacingRate > MAX_QUEUE_NANOS;
    }

    private void refill(long now) {
        if (lastRefill == Long.MIN_VALUE) {
            lastRefill = now;
            budget = pacingRate * INTERVAL_NANOS / 8_000_000_000L;
            return;
        }
        long elapsed = Math.min(now - lastRefill, 2 * INTERVAL_NANOS);
        if (elapsed <= 0) {
            return;
        }
        long intervalBudget = pacingRate * INTERVAL_NANOS / 8_000_000_000L;
        budget = Math.min(budget + pacingRate * elapsed / 8_000_000_000L, intervalBudget);
        lastRefill = now;
    }

    private Outgoing nextProbePacket(long now) {
        long due = probeStart + probeBytes * 8_000_000_000L / probe.bitrate();
        if (now < due) {
            return null;
        }
        Outgoing next;
        if (!queue.isEmpty()) {
            Outgoing media = queue.poll();
            queuedBytes -= media.length();
            next = new Outgoing(media.packet(), media.length(), probe.id());
        } else {
            long missing = probe.minBytes() - probeBytes;
            int size = (int) Math.max(MIN_PADDING, Math.min(MAX_PADDING, missing));
            next = new Outgoing(null, size, probe.id());
        }
        probeBytes += next.length();
        probePackets++;
        if (probeBytes >= probe.minBytes() && probePackets >= probe.minPackets()) {
            probe = null;
        }
        return next;
    }
}
