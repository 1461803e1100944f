package io.jrtc.rtp.cc;

import java.util.ArrayDeque;
import java.util.Random;

/**
 * A bottleneck link on virtual time: a FIFO queue drained at {@code rate}, dropping what would wait longer than
 * {@code maxQueueNanos} (a tail-drop queue such as tbf's), then {@code delay} of propagation, and random loss.
 * {@link #withBurst} makes it a token bucket as Linux's tbf is: after a quiet spell, up to that many bytes pass
 * at once, unshaped, before the rate holds again.
 */
final class SimulatedBottleneck {
    record Delivery(long arrival, int sequence) {
    }

    private final ArrayDeque<Delivery> inFlight = new ArrayDeque<>();
    private final long delay;
    private final long maxQueueNanos;
    private final double randomLoss;
    private final Random random = new Random(7);
    private long rate;
    private long queueFreeAt;
    private long burstBytes;
    private long jitter;
    private long lastArrival;
    private double tokens;
    private long tokensAt;
    long sent;
    long dropped;

    SimulatedBottleneck(long rate, long delay, long maxQueueNanos, double randomLoss) {
        this.rate = rate;
        this.delay = delay;
        this.maxQueueNanos = maxQueueNanos;
        this.randomLoss = randomLoss;
    }

    /** Lets up to {@code bytes} through at once after a pause (tbf's burst): the bucket starts full. */
    SimulatedBottleneck withBurst(long bytes) {
        burstBytes = bytes;
        tokens = bytes;
        return this;
    }

    /**
     * Delays each packet by up to {@code nanos} more, at random and in order (a relay or receiver that a loaded
     * machine schedules late): the one-way delay varies without any queue growing.
     */
    SimulatedBottleneck withJitter(long nanos) {
        jitter = nanos;
        return this;
    }

    void setRate(long bitsPerSecond) {
        rate = bitsPerSecond;
    }

    /** A packet of {@code size} bytes (plus 40 of UDP, IP and SRTP) enters the link at {@code now}. */
    void send(long now, int sequence, int size) {
        sent++;
        int wireSize = size + 40;
        long start = Math.max(now, queueFreeAt);
        long departure = burstBytes > 0 ? departureThroughBucket(start, wireSize) : start + wireSize * 8_000_000_000L
                / rate;
        long wait = burstBytes > 0 ? departure - now : start - now;
        if (wait > maxQueueNanos || random.nextDouble() < randomLoss) {
            dropped++;
            return;
        }
        if (burstBytes > 0) {
            tokens = Math.min(burstBytes, tokens + (departure - tokensAt) * rate / 8e9) - wireSize;
            tokensAt = departure;
        }
        queueFreeAt = departure;
        long arrival = departure + delay + (jitter > 0 ? (long) (random.nextDouble() * jitter) : 0);
        lastArrival = Math.max(lastArrival, arrival);
        inFlight.add(new Delivery(lastArrival, sequence));
    }

    /** When a packet queued from {@code start} leaves: once the bucket holds its size in tokens. */
    private long departureThroughBucket(long start, int wireSize) {
        double available = Math.min(burstBytes, tokens + (start - tokensAt) * rate / 8e9);
        return available >= wireSize ? start : start + (long) Math.ceil((wireSize - available) * 8e9 / rate);
    }

    /** The next packet that has arrived by {@code now}, or null. */
    Delivery poll(long now) {
        Delivery next = inFlight.peek();
        return next != null && next.arrival() <= now ? inFlight.poll() : null;
    }

    double lossRate() {
        return sent == 0 ? 0 : (double) dropped / sent;
    }
}
