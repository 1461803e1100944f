package io.jrtc.sctp;

import static io.jrtc.sctp.DataTransferSimulationTest.connected;
import static io.jrtc.sctp.SctpSimulation.ms;
import static io.jrtc.sctp.SctpSimulation.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A paused stream (a reader that cannot keep up) holds its messages back, keeps them counted against the receive
 * window, and so slows the peer's sender through SCTP flow control (RFC 9260 §6.2), while other streams flow.
 */
class PausedStreamSimulationTest {
    private static final long WINDOW = 256 * 1024;
    private static final int MESSAGE = 1024;
    private static final int MESSAGES = 1024;  // 1 MiB, 4 windows

    @Test
    void aPausedStreamClosesTheWindowStallsTheSenderAndDeliversEverythingInOrderOnResume() {
        SctpConfig config = SctpConfig.defaults().withReceiveWindow(WINDOW);
        SctpSimulation sim = connected(new SctpSimulation(21, config, config));
        sim.aToB.delay(ms(20), ms(2));
        sim.bToA.delay(ms(20), ms(2));
        sim.b.association.pauseStream(1);
        for (int i = 0; i < MESSAGES; i++) {
            sim.a.association.send(sim.now, 1, 53, numbered(i), false, null, null);
        }
        for (int i = 0; i < 100; i++) {
            sim.a.association.send(sim.now, 2, 51, numbered(i), false, null, null);
        }
        long[] highestHeld = {0};
        sim.runUntil(() -> {
            highestHeld[0] = Math.max(highestHeld[0], sim.b.association.receiveBufferedBytes());
            return false;
        }, seconds(30));

        assertThat(onStream(sim, 2)).as(sim::describe).hasSize(100);
        assertThat(onStream(sim, 1)).as("held while paused").isEmpty();
        assertThat(highestHeld[0]).as("held at most the window plus one packet")
                .isLessThanOrEqualTo(WINDOW + config.mtu());
        assertThat(sim.a.association.bufferedAmount(1)).as("the sender waits with the rest")
                .isGreaterThanOrEqualTo((long) MESSAGES * MESSAGE - WINDOW - config.mtu());
        assertThat(sim.a.association.state()).as("zero-window probes keep it alive").isEqualTo(SctpState.ESTABLISHED);
        assertThat(sim.b.association.isStreamPaused(1)).isTrue();

        sim.b.association.resumeStream(1);
        assertThat(sim.runUntil(() -> onStream(sim, 1).size() == MESSAGES, seconds(120))).as(sim::describe).isTrue();
        List<SctpEvent.MessageReceived> got = onStream(sim, 1);
        for (int i = 0; i < MESSAGES; i++) {
            assertThat(ByteBuffer.wrap(got.get(i).data()).getInt()).as("message %d", i).isEqualTo(i);
        }
        assertThat(sim.runUntil(() -> sim.a.association.bufferedAmount() == 0, seconds(10))).isTrue();
        assertThat(sim.b.association.receiveBufferedBytes()).isZero();
    }

    @Test
    void theRemoteResettingAPausedStreamDeliversWhatWasHeldBeforeTheReset() {
        SctpSimulation sim = connected(new SctpSimulation(22));
        sim.b.association.pauseStream(1);
        for (int i = 0; i < 3; i++) {
            sim.a.association.send(sim.now, 1, 53, numbered(i), false, null, null);
        }
        sim.runFor(ms(500));
        assertThat(onStream(sim, 1)).isEmpty();
        sim.a.association.resetStreams(sim.now, 1);
        assertThat(sim.runUntil(() -> sim.b.has(SctpEvent.IncomingStreamsReset.class), seconds(5))).isTrue();

        List<SctpEvent> events = sim.b.events;
        int reset = events.indexOf(sim.b.eventsOf(SctpEvent.IncomingStreamsReset.class).get(0));
        assertThat(events.subList(0, reset).stream().filter(SctpEvent.MessageReceived.class::isInstance)).hasSize(3);
        assertThat(sim.b.association.isStreamPaused(1)).isFalse();
        assertThat(sim.b.association.receiveBufferedBytes()).isZero();
    }

    private static byte[] numbered(int i) {
        return ByteBuffer.allocate(MESSAGE).putInt(i).array();
    }

    private static List<SctpEvent.MessageReceived> onStream(SctpSimulation sim, int streamId) {
        return sim.b.eventsOf(SctpEvent.MessageReceived.class).stream().filter(m -> m.streamId() == streamId)
                .toList();
    }
}
