package io.jrtc.testkit;

import io.jrtc.net.DatagramEndpoint;
import io.jrtc.net.DatagramNetwork;
import io.jrtc.net.DatagramReceiver;
import io.jrtc.net.PortRange;
import io.jrtc.time.VirtualClock;
import io.netty.channel.EventLoop;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A datagram network on a {@link VirtualClock}: endpoints bound on any address (no real socket), and between every
 * ordered pair of endpoints a one-way link with the network's {@link LinkConditions}. A datagram sent is judged by
 * its link at once (lost, queued, delayed, duplicated) and arrives as a clock task that hops onto the receiving
 * endpoint's event loop, so nothing moves unless the clock is advanced. Each link draws from its own random
 * generator seeded from the network's seed and the two ports, so a run is repeatable as long as each endpoint sends
 * the same datagrams in the same order.
 */
public final class SimulatedNetwork implements DatagramNetwork {
    private static final int FIRST_EPHEMERAL_PORT = 50_000;

    private final VirtualClock clock;
    private final long seed;
    private final Map<InetSocketAddress, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final Map<Path, Link> links = new ConcurrentHashMap<>();
    private volatile LinkConditions conditions = LinkConditions.perfect();
    private int nextEphemeralPort = FIRST_EPHEMERAL_PORT;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong tailDropped = new AtomicLong();
    private final AtomicLong duplicated = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();

    public SimulatedNetwork(VirtualClock clock, long seed) {
        this.clock = clock;
        this.seed = seed;
    }

    /** From now on every link, in both directions, treats new datagrams this way; those in flight arrive. */
    public void setConditions(LinkConditions conditions) {
        this.conditions = conditions;
    }

    public LinkConditions conditions() {
        return conditions;
    }

    @Override
    public synchronized CompletableFuture<DatagramEndpoint> bind(EventLoop loop, InetAddress address,
                                                                 PortRange range, DatagramReceiver receiver) {
        int first = range.isEphemeral() ? nextEphemeralPort : range.min();
        int last = range.isEphemeral() ? 65_535 : range.max();
        for (int port = first; port <= last; port++) {
            InetSocketAddress local = new InetSocketAddress(address, port);
            if (!endpoints.containsKey(local)) {
                Endpoint endpoint = new Endpoint(local, loop, receiver);
                endpoints.put(local, endpoint);
                if (range.isEphemeral()) {
                    nextEphemeralPort = port + 1;
                }
                return CompletableFuture.completedFuture(endpoint);
            }
        }
        return CompletableFuture.failedFuture(new BindException("no free simulated port in " + range));
    }

    /** Datagrams handed to the network, lost (by the loss rate), tail-dropped, duplicated, and delivered. */
    public Counters counters() {
        return new Counters(sent.get(), lost.get(), tailDropped.get(), duplicated.get(), delivered.get());
    }

    public record Counters(long sent, long lost, long tailDropped, long duplicated, long delivered) {
    }

    private void transmit(Endpoint from, InetSocketAddress to, byte[] data, int offset, int length) {
        sent.incrementAndGet();
        byte[] copy = Arrays.copyOfRange(data, offset, offset + length);
        Link link = links.computeIfAbsent(new Path(from.local, to), this::newLink);
        long now = clock.nanoTime();
        long[] arrivals = link.judge(now, length, conditions);
        for (long arrival : arrivals) {
            clock.schedule(arrival - now, () -> arrive(from.local, to, copy));
        }
    }

    private Link newLink(Path path) {
        long pathSeed = seed * 1_000_003L + path.from.getPort() * 65_537L + path.to.getPort();
        return new Link(new Random(pathSeed));
    }

    /** On the clock's thread: hands the datagram to the receiving endpoint's loop, if it is still bound. */
    private void arrive(InetSocketAddress from, InetSocketAddress to, byte[] data) {
        Endpoint endpoint = endpoints.get(to);
        if (endpoint == null) {
            return;
        }
        endpoint.loop.execute(() -> {
            if (endpoint.open) {
                delivered.incrementAndGet();
                endpoint.receiver.onDatagram(endpoint, from, data, data.length);
                endpoint.receiver.onReadComplete(endpoint);
            }
        });
    }

    private record Path(InetSocketAddress from, InetSocketAddress to) {
    }

    /** One direction between two endpoints: its random draws and its bandwidth queue. */
    private final class Link {
        private final Random random;
        /** When the link finishes serialising what is queued, in clock nanoseconds. */
        private long busyUntil;

        Link(Random random) {
            this.random = random;
        }

        /** The arrival times of the datagram's copies: none when it is lost. Draws the same numbers either way. */
        synchronized long[] judge(long now, int length, LinkConditions link) {
            boolean loss = random.nextDouble() < link.lossRate();
            boolean duplicate = random.nextDouble() < link.duplicationRate();
            long jitter = jitter(link);
            long duplicateJitter = jitter(link);
            if (loss) {
                lost.incrementAndGet();
                return new long[0];
            }
            long departure = now;
            if (link.bandwidthBitsPerSecond() > 0) {
                long start = Math.max(now, busyUntil);
                long queuedBytes = (start - now) * link.bandwidthBitsPerSecond() / 8_000_000_000L;
                if (queuedBytes + length > link.queueLimitBytes()) {
                    tailDropped.incrementAndGet();
                    return new long[0];
                }
                departure = start + length * 8_000_000_000L / link.bandwidthBitsPerSecond();
                busyUntil = departure;
            }
            long arrival = departure + link.delay().toNanos();
            if (duplicate) {
                duplicated.incrementAndGet();
                return new long[] {arrival + jitter, arrival + duplicateJitter};
            }
            return new long[] {arrival + jitter};
        }

        private long jitter(LinkConditions link) {
            long bound = link.jitter().toNanos();
            return bound == 0 ? random.nextLong(1) : random.nextLong(bound + 1);
        }
    }

    /** A bound simulated port; used on its loop like a socket. */
    private final class Endpoint implements DatagramEndpoint {
        private final InetSocketAddress local;
        private final EventLoop loop;
        private final DatagramReceiver receiver;
        private volatile boolean open = true;

        Endpoint(InetSocketAddress local, EventLoop loop, DatagramReceiver receiver) {
            this.local = local;
            this.loop = loop;
            this.receiver = receiver;
        }

        @Override
        public InetSocketAddress localAddress() {
            return local;
        }

        @Override
        public void send(InetSocketAddress destination, byte[] data, int offset, int length) {
            if (open) {
                transmit(this, destination, data, offset, length);
            }
        }

        @Override
        public void flush() {
            // each datagram is judged by its link when sent
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
            endpoints.remove(local, this);
        }
    }
}
