package io.jrtc.sctp;

import static io.jrtc.sctp.DataTransferSimulationTest.connected;
import static io.jrtc.sctp.SctpSimulation.ms;
import static io.jrtc.sctp.SctpSimulation.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleSimulationTest {

    @Test
    void gracefulShutdownDeliversQueuedDataThenClosesBothSides() {
        SctpSimulation sim = connected(new SctpSimulation(30));
        sim.aToB.loss(0.05);
        for (int i = 0; i < 100; i++) {
            sim.a.association.send(sim.now, 0, 51, new byte[3000], false, null, null);
            sim.b.association.send(sim.now, 0, 51, new byte[100], false, null, null);
        }
        sim.a.association.shutdown(sim.now);
        assertThat(sim.a.association.state()).isEqualTo(SctpState.SHUTDOWN_PENDING);
        assertThatThrownBy(() -> sim.a.association.send(sim.now, 0, 51, new byte[1], false, null, null))
                .isInstanceOf(SctpException.class);
        assertThat(sim.runUntil(() -> sim.a.has(SctpEvent.Closed.class) && sim.b.has(SctpEvent.Closed.class),
                seconds(60))).as(sim::describe).isTrue();
        assertThat(sim.b.eventsOf(SctpEvent.MessageReceived.class)).hasSize(100);
        assertThat(sim.a.eventsOf(SctpEvent.MessageReceived.class)).hasSize(100);
        assertThat(sim.a.association.state()).isEqualTo(SctpState.CLOSED);
        assertThat(sim.b.association.state()).isEqualTo(SctpState.CLOSED);
        assertThat(sim.a.association.pollTimeout()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shutdownSurvivesLostShutdownChunks() {
        SctpSimulation sim = connected(new SctpSimulation(31));
        int[] dropped = {0};
        sim.aToB.dropFilter = p -> (p[12] & 0xFF) == 7 && dropped[0]++ < 2;
        sim.bToA.dropFilter = p -> (p[12] & 0xFF) == 14;
        sim.a.association.shutdown(sim.now);
        assertThat(sim.runUntil(() -> sim.a.has(SctpEvent.Closed.class) && sim.b.has(SctpEvent.Closed.class),
                seconds(60))).as(sim::describe).isTrue();
        assertThat(dropped[0]).isGreaterThanOrEqualTo(2);
    }

    @Test
    void abortIsReportedOnBothSidesWithTheReason() {
        SctpSimulation sim = connected(new SctpSimulation(32));
        sim.a.association.abort(sim.now, "going away");
        assertThat(sim.a.association.state()).isEqualTo(SctpState.CLOSED);
        assertThat(sim.runUntil(() -> sim.b.has(SctpEvent.Aborted.class), seconds(1))).isTrue();
        assertThat(sim.b.eventsOf(SctpEvent.Aborted.class).get(0).reason()).isEqualTo("going away");
        assertThat(sim.a.eventsOf(SctpEvent.Aborted.class).get(0).reason()).isEqualTo("going away");
        assertThat(sim.b.association.state()).isEqualTo(SctpState.CLOSED);
    }

    @Test
    void outgoingResetWaitsForQueuedDataAndRestartsSequenceNumbersOnBothSides() {
        SctpSimulation sim = connected(new SctpSimulation(33));
        sim.aToB.loss(0.1).delay(ms(10), ms(5));
        sim.b.onEvent = (p, e) -> {
            if (e instanceof SctpEvent.IncomingStreamsReset r) {
                // RFC 8831 data channel close: answer an incoming reset by resetting our own stream.
                p.association.resetStreams(sim.now, r.streamIds());
            }
        };
        for (int i = 0; i < 50; i++) {
            sim.a.association.send(sim.now, 1, 51, new byte[] {(byte) i, 0, 0}, false, null, null);
        }
        sim.a.association.resetStreams(sim.now, 1);
        for (int i = 50; i < 60; i++) {
            sim.a.association.send(sim.now, 1, 51, new byte[] {(byte) i}, false, null, null);
        }
        assertThat(sim.runUntil(() -> sim.b.eventsOf(SctpEvent.MessageReceived.class).size() == 60
                && sim.a.has(SctpEvent.IncomingStreamsReset.class) && sim.b.has(SctpEvent.OutgoingStreamsReset.class),
                seconds(60))).as(sim::describe).isTrue();
        assertThat(sim.a.eventsOf(SctpEvent.OutgoingStreamsReset.class)).singleElement()
                .satisfies(r -> assertThat(r.streamIds()).containsExactly(1));
        assertThat(sim.b.eventsOf(SctpEvent.IncomingStreamsReset.class)).singleElement()
                .satisfies(r -> assertThat(r.streamIds()).containsExactly(1));
        assertThat(sim.a.eventsOf(SctpEvent.IncomingStreamsReset.class)).singleElement()
                .satisfies(r -> assertThat(r.streamIds()).containsExactly(1));
        List<Integer> order = sim.b.eventsOf(SctpEvent.MessageReceived.class).stream()
                .map(m -> (int) m.data()[0]).toList();
        assertThat(order).isSorted().hasSize(60);
        int resetAt = sim.b.events.indexOf(sim.b.eventsOf(SctpEvent.IncomingStreamsReset.class).get(0));
        long beforeReset = sim.b.events.subList(0, resetAt).stream()
                .filter(SctpEvent.MessageReceived.class::isInstance).count();
        assertThat(beforeReset).isEqualTo(50);
        // The stream is usable again in both directions.
        sim.b.association.send(sim.now, 1, 51, new byte[] {42}, false, null, null);
        assertThat(sim.runUntil(() -> sim.a.has(SctpEvent.MessageReceived.class), seconds(5))).isTrue();
    }

    @Test
    void resetRequestOvertakingItsDataIsAnsweredInProgressAndRetried() {
        SctpSimulation sim = connected(new SctpSimulation(40));
        int[] reconfigs = {0};
        boolean[] droppedData = {false};
        sim.aToB.dropFilter = p -> {
            int type = p[12] & 0xFF;
            if (type == 0x82) {
                reconfigs[0]++;
            }
            // Lose the first DATA packet so the request arrives before the last assigned TSN.
            if (type == 0 && !droppedData[0]) {
                droppedData[0] = true;
                return true;
            }
            return false;
        };
        for (int i = 0; i < 5; i++) {
            sim.a.association.send(sim.now, 4, 51, new byte[] {(byte) i}, false, null, null);
        }
        sim.a.association.resetStreams(sim.now, 4);
        sim.a.association.send(sim.now, 4, 51, new byte[] {5}, false, null, null);
        assertThat(sim.runUntil(() -> sim.a.has(SctpEvent.OutgoingStreamsReset.class)
                && sim.b.eventsOf(SctpEvent.MessageReceived.class).size() == 6, seconds(30)))
                .as(sim::describe).isTrue();
        assertThat(reconfigs[0]).as("request repeated after 'in progress'").isGreaterThanOrEqualTo(2);
        assertThat(sim.b.eventsOf(SctpEvent.IncomingStreamsReset.class)).hasSize(1);
        List<SctpEvent> bEvents = sim.b.events;
        int resetAt = bEvents.indexOf(sim.b.eventsOf(SctpEvent.IncomingStreamsReset.class).get(0));
        assertThat(bEvents.subList(0, resetAt).stream().filter(SctpEvent.MessageReceived.class::isInstance))
                .hasSize(5);
        assertThat(sim.b.eventsOf(SctpEvent.MessageReceived.class)).extracting(m -> (int) m.data()[0])
                .containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void heartbeatsAreAnsweredAndKeepAnIdleAssociationUp() {
        SctpSimulation sim = connected(new SctpSimulation(34));
        long aSent = sim.a.association.stats().packetsSent();
        long bSent = sim.b.association.stats().packetsSent();
        sim.runFor(seconds(300));
        // Both sides heartbeat about every 30 s + RTO and answer the other's heartbeats.
        assertThat(sim.a.association.stats().packetsSent() - aSent).isBetween(12L, 30L);
        assertThat(sim.b.association.stats().packetsSent() - bSent).isBetween(12L, 30L);
        assertThat(sim.a.association.state()).isEqualTo(SctpState.ESTABLISHED);
        assertThat(sim.b.association.state()).isEqualTo(SctpState.ESTABLISHED);
    }

    @Test
    void silentPeerIsDeclaredDeadByHeartbeats() {
        SctpSimulation sim = connected(new SctpSimulation(35));
        sim.bToA.up = false;
        assertThat(sim.runUntil(() -> sim.a.has(SctpEvent.Aborted.class), seconds(900))).as(sim::describe).isTrue();
        assertThat(sim.now - 1_000_000_000L).isGreaterThan(seconds(300));
    }

    @Test
    void unacknowledgedDataAbortsAfterTheRetransmissionLimit() {
        SctpSimulation sim = connected(new SctpSimulation(36));
        sim.aToB.up = false;
        sim.a.association.send(sim.now, 0, 51, new byte[100], false, null, null);
        assertThat(sim.runUntil(() -> sim.a.has(SctpEvent.Aborted.class), seconds(300))).as(sim::describe).isTrue();
        assertThat(sim.a.association.stats().t3Expirations()).isEqualTo(11);
        assertThat(sim.a.eventsOf(SctpEvent.Aborted.class).get(0).reason()).contains("T3-rtx");
    }

    @Test
    void closedReceiveWindowStallsTheSenderUntilTheApplicationReadsAgain() {
        SctpConfig small = SctpConfig.defaults().withReceiveWindow(256 << 10);
        SctpSimulation sim = connected(new SctpSimulation(37, small, small));
        sim.b.consuming = false;
        int count = 200;
        for (int i = 0; i < count; i++) {
            byte[] data = new byte[8192];
            data[0] = (byte) i;
            sim.a.association.send(sim.now, 0, 51, data, false, null, null);
        }
        sim.runFor(seconds(20));
        assertThat(sim.a.association.remoteReceiveWindow()).isLessThan(8192);
        long stalledBuffered = sim.a.association.bufferedAmount();
        assertThat(stalledBuffered).isGreaterThan((long) count * 8192 - (300 << 10));
        assertThat(sim.a.association.state()).isEqualTo(SctpState.ESTABLISHED);
        sim.b.consuming = true;
        assertThat(sim.runUntil(() -> sim.b.eventsOf(SctpEvent.MessageReceived.class).size() == count, seconds(30)))
                .as(sim::describe).isTrue();
        List<Integer> order = sim.b.eventsOf(SctpEvent.MessageReceived.class).stream()
                .map(m -> m.data()[0] & 0xFF).toList();
        assertThat(order).isSorted();
    }

    @Test
    void bufferedAmountLowFiresWhenTheStreamDrains() {
        SctpSimulation sim = connected(new SctpSimulation(38));
        sim.a.association.setBufferedAmountLowThreshold(2, 10_000);
        for (int i = 0; i < 20; i++) {
            sim.a.association.send(sim.now, 2, 51, new byte[5000], false, null, null);
        }
        assertThat(sim.a.association.bufferedAmount(2)).isEqualTo(100_000);
        assertThat(sim.runUntil(() -> sim.a.has(SctpEvent.BufferedAmountLow.class), seconds(5))).isTrue();
        assertThat(sim.a.eventsOf(SctpEvent.BufferedAmountLow.class)).singleElement()
                .satisfies(e -> assertThat(e.streamId()).isEqualTo(2));
        assertThat(sim.a.association.bufferedAmount(2)).isLessThanOrEqualTo(10_000);
    }

    @Test
    void misuseThrows() {
        SctpSimulation sim = connected(new SctpSimulation(39));
        SctpAssociation a = sim.a.association;
        assertThatThrownBy(() -> a.send(sim.now, 70000, 51, new byte[1], false, null, null))
                .isInstanceOf(SctpException.class);
        assertThatThrownBy(() -> a.send(sim.now, 0, 51, new byte[0], false, null, null))
                .isInstanceOf(SctpException.class);
        assertThatThrownBy(() -> a.send(sim.now, 0, 51, new byte[(256 << 10) + 1], false, null, null))
                .isInstanceOf(SctpException.class);
        a.abort(sim.now, "done");
        assertThatThrownBy(() -> a.send(sim.now, 0, 51, new byte[1], false, null, null))
                .isInstanceOf(SctpException.class);
        assertThatThrownBy(() -> a.resetStreams(sim.now, 0)).isInstanceOf(SctpException.class);
    }
}
