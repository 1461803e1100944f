package io.jrtc.sctp;

import java.util.Random;
import java.util.function.Predicate;

/**
 * One direction of a simulated path: seeded loss, duplication, base delay plus random jitter (which reorders),
 * an optional bandwidth limit (serialisation delay), and a filter to drop chosen packets.
 */
final class SimulatedLink {
    double lossRate;
    double duplicateRate;
    long delayNanos = 5_000_000L;
    long jitterNanos;
    /** Bytes per second; 0 for unlimited. */
    long bandwidth;
    /** Packets for which this returns true are dropped (deterministic loss of specific packets). */
    Predicate<byte[]> dropFilter = p -> false;
    /** Extra delay for chosen packets, e.g. to make one arrive after its cookie went stale. */
    java.util.function.ToLongFunction<byte[]> extraDelay = p -> 0;
    /** When false everything is dropped (a cut cable). */
    boolean up = true;
    long delivered;
    long dropped;
    private long busyUntil;

    SimulatedLink loss(double rate) {
        this.lossRate = rate;
        return this;
    }

    SimulatedLink duplicates(double rate) {
        this.duplicateRate = rate;
        return this;
    }

    SimulatedLink delay(long nanos, long jitter) {
        this.delayNanos = nanos;
        this.jitterNanos = jitter;
        return this;
    }

    SimulatedLink bandwidth(long bytesPerSecond) {
        this.bandwidth = bytesPerSecond;
        return this;
    }

    /** Arrival times for one packet sent at {@code now}: none when lost, two when duplicated. */
    long[] schedule(long now, byte[] packet, Random random) {
        if (!up || dropFilter.test(packet) || random.nextDouble() < lossRate) {
            dropped++;
            return new long[0];
        }
        long departure = now;
        if (bandwidth > 0) {
            departure = Math.max(now, busyUntil) + packet.length * 1_000_000_000L / bandwidth;
            busyUntil = departure;
        }
        departure += extraDelay.applyAsLong(packet);
        long first = departure + delayNanos + jitter(random);
        delivered++;
        if (random.nextDouble() < duplicateRate) {
            return new long[] {first, departure + delayNanos + jitter(random)};
        }
        return new long[] {first};
    }

    private long jitter(Random random) {
        return jitterNanos == 0 ? 0 : (long) (random.nextDouble() * jitterNanos);
    }
}
