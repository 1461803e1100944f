package io.jrtc.sctp;

import static io.jrtc.sctp.DataTransferSimulationTest.connected;
import static io.jrtc.sctp.SctpSimulation.ms;
import static io.jrtc.sctp.SctpSimulation.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartialReliabilitySimulationTest {

    private static byte[] message(int index, int size) {
        byte[] data = new byte[size];
        data[0] = (byte) (index >>> 8);
        data[1] = (byte) index;
        return data;
    }

    private static int index(byte[] data) {
        return ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
    }

    @Test
    void noRetransmissionsUnderLossDeliversAnOrderedSubsetAndForwardTsnKeepsTheAssociationGoing() {
        SctpSimulation sim = connected(new SctpSimulation(20));
        sim.aToB.loss(0.1).delay(ms(10), ms(3));
        sim.bToA.delay(ms(10), ms(3));
        int count = 2000;
        for (int i = 0; i < count; i++) {
            // Mix single-chunk and fragmented messages so FORWARD TSN must discard partial reassemblies too.
            sim.a.association.send(sim.now, i % 3, 51, message(i, i % 5 == 0 ? 3000 : 200), false, 0, null);
        }
        sim.runFor(seconds(30));
        sim.aToB.loss(0);
        sim.a.association.send(sim.now, 0, 51, message(9999, 10), false, null, null);
        assertThat(sim.runUntil(() -> sim.b.eventsOf(SctpEvent.MessageReceived.class).stream()
                .anyMatch(m -> index(m.data()) == 9999), seconds(30))).as(sim::describe).isTrue();
        List<SctpEvent.MessageReceived> got = sim.b.eventsOf(SctpEvent.MessageReceived.class);
        assertThat(got.size() - 1).isBetween(count / 2, count - 1);
        for (int stream = 0; stream < 3; stream++) {
            int s = stream;
            List<Integer> order = got.stream().filter(m -> m.streamId() == s).map(m -> index(m.data()))
                    .filter(i -> i != 9999).toList();
            assertThat(order).as("stream %d stays ordered", s).isSorted();
        }
        SctpStats stats = sim.a.association.stats();
        assertThat(stats.abandonedMessages()).isPositive();
        // Every message is delivered or abandoned; a few are both (abandoned on reordering that looked like loss).
        assertThat(stats.abandonedMessages() + got.size() - 1).isGreaterThanOrEqualTo(count);
        assertThat(sim.runUntil(() -> sim.a.association.bufferedAmount() == 0, seconds(5))).isTrue();
        assertThat(sim.a.association.state()).isEqualTo(SctpState.ESTABLISHED);
    }

    @Test
    void unorderedPartiallyReliableMessagesSkipLosses() {
        SctpSimulation sim = connected(new SctpSimulation(21));
        sim.aToB.loss(0.2);
        for (int i = 0; i < 500; i++) {
            sim.a.association.send(sim.now, 1, 51, message(i, 2500), true, 0, null);
        }
        sim.runFor(seconds(20));
        sim.aToB.loss(0);
        sim.a.association.send(sim.now, 1, 51, message(9999, 10), true, null, null);
        assertThat(sim.runUntil(() -> sim.b.eventsOf(SctpEvent.MessageReceived.class).stream()
                .anyMatch(m -> index(m.data()) == 9999), seconds(30))).as(sim::describe).isTrue();
        assertThat(sim.a.association.stats().abandonedMessages()).isPositive();
        assertThat(sim.b.eventsOf(SctpEvent.MessageReceived.class)).allMatch(m -> m.data().length == 2500
                || index(m.data()) == 9999);
    }

    @Test
    void expiredLifetimeAbandonsMessagesThatCouldNotBeSent() {
        SctpSimulation sim = connected(new SctpSimulation(22));
        sim.aToB.up = false;
        for (int i = 0; i < 20; i++) {
            sim.a.association.send(sim.now, 0, 51, message(i, 5000), false, null, 100L);
        }
        sim.runFor(ms(1500));
        sim.aToB.up = true;
        sim.a.association.send(sim.now, 0, 51, message(9999, 10), false, null, null);
        assertThat(sim.runUntil(() -> sim.b.has(SctpEvent.MessageReceived.class), seconds(30))).as(sim::describe)
                .isTrue();
        sim.runFor(seconds(1));
        assertThat(sim.b.eventsOf(SctpEvent.MessageReceived.class)).extracting(m -> index(m.data()))
                .containsExactly(9999);
        assertThat(sim.a.association.stats().abandonedMessages()).isEqualTo(20);
        assertThat(sim.a.association.bufferedAmount()).isZero();
    }
}
