package io.jrtc.sctp;

import static io.jrtc.sctp.SctpSimulation.ms;
import static io.jrtc.sctp.SctpSimulation.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DataTransferSimulationTest {

    static SctpSimulation connected(SctpSimulation sim) {
        sim.a.association.connect(sim.now);
        assertThat(sim.runUntil(() -> sim.a.has(SctpEvent.Connected.class) && sim.b.has(SctpEvent.Connected.class),
                seconds(10))).isTrue();
        return sim;
    }

    @Test
    void tenMebibytesArriveIntactAndInOrderDespiteLossReorderingAndDuplication() throws Exception {
        SctpSimulation sim = new SctpSimulation(10);
        for (SimulatedLink link : List.of(sim.aToB, sim.bToA)) {
            link.loss(0.05).duplicates(0.02).delay(ms(10), ms(8));
        }
        connected(sim);
        Random random = new Random(99);
        int streams = 4;
        Map<Integer, MessageDigest> sent = new HashMap<>();
        Map<Integer, MessageDigest> received = new HashMap<>();
        for (int s = 0; s < streams; s++) {
            sent.put(s, MessageDigest.getInstance("SHA-256"));
            received.put(s, MessageDigest.getInstance("SHA-256"));
        }
        long total = 0;
        int messages = 0;
        while (total < (10L << 20)) {
            int size = random.nextInt(4) == 0 ? 1 + random.nextInt(65536) : 1 + random.nextInt(2048);
            byte[] data = new byte[size];
            random.nextBytes(data);
            int stream = random.nextInt(streams);
            sent.get(stream).update(data);
            sim.a.association.send(sim.now, stream, 53, data, false, null, null);
            total += size;
            messages++;
        }
        long[] receivedBytes = {0};
        sim.b.onEvent = (p, e) -> {
            if (e instanceof SctpEvent.MessageReceived m) {
                received.get(m.streamId()).update(m.data());
                receivedBytes[0] += m.data().length;
            }
        };
        long expected = total;
        assertThat(sim.runUntil(() -> receivedBytes[0] == expected, seconds(600))).as(sim::describe).isTrue();
        assertThat(sim.b.eventsOf(SctpEvent.MessageReceived.class)).hasSize(messages);
        for (int s = 0; s < streams; s++) {
            assertThat(received.get(s).digest()).as("stream %d", s).isEqualTo(sent.get(s).digest());
        }
        assertThat(sim.runUntil(() -> sim.a.association.bufferedAmount() == 0, seconds(10))).isTrue();
        SctpStats stats = sim.a.association.stats();
        assertThat(stats.retransmissions()).isPositive();
        assertThat(stats.fastRetransmits()).isPositive();
        assertThat(sim.b.association.stats().duplicateTsns()).isPositive();
        assertThat(sim.a.association.state()).isEqualTo(SctpState.ESTABLISHED);
    }

    @Test
    void unorderedMessagesAreDeliveredAsTheyArrive() {
        SctpSimulation sim = connected(new SctpSimulation(11));
        sim.aToB.delay(ms(10), ms(20));
        for (int i = 0; i < 200; i++) {
            sim.a.association.send(sim.now, 3, 51, new byte[] {(byte) i}, true, null, null);
        }
        assertThat(sim.runUntil(() -> sim.b.eventsOf(SctpEvent.MessageReceived.class).size() == 200, seconds(5)))
                .isTrue();
        List<SctpEvent.MessageReceived> got = sim.b.eventsOf(SctpEvent.MessageReceived.class);
        assertThat(got).allMatch(SctpEvent.MessageReceived::unordered).allMatch(m -> m.streamId() == 3);
        assertThat(got.stream().map(m -> m.data()[0] & 0xFF).distinct().count()).isEqualTo(200);
        boolean inOrder = true;
        for (int i = 0; i < got.size(); i++) {
            inOrder &= (got.get(i).data()[0] & 0xFF) == i;
        }
        assertThat(inOrder).as("jitter reorders unordered messages").isFalse();
    }

    @Test
    void largeMessageOfSeveralMebibytesIsReassembledBeyondTheReceiveWindow() {
        SctpConfig unlimited = SctpConfig.defaults().withMaxMessageSize(0).withReceiveWindow(1 << 20);
        SctpSimulation sim = connected(new SctpSimulation(12, unlimited, unlimited));
        sim.aToB.loss(0.01).delay(ms(5), ms(2));
        byte[] big = new byte[6 << 20];
        new Random(5).nextBytes(big);
        sim.a.association.send(sim.now, 0, 53, big, false, null, null);
        assertThat(sim.runUntil(() -> sim.b.has(SctpEvent.MessageReceived.class), seconds(120))).as(sim::describe).isTrue();
        assertThat(sim.b.eventsOf(SctpEvent.MessageReceived.class).get(0).data()).isEqualTo(big);
    }
}
