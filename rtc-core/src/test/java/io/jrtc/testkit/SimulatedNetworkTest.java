package io.jrtc.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.net.DatagramEndpoint;
import io.jrtc.net.DatagramReceiver;
import io.jrtc.net.PortRange;
import io.jrtc.time.VirtualClock;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The link model of {@link SimulatedNetwork}: what arrives, when, in which order; the same seed, the same run. */
class SimulatedNetworkTest {
    private static final long MS = 1_000_000L;
    private final EventLoop loop = new DefaultEventLoop();

    @AfterEach
    void stopLoop() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aBandwidthCapSerialisesDatagramsAndTailDropsPastTheQueueLimit() throws Exception {
        Run run = new Run(1);
        // 1 Mbit/s: a 1250-byte datagram takes 10 ms on the wire; 5000 bytes of queue hold four, the one on the
        // wire included
        run.network.setConditions(LinkConditions.perfect().withDelay(Duration.ofMillis(20), Duration.ZERO)
                .withBandwidth(1_000_000, 5_000));
        for (int i = 0; i < 6; i++) {
            run.send(i, 1250);
        }
        run.tick(200);
        assertThat(run.arrivals()).containsExactly(
                new Arrival(0, 30 * MS), new Arrival(1, 40 * MS), new Arrival(2, 50 * MS), new Arrival(3, 60 * MS));
        assertThat(run.network.counters().tailDropped()).isEqualTo(2);
    }

    @Test
    void jitterReordersDuplicationRepeatsLossDropsAndTheSeedRepeatsTheRun() throws Exception {
        LinkConditions bad = LinkConditions.perfect().withLoss(0.2).withDuplication(0.2)
                .withDelay(Duration.ofMillis(50), Duration.ofMillis(30));
        // the order of arrival, not the instants: the loop reads the clock a little after a jittered arrival
        List<Integer> order = ids(runOf(bad, 11));
        assertThat(ids(runOf(bad, 11))).isEqualTo(order);
        assertThat(ids(runOf(bad, 12))).isNotEqualTo(order);
        Set<Integer> distinct = new HashSet<>(order);
        assertThat(order).as("reordered").isNotEqualTo(order.stream().sorted().toList());
        assertThat(order.size()).as("duplicated").isGreaterThan(distinct.size());
        assertThat(distinct.size()).as("lost").isBetween(120, 185);
    }

    private static List<Integer> ids(List<Arrival> arrivals) {
        return arrivals.stream().map(Arrival::id).toList();
    }

    private List<Arrival> runOf(LinkConditions conditions, long seed) throws Exception {
        Run run = new Run(seed);
        run.network.setConditions(conditions);
        for (int i = 0; i < 200; i++) {
            run.send(i, 100);
            run.tick(1);
        }
        run.tick(200);
        return run.arrivals();
    }

    private record Arrival(int id, long at) {
    }

    /** A network with two endpoints on one loop; the second one records what reaches it. */
    private final class Run {
        final VirtualClock clock = new VirtualClock();
        final SimulatedNetwork network;
        final DatagramEndpoint sender;
        final InetSocketAddress receiver;
        private final List<Arrival> arrivals = new ArrayList<>();

        Run(long seed) throws Exception {
            network = new SimulatedNetwork(clock, seed);
            InetAddress host = InetAddress.getByName("192.0.2.1");
            sender = network.bind(loop, host, new PortRange(0, 0), (endpoint, from, data, length) -> { }).get();
            DatagramReceiver recorder = (endpoint, from, data, length) ->
                    arrivals.add(new Arrival(data[0] & 0xFF | (data[1] & 0xFF) << 8, clock.nanoTime()));
            receiver = network.bind(loop, host, new PortRange(0, 0), recorder).get().localAddress();
        }

        void send(int id, int length) throws Exception {
            byte[] datagram = new byte[length];
            datagram[0] = (byte) id;
            datagram[1] = (byte) (id >> 8);
            loop.submit(() -> sender.send(receiver, datagram, 0, length)).get();
        }

        /** Moves the clock {@code millis} one at a time, letting the loop run what fell due after each. */
        void tick(int millis) throws Exception {
            for (int i = 0; i < millis; i++) {
                clock.advance(MS);
                loop.submit(() -> { }).get();
            }
        }

        List<Arrival> arrivals() throws Exception {
            return loop.submit(() -> List.copyOf(arrivals)).get();
        }
    }
}
