package io.jrtc.ice;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A simulated UDP network on a virtual clock: routes datagrams by destination address, with loss, delay (whose
 * jitter reorders), duplication, and optional endpoint-independent NAT mappings, all from one seeded Random.
 */
public final class SimNetwork {
    /** Something that can receive datagrams at an address. */
    public interface Endpoint {
        void receive(long now, InetSocketAddress local, InetSocketAddress from, byte[] data);
    }

    private record InFlight(long deliverAt, long seq, InetSocketAddress from, InetSocketAddress to, byte[] data) {
    }

    private final Random random;
    private final PriorityQueue<InFlight> inFlight = new PriorityQueue<>((a, b) -> a.deliverAt != b.deliverAt
            ? Long.compare(a.deliverAt, b.deliverAt) : Long.compare(a.seq, b.seq));
    private final Map<InetSocketAddress, Endpoint> endpoints = new HashMap<>();
    private final Map<InetSocketAddress, InetSocketAddress> natOutbound = new HashMap<>();
    private final Map<InetSocketAddress, InetSocketAddress> natInbound = new HashMap<>();
    private long seq;
    private double lossRate;
    private double duplicateRate;
    private long minDelayNanos = 10_000_000;
    private long maxDelayNanos = 10_000_000;
    private long delivered;
    private long dropped;

    public SimNetwork(long seed) {
        this.random = new Random(seed);
    }

    public void attach(InetSocketAddress address, Endpoint endpoint) {
        endpoints.put(address, endpoint);
    }

    /** Packets from {@code inside} appear to come from {@code outside}; packets to {@code outside} reach it. */
    public void mapNat(InetSocketAddress inside, InetSocketAddress outside) {
        natOutbound.put(inside, outside);
        natInbound.put(outside, inside);
    }

    public SimNetwork loss(double rate) {
        this.lossRate = rate;
        return this;
    }

    public SimNetwork duplicates(double rate) {
        this.duplicateRate = rate;
        return this;
    }

    public SimNetwork delay(long minNanos, long maxNanos) {
        this.minDelayNanos = minNanos;
        this.maxDelayNanos = maxNanos;
        return this;
    }

    public void send(long now, InetSocketAddress from, InetSocketAddress to, byte[] data) {
        InetSocketAddress source = natOutbound.getOrDefault(from, from);
        int copies = random.nextDouble() < duplicateRate ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            if (random.nextDouble() < lossRate) {
                dropped++;
                continue;
            }
            long jitter = maxDelayNanos > minDelayNanos
                    ? (long) (random.nextDouble() * (maxDelayNanos - minDelayNanos)) : 0;
            inFlight.add(new InFlight(now + minDelayNanos + jitter, seq++, source, to, data.clone()));
        }
    }

    public long nextDelivery() {
        InFlight next = inFlight.peek();
        return next == null ? Long.MAX_VALUE : next.deliverAt;
    }

    public void deliverDue(long now) {
        while (!inFlight.isEmpty() && inFlight.peek().deliverAt <= now) {
            InFlight p = inFlight.poll();
            InetSocketAddress target = natInbound.getOrDefault(p.to, p.to);
            Endpoint e = endpoints.get(target);
            if (e == null) {
                dropped++;
                continue;
            }
            delivered++;
            e.receive(now, target, p.from, p.data);
        }
    }

    public long delivered() {
        return delivered;
    }

    public long dropped() {
        return dropped;
    }
}
