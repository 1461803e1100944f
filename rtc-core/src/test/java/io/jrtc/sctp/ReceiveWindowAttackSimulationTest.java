package io.jrtc.sctp;

import static io.jrtc.sctp.SctpSimulation.ms;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.sctp.wire.Chunk;
import io.jrtc.sctp.wire.DataChunk;
import io.jrtc.sctp.wire.SctpPacket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 9260 §6.2 under a hostile peer: with the receive window full, DATA above the highest TSN received is dropped,
 * and DATA filling a gap is taken only by dropping the largest TSN held for reordering, so the receiver never holds
 * more than its window plus one packet however the peer spreads its TSNs.
 */
class ReceiveWindowAttackSimulationTest {
    private static final int PAYLOAD = 1100;

    private final SctpSimulation sim = DataTransferSimulationTest.connected(new SctpSimulation(21));
    private final SctpAssociation victim = sim.b.association;
    private final long window = SctpConfig.defaults().receiveWindow();
    private final long onePacket = SctpConfig.defaults().mtu();
    private long maxHeld;

    ReceiveWindowAttackSimulationTest() {
        // The attacker speaks for a; a itself must not see SACKs for TSNs it never sent.
        sim.bToA.up = false;
    }

    /** A middle fragment (neither B nor E): it can only ever merge with fragments of its own stream and SSN. */
    private void sendMiddleFragment(long offsetFromCumulative, int stream) {
        int tsn = (int) (victim.receiverCumulativeTsn() + offsetFromCumulative);
        send(new DataChunk(tsn, stream, 0, 53, false, false, false, false, new byte[PAYLOAD]));
    }

    private void send(Chunk chunk) {
        byte[] packet = new SctpPacket(5000, 5000, victim.localTag, List.of(chunk)).encode();
        sim.inject(sim.b, packet);
        sim.runFor(ms(1));
        maxHeld = Math.max(maxHeld, victim.receiveBufferedBytes());
    }

    @Test
    void fragmentsOnAlternatingStreamsBelowAFarAnchorHoldAtMostTheWindowPlusOnePacket() {
        long fragments = 2 * window / PAYLOAD;
        sendMiddleFragment(1_000_000, 0);
        for (long i = 2; i < 2 + fragments; i++) {
            sendMiddleFragment(i, 1 + (int) (i % 2));
        }
        for (long i = 1_000_001; i < 1_000_101; i++) {
            sendMiddleFragment(i, 1 + (int) (i % 2));
        }
        System.out.printf("{\"attack\":\"sctp-window\",\"fragmentsSent\":%d,\"bytesSent\":%d,\"maxBytesHeld\":%d,"
                + "\"window\":%d}%n", fragments + 101, (fragments + 101) * PAYLOAD, maxHeld, window);
        assertThat(maxHeld).isLessThanOrEqualTo(window + onePacket);
        assertThat(victim.state()).isEqualTo(SctpState.ESTABLISHED);
    }

    @Test
    void aGapFillerIsTakenWhenTheWindowIsFullAndTheLargestTsnHeldForReorderingIsDropped() {
        long fragments = window / PAYLOAD + 10;
        long cumulativeBefore = victim.receiverCumulativeTsn();
        for (long i = 2; i < 2 + fragments; i++) {
            sendMiddleFragment(i, 1 + (int) (i % 2));
        }
        long highest = victim.receiverHighestTsn();
        assertThat(highest).as("a full window took nothing past the highest TSN").isLessThan(cumulativeBefore + fragments);
        sim.b.events.clear();
        send(new DataChunk((int) (cumulativeBefore + 1), 3, 0, 53, false, true, true, true, new byte[PAYLOAD]));

        assertThat(sim.b.eventsOf(SctpEvent.MessageReceived.class)).singleElement()
                .satisfies(m -> assertThat(m.streamId()).isEqualTo(3));
        // The largest TSNs held were given up, just enough for the filler to fit (the open window had taken one
        // fragment past its end): the cumulative TSN, and with it the SACK, stops just below them.
        assertThat(victim.receiverCumulativeTsn()).isBetween(highest - 2, highest - 1);
        assertThat(maxHeld).isLessThanOrEqualTo(window + onePacket);
    }
}
