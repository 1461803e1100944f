package io.jrtc.rtp.cc;

import java.util.ArrayDeque;
import java.util.Random;

/**
 * A bottleneck link on virtual time: a FIFO queue drained at {@code rate}, dropping what would wait longer than
 * {@code maxQueueNanos} (a tail-drop queue such as tbf's), then {@code delay} of propagation, and random loss.
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
    long sent;
    long dropped;

    SimulatedBottleneck(long rate, long delay, long maxQueueNanos, double randomLoss) {
        this.rate = rate;
        this.delay = delay;
        this.maxQueueNanos = maxQueueNanos;
        this.randomLoss = randomLoss;
    }

    void setRate(long bitsPerSecond) {
        rate = bitsPerSecond;
    }

    /** A packet of {@code size} bytes (plus 40 of UDP, IP and SRTP) enters the link at {@code now}. */
    void send(long now, int sequence, int size) {
        sent++;
        long start = Math.max(now, queueFreeAt);
        if (start - now > maxQueueNanos || random.nextDouble() < randomLoss) {
            dropped++;
            return;
        }
        queueFreeAt = start + (size + 40) * 8_000_000_000L / rate;
        inFlight.add(new Delivery(queueFreeAt + delay, sequence));
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
